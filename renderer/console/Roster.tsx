import { useState } from 'react';
import { z } from 'zod';
import {
  rosterImportRecordSchema,
  rosterImportResultSchema,
  type RosterSummary,
} from '../../contract/console';
import { HearthError } from '../../contract/errors';
import type { ServerStaff } from '../../contract/server';
import { formatNumber, t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { request } from './api';
import { useAnswer } from './useAnswer';
import { seenWords } from './when';

const IMPORT_LIST = z.array(rosterImportRecordSchema);

const KINDS = ['schools', 'students', 'caregivers', 'links', 'households', 'staff'] as const;
const KIND_WORDS: Record<(typeof KINDS)[number], () => string> = {
  schools: () => t({ defaultMessage: 'Schools', id: 'ofuGfT' }),
  students: () => t({ defaultMessage: 'Students', id: 'uhwf+D' }),
  caregivers: () => t({ defaultMessage: 'Caregivers', id: 'rhI7ou' }),
  links: () => t({ defaultMessage: 'Student–caregiver links', id: 'MX8G3u' }),
  households: () => t({ defaultMessage: 'Households', id: 'CuogY2' }),
  staff: () => t({ defaultMessage: 'Staff', id: 'gFJ4sU' }),
};

/** "users.csv:12:email" as the server names a problem's place: "users.csv, line 12, email". */
function placeWords(path: string): string {
  const [file = '', line, field] = path.split(':');
  if (!line) return file;
  return field
    ? t(
        { defaultMessage: '{file}, line {line}, {field}', id: 'PnqKWq' },
        { file, line: Number(line), field },
      )
    : t({ defaultMessage: '{file}, line {line}', id: 'TDc1GF' }, { file, line: Number(line) });
}

function SummaryTable({ summary, caption }: { summary: RosterSummary; caption: string }) {
  return (
    <table className="log-table roster-summary">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t({ defaultMessage: 'Records', id: 'AgxEdc' })}</th>
          <th scope="col">{t({ defaultMessage: 'New', id: 'bW7B87' })}</th>
          <th scope="col">{t({ defaultMessage: 'Changed', id: 'PLUzwy' })}</th>
          <th scope="col">{t({ defaultMessage: 'Retired', id: '2yjlZf' })}</th>
        </tr>
      </thead>
      <tbody>
        {KINDS.map((kind) => (
          <tr key={kind}>
            <th scope="row">{KIND_WORDS[kind]()}</th>
            <td>{formatNumber(summary[kind].created)}</td>
            <td>{formatNumber(summary[kind].updated)}</td>
            <td>{formatNumber(summary[kind].removed)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const COUNTS = ['created', 'updated', 'removed'] as const;
const sumOf = (summary: RosterSummary, count: (typeof COUNTS)[number]) =>
  KINDS.reduce((n, kind) => n + summary[kind][count], 0);
const totalOf = (summary: RosterSummary) =>
  COUNTS.reduce((n, count) => n + sumOf(summary, count), 0);

/**
 * The district roster from the student information system (a OneRoster zip): checked first
 * with a dry run that changes nothing, then imported; and the imports so far.
 */
export function Roster({ admin }: { admin: ServerStaff }) {
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<RosterSummary | null>(null);
  const [imported, setImported] = useState<RosterSummary | null>(null);
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now] = useState(() => new Date());
  // A new key empties the file field once its roster is imported.
  const [fieldKey, setFieldKey] = useState(0);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const district = admin.schoolId === null;

  const {
    data: history,
    error: historyError,
    reload: loadHistory,
  } = useAnswer(district ? '/v1/admin/roster/imports' : null, IMPORT_LIST);

  const send = (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setProblems([]);
    const query = new URLSearchParams({ timeZone: zone, dryRun: String(dryRun) });
    request('POST', `/v1/admin/roster?${query.toString()}`, rosterImportResultSchema, file).then(
      (result) => {
        setBusy(false);
        if (result.dryRun) setChecked(result);
        else {
          setImported(result);
          setChecked(null);
          setFile(null);
          setFieldKey((k) => k + 1);
          void loadHistory();
        }
      },
      (e: unknown) => {
        setBusy(false);
        setChecked(null);
        setError(errorMessage(e));
        if (e instanceof HearthError && e.issues) setProblems(e.issues);
      },
    );
  };

  if (!district)
    return (
      <>
        <h1>{t({ defaultMessage: 'Roster', id: '9nSjCz' })}</h1>
        <p>
          {t({
            defaultMessage: 'Only a district administrator can import the roster.',
            id: 'R1L9DE',
          })}
        </p>
      </>
    );

  return (
    <>
      <h1>{t({ defaultMessage: 'Roster', id: '9nSjCz' })}</h1>
      <section className="card" aria-labelledby="roster-upload-title">
        <h2 id="roster-upload-title">
          {t({ defaultMessage: 'Import the district roster', id: 'USRX5O' })}
        </h2>
        <p className="muted">
          {t(
            {
              defaultMessage:
                'A OneRoster 1.1 or 1.2 zip from the student information system, bulk or delta. Check it first: nothing changes until you import it. New schools get the time zone {zone}.',
              id: 'cqdaNb',
            },
            { zone },
          )}
        </p>
        <div className="toolbar">
          <label className="field">
            <span>{t({ defaultMessage: 'Roster file (.zip)', id: 'kuanXv' })}</span>
            <input
              key={fieldKey}
              type="file"
              accept=".zip,application/zip"
              onChange={(event) => {
                setFile(event.target.files?.[0] ?? null);
                setChecked(null);
                setImported(null);
                setProblems([]);
                setError(null);
              }}
            />
          </label>
          <button
            type="button"
            className="button"
            disabled={!file || busy}
            onClick={() => send(true)}
          >
            {t({ defaultMessage: 'Check it (dry run)', id: 'jKuUk2' })}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={!file || !checked || busy}
            onClick={() => send(false)}
          >
            {t({ defaultMessage: 'Import it', id: 'eoGKzI' })}
          </button>
        </div>
        {busy && (
          <p role="status" className="muted">
            {t({ defaultMessage: 'Reading the roster…', id: 'WVdzWW' })}
          </p>
        )}
        {error && (
          <div role="alert">
            <p className="error-text">{error}</p>
            {problems.length > 0 && (
              <ol className="roster-problems">
                {problems.map((p, i) => (
                  <li key={i}>
                    <strong>{placeWords(p.path)}</strong>: {p.message}
                  </li>
                ))}
              </ol>
            )}
          </div>
        )}
        {checked && (
          <div role="status">
            <p className="notice notice-ok">
              {t(
                {
                  defaultMessage:
                    'The roster is fine ({mode, select, delta {changes only} other {the whole district}}). Importing it would make {total, plural, =0 {no change} one {# change} other {# changes}}:',
                  id: 'ZKpQGG',
                },
                { mode: checked.mode, total: totalOf(checked) },
              )}
            </p>
            <SummaryTable
              summary={checked}
              caption={t({ defaultMessage: 'What the import would do', id: 'AgrKfk' })}
            />
          </div>
        )}
        {imported && (
          <div role="status">
            <p className="notice notice-ok">
              {t({
                defaultMessage:
                  'Imported. The schools’ computers receive the changes at their next sync.',
                id: '8ycQLh',
              })}
            </p>
            <SummaryTable
              summary={imported}
              caption={t({ defaultMessage: 'What the import did', id: 'H93j2Y' })}
            />
          </div>
        )}
      </section>
      <section aria-labelledby="roster-history-title">
        <h2 id="roster-history-title">{t({ defaultMessage: 'Imports so far', id: 'pIhm/w' })}</h2>
        {historyError && (
          <p role="alert" className="error-text">
            {historyError}
          </p>
        )}
        {history?.length === 0 && (
          <p className="muted">
            {t({ defaultMessage: 'The roster has not been imported yet.', id: 'V+la4Q' })}
          </p>
        )}
        {history && history.length > 0 && (
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t({ defaultMessage: 'When', id: 'McnLsx' })}</th>
                <th scope="col">{t({ defaultMessage: 'Who', id: 'o8KenS' })}</th>
                <th scope="col">{t({ defaultMessage: 'Kind', id: 'e5x8FT' })}</th>
                <th scope="col">{t({ defaultMessage: 'New', id: 'bW7B87' })}</th>
                <th scope="col">{t({ defaultMessage: 'Changed', id: 'PLUzwy' })}</th>
                <th scope="col">{t({ defaultMessage: 'Retired', id: '2yjlZf' })}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((record) => (
                <tr key={record.id}>
                  <td>{seenWords(record.importedAt, now)}</td>
                  <td>
                    {record.importedByName ??
                      t({ defaultMessage: 'The command line', id: 'ZwQasR' })}
                  </td>
                  <td>
                    {record.summary.mode === 'delta'
                      ? t({ defaultMessage: 'Changes only', id: 'Gp9crH' })
                      : t({ defaultMessage: 'Whole district', id: 'kD9Y9n' })}
                  </td>
                  {COUNTS.map((count) => (
                    <td key={count}>{formatNumber(sumOf(record.summary, count))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
