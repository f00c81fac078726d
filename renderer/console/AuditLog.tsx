import { useCallback, useEffect, useState } from 'react';
import { z } from 'zod';
import { adminStaffSchema, type AdminStaff } from '../../contract/console';
import type { ServerStaff } from '../../contract/server';
import { districtAuditEntrySchema, type DistrictAuditEntry } from '../../contract/sync';
import { AUDIT_ACTIONS, type AuditAction } from '../../contract/views';
import { t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { ACTION_WORDS, whatWasDone } from '../ui/auditWords';
import { downloadCsv } from '../ui/download';
import { request, requestText } from './api';
import { useSchools } from './schools';
import { seenWords } from './when';

const PAGE = 100;

interface Filters {
  schoolId: string;
  staffId: string;
  action: AuditAction | '';
  from: string;
  to: string;
}

/** The filters as the server's query (contract districtAuditQuery); empty ones left out. */
function queryOf(filters: Filters, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra }))
    if (value) params.set(key, value);
  return params.toString();
}

/**
 * Who read or changed confidential records, at every school an administrator manages: the
 * computers' audit logs as the district keeps them, with names, filters, pages and CSV.
 */
export function AuditLog({ admin }: { admin: ServerStaff }) {
  const { schools } = useSchools(admin);
  const district = admin.schoolId === null;
  const [filters, setFilters] = useState<Filters>({
    schoolId: admin.schoolId ?? '',
    staffId: '',
    action: '',
    from: '',
    to: '',
  });
  const [staff, setStaff] = useState<AdminStaff[]>([]);
  const [entries, setEntries] = useState<DistrictAuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [now] = useState(() => new Date());
  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));

  useEffect(() => {
    if (!filters.schoolId) return;
    request(
      'GET',
      `/v1/admin/staff?schoolId=${encodeURIComponent(filters.schoolId)}`,
      z.array(adminStaffSchema),
    ).then(setStaff, (e: unknown) => setError(errorMessage(e)));
  }, [filters.schoolId]);

  // Each change of the filters starts again from the newest entry.
  const load = useCallback(
    (before: DistrictAuditEntry | null) => {
      const query = queryOf(filters, {
        limit: String(PAGE),
        ...(before ? { before: before.id } : {}),
      });
      request('GET', `/v1/admin/audit?${query}`, z.array(districtAuditEntrySchema)).then(
        (page) => {
          setError(null);
          setEntries((shown) => (before ? [...(shown ?? []), ...page] : page));
          setMore(page.length === PAGE);
        },
        (e: unknown) => setError(errorMessage(e)),
      );
    },
    [filters],
  );
  useEffect(() => load(null), [load]);

  const download = () => {
    requestText(`/v1/admin/audit.csv?${queryOf(filters)}`).then(
      (csv) => downloadCsv(csv, 'hearth-audit-log.csv'),
      (e: unknown) => setError(errorMessage(e)),
    );
  };

  return (
    <>
      <h1>{t({ defaultMessage: 'Audit log', id: 'ED9RG5' })}</h1>
      <p className="muted">
        {t({
          defaultMessage:
            'Every read and change of a confidential record on the schools’ computers, as they sent it to the district. Nobody can edit or delete these entries.',
          id: 'Fd/EJN',
        })}
      </p>
      <div className="toolbar">
        <label className="field">
          <span>{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</span>
          <select
            value={filters.schoolId}
            disabled={!district}
            onChange={(e) => set({ schoolId: e.target.value, staffId: '' })}
          >
            {district && (
              <option value="">{t({ defaultMessage: 'All schools', id: 'oYqwXs' })}</option>
            )}
            {schools?.map((school) => (
              <option key={school.id} value={school.id}>
                {school.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Staff member', id: '66D0h/' })}</span>
          <select
            value={filters.staffId}
            disabled={!filters.schoolId}
            onChange={(e) => set({ staffId: e.target.value })}
          >
            <option value="">{t({ defaultMessage: 'Everyone', id: '2XDuH4' })}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Action', id: 'QlsDcr' })}</span>
          <select
            value={filters.action}
            onChange={(e) => set({ action: e.target.value as AuditAction | '' })}
          >
            <option value="">{t({ defaultMessage: 'Any', id: 'ToO3/h' })}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(ACTION_WORDS[a])}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'From', id: 'dM+p3/' })}</span>
          <input type="date" value={filters.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'To', id: '9j3hXO' })}</span>
          <input type="date" value={filters.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <button type="button" className="button" onClick={download}>
          {t({ defaultMessage: 'Download as CSV', id: 'ko5RHN' })}
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {entries?.length === 0 && (
        <p className="muted">{t({ defaultMessage: 'No entries match.', id: 'DhD56I' })}</p>
      )}
      {entries && entries.length > 0 && (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">{t({ defaultMessage: 'When', id: 'McnLsx' })}</th>
              {!filters.schoolId && (
                <th scope="col">{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</th>
              )}
              <th scope="col">{t({ defaultMessage: 'Who', id: 'o8KenS' })}</th>
              <th scope="col">{t({ defaultMessage: 'What', id: 'y9RWqI' })}</th>
              <th scope="col">{t({ defaultMessage: 'About', id: 'g5pX+a' })}</th>
              <th scope="col">{t({ defaultMessage: 'Computer', id: 'GufTjD' })}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{seenWords(e.at, now)}</td>
                {!filters.schoolId && <td>{e.schoolName}</td>}
                <td>
                  {e.staffName ??
                    t({ defaultMessage: 'Someone not in the district’s accounts', id: 'pel/+q' })}
                </td>
                <td>{whatWasDone(e)}</td>
                <td>{e.aboutName ?? ''}</td>
                <td>{e.deviceName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && entries && (
        <button type="button" className="button" onClick={() => load(entries.at(-1) ?? null)}>
          {t({ defaultMessage: 'Show older entries', id: 'dZ6+Bj' })}
        </button>
      )}
    </>
  );
}
