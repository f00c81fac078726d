import { useState } from 'react';
import type { ServerStaff } from '../../contract/server';
import { districtAuditEntrySchema } from '../../contract/sync';
import { AUDIT_ACTIONS, type AuditAction } from '../../contract/views';
import { t } from '../i18n/intl';
import { ACTION_WORDS, whatWasDone } from '../ui/auditWords';
import { SchoolFilter, useSchools } from './SchoolPicker';
import { CsvButton, DaysFilter, PagedList } from './ListControls';
import { useSchoolStaff } from './Staff';
import { usePagedList } from './usePagedList';
import { seenWords } from './when';

// A type, not an interface, so that it is a Record<string, string> for usePagedList.
type Filters = {
  schoolId: string;
  staffId: string;
  action: AuditAction | '';
  from: string;
  to: string;
};

/**
 * Who read or changed confidential records, at every school an administrator manages: the
 * computers' audit logs as the district keeps them, with names, filters, pages and CSV.
 */
export function AuditLog({ admin }: { admin: ServerStaff }) {
  const { schools } = useSchools(admin);
  const [filters, setFilters] = useState<Filters>({
    schoolId: admin.schoolId ?? '',
    staffId: '',
    action: '',
    from: '',
    to: '',
  });
  const { data: staff, error: staffError } = useSchoolStaff(filters.schoolId);
  const {
    items: entries,
    error: listError,
    loadOlder,
    download,
  } = usePagedList('/v1/admin/audit', districtAuditEntrySchema, filters, 'hearth-audit-log.csv');
  const error = listError ?? staffError;
  const [now] = useState(() => new Date());
  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));

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
        <SchoolFilter
          admin={admin}
          schools={schools}
          value={filters.schoolId}
          onChange={(schoolId) => set({ schoolId, staffId: '' })}
        />
        <label className="field">
          <span>{t({ defaultMessage: 'Staff member', id: '66D0h/' })}</span>
          <select
            value={filters.staffId}
            disabled={!filters.schoolId}
            onChange={(e) => set({ staffId: e.target.value })}
          >
            <option value="">{t({ defaultMessage: 'Everyone', id: '2XDuH4' })}</option>
            {(staff ?? []).map((s) => (
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
        <DaysFilter from={filters.from} to={filters.to} onChange={set} />
        <CsvButton onClick={() => void download()} />
      </div>
      <PagedList
        error={error}
        count={entries?.length ?? null}
        empty={t({ defaultMessage: 'No entries match.', id: 'DhD56I' })}
        loadOlder={loadOlder}
      >
        {entries && (
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
      </PagedList>
    </>
  );
}
