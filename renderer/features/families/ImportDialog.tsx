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

/**
 * Import families from a file: the template to start from, the file, and either what came in
 * or every problem by line and column (nothing is imported until the file is right).
 */
export function ImportDialog({ onDone }: { onDone: (imported: boolean) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [result, setResult] = useState<FamiliesImportResult | null>(null);

  const importFile = async () => {
    if (!file) {
      setError('Choose the file to import first.');
      return;
    }
    setBusy(true);
    setError(null);
    setIssues([]);
    try {
      setResult(await call('families.import', { fileName: file.name, text: await file.text() }));
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
        </p>
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
          One row per student, with up to two caregivers; rows with the same family name and address
          become one family. Every column must have its name in the first row. These must be filled
          in: {FAMILIES_CSV_REQUIRED.join(', ')}.
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
          <span>The file (CSV)</span>
          <input
            type="file"
            accept=".csv,text/csv"
            data-autofocus
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
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
