import { FileDown } from 'lucide-react';
import { useState } from 'react';
import {
  FAMILIES_CSV_REQUIRED,
  FAMILIES_CSV_TEMPLATE,
  HearthError,
  type FamiliesImportResult,
  type FieldIssue,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { downloadCsv } from '../../ui/download';
import { plural } from '../../../contract';
import { chooseImport } from './importFiles';

/**
 * Import families from a file: the template to start from, the file, and either what came in
 * or every problem by line and column (nothing is imported until the file is right).
 */
export function ImportDialog({ onDone }: { onDone: (imported: boolean) => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [result, setResult] = useState<FamiliesImportResult | null>(null);

  const importFile = async () => {
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      const chosen = await chooseImport(files);
      if ('problem' in chosen) {
        setError(chosen.problem);
        return;
      }
      setResult(await call('families.import', chosen.input));
    } catch (e) {
      setError(errorMessage(e));
      if (e instanceof HearthError) setIssues(e.issues ?? []);
    } finally {
      setBusy(false);
    }
  };

  if (result)
    return (
      <Dialog title="Families imported" onCancel={() => onDone(true)}>
        <p role="status">
          Imported {plural(result.families, 'family', 'families')},{' '}
          {plural(result.people, 'caregiver', 'caregivers')} and{' '}
          {plural(result.students, 'student', 'students')}.
          {result.updated > 0 &&
            ` The names or grades of ${plural(result.updated, 'student', 'students')} already here were brought up to date.`}
        </p>
        {result.toMerge > 0 && (
          <p>
            {plural(result.toMerge, 'student', 'students')} from the roster{' '}
            {result.toMerge === 1 ? 'has' : 'have'} the same name as a student added here by hand.
            Open the student on the family page and choose “Merge a duplicate”, so nobody is counted
            twice.
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="button primary"
            onClick={() => onDone(true)}
            data-autofocus
          >
            Done
          </button>
        </div>
      </Dialog>
    );

  return (
    <Dialog size="wide" title="Import families from a file" onCancel={() => onDone(false)}>
      <div className="stack">
        <p>
          <strong>A families file:</strong> one row per student, with up to two caregivers; rows
          with the same family name and address become one family. Every column must have its name
          in the first row. These must be filled in: {FAMILIES_CSV_REQUIRED.join(', ')}.
        </p>
        <p>
          <strong>A OneRoster export</strong> from your student information system: choose its zip
          file, or all the CSV files of its folder at once. Its students and their caregivers come
          in as families; importing a newer export again updates names and grades and doubles no
          one.
        </p>
        <p>
          <button
            type="button"
            className="button small"
            onClick={() => downloadCsv(FAMILIES_CSV_TEMPLATE, 'hearth-families-template.csv')}
          >
            <FileDown size={16} aria-hidden="true" /> Download the template
          </button>
        </p>
        <label className="field">
          <span>The file or files (CSV or zip)</span>
          <input
            type="file"
            multiple
            accept=".csv,text/csv,.zip,application/zip"
            data-autofocus
            onChange={(e) => {
              setFiles([...(e.target.files ?? [])]);
              setIssues([]);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        {issues.length > 0 && (
          <table className="log-table" aria-label="Problems in the file">
            <thead>
              <tr>
                <th scope="col">Where</th>
                <th scope="col">What to fix</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => (
                <tr key={`${i.path}-${i.message}`}>
                  <td>{i.path}</td>
                  <td>{i.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => onDone(false)}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void importFile()}
          >
            {issues.length > 0 ? 'Import again' : 'Import'}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
