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
import { chooseImport } from './importFiles';
import { t, tRich } from '../../i18n/intl';

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
      <Dialog
        title={t({ defaultMessage: 'Families imported', id: '85CfZh' })}
        onCancel={() => onDone(true)}
      >
        <p role="status">
          {t(
            {
              defaultMessage:
                'Imported {families, plural, one {# family} other {# families}}, {people, plural, one {# caregiver} other {# caregivers}} and {students, plural, one {# student} other {# students}}.',
              id: 'zwBtFc',
            },
            { families: result.families, people: result.people, students: result.students },
          )}
          {result.updated > 0 &&
            ` ${t(
              {
                defaultMessage:
                  'The names or grades of {count, plural, one {# student} other {# students}} already here were brought up to date.',
                id: 'bwzwTj',
              },
              { count: result.updated },
            )}`}
        </p>
        {result.toMerge > 0 && (
          <p>
            {t(
              {
                defaultMessage:
                  '{count, plural, one {# student from the roster has} other {# students from the roster have}} the same name as a student added here by hand. Open the student on the family page and choose “Merge a duplicate”, so nobody is counted twice.',
                id: 'Dmfuad',
              },
              { count: result.toMerge },
            )}
          </p>
        )}
        <div className="dialog-actions">
          <button
            type="button"
            className="button primary"
            onClick={() => onDone(true)}
            data-autofocus
          >
            {t({ defaultMessage: 'Done', id: 'JXdbo8' })}
          </button>
        </div>
      </Dialog>
    );

  return (
    <Dialog
      size="wide"
      title={t({ defaultMessage: 'Import families from a file', id: 'L/3O6k' })}
      onCancel={() => onDone(false)}
    >
      <div className="stack">
        <p>
          {tRich(
            {
              defaultMessage:
                '<b>A families file:</b> one row per student, with up to two caregivers; rows with the same family name and address become one family. Every column must have its name in the first row. These must be filled in: {columns}.',
              id: '3LAKQD',
            },
            {
              columns: FAMILIES_CSV_REQUIRED.join(', '),
              b: (chunks) => <strong>{chunks}</strong>,
            },
          )}
        </p>
        <p>
          {tRich(
            {
              defaultMessage:
                '<b>A OneRoster export</b> from your student information system: choose its zip file, or all the CSV files of its folder at once. Its students and their caregivers come in as families; importing a newer export again updates names and grades and doubles no one.',
              id: 'Z8tphh',
            },
            { b: (chunks) => <strong>{chunks}</strong> },
          )}
        </p>
        <p>
          <button
            type="button"
            className="button small"
            onClick={() => downloadCsv(FAMILIES_CSV_TEMPLATE, 'hearth-families-template.csv')}
          >
            <FileDown size={16} aria-hidden="true" />{' '}
            {t({ defaultMessage: 'Download the template', id: '30pFh/' })}
          </button>
        </p>
        <label className="field">
          <span>{t({ defaultMessage: 'The file or files (CSV or zip)', id: 'V0btWi' })}</span>
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
          <table
            className="log-table"
            aria-label={t({ defaultMessage: 'Problems in the file', id: 'ha1Il2' })}
          >
            <thead>
              <tr>
                <th scope="col">{t({ defaultMessage: 'Where', id: 'ujaB7H' })}</th>
                <th scope="col">{t({ defaultMessage: 'What to fix', id: 'chkbvQ' })}</th>
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
            {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy}
            onClick={() => void importFile()}
          >
            {issues.length > 0
              ? t({ defaultMessage: 'Import again', id: 'HcMAFQ' })
              : t({
                  defaultMessage: 'Import',
                  id: 'KyAnOS',
                  description: 'button that imports the chosen file',
                })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
