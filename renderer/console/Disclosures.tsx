import { useState } from 'react';
import { adminDisclosureSchema } from '../../contract/console';
import type { ServerStaff } from '../../contract/server';
import { t } from '../i18n/intl';
import { SchoolFilter, useSchools } from './SchoolPicker';
import { CsvButton, DaysFilter, PagedList } from './ListControls';
import { usePagedList } from './usePagedList';
import { seenWords } from './when';

/**
 * Records of disclosure across schools: what left a school about a student, to whom and why
 * (FERPA asks a school to keep them with the student's record and show them on request).
 */
export function Disclosures({ admin }: { admin: ServerStaff }) {
  const { schools } = useSchools(admin);
  const [filters, setFilters] = useState({ schoolId: admin.schoolId ?? '', from: '', to: '' });
  const [now] = useState(() => new Date());
  const set = (change: Partial<typeof filters>) => setFilters((f) => ({ ...f, ...change }));
  const { items, error, loadOlder, download } = usePagedList(
    '/v1/admin/disclosures',
    adminDisclosureSchema,
    filters,
    'hearth-disclosures.csv',
  );

  return (
    <>
      <h1>{t({ defaultMessage: 'Disclosures', id: 'nUl+Od' })}</h1>
      <p className="muted">
        {t({
          defaultMessage:
            'What the schools sent out about a student, to whom and why, as each computer recorded it when a record was printed or exported for someone outside the school.',
          id: 'b9y3hH',
        })}
      </p>
      <div className="toolbar">
        <SchoolFilter
          admin={admin}
          schools={schools}
          value={filters.schoolId}
          onChange={(schoolId) => set({ schoolId })}
        />
        <DaysFilter from={filters.from} to={filters.to} onChange={set} />
        <CsvButton onClick={() => void download()} />
      </div>
      <PagedList
        error={error}
        count={items?.length ?? null}
        empty={t({ defaultMessage: 'No disclosures match.', id: 'QcLzXL' })}
        loadOlder={loadOlder}
      >
        {items && (
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t({ defaultMessage: 'When', id: 'McnLsx' })}</th>
                {!filters.schoolId && (
                  <th scope="col">{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</th>
                )}
                <th scope="col">{t({ defaultMessage: 'Student', id: 'UvFUuq' })}</th>
                <th scope="col">{t({ defaultMessage: 'To whom', id: 'paAELq' })}</th>
                <th scope="col">{t({ defaultMessage: 'Why', id: 'iEhh6m' })}</th>
                <th scope="col">{t({ defaultMessage: 'What', id: 'y9RWqI' })}</th>
                <th scope="col">{t({ defaultMessage: 'By', id: 'SgToND' })}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>{seenWords(d.disclosedAt, now)}</td>
                  {!filters.schoolId && <td>{d.schoolName}</td>}
                  <td>{d.studentName ?? ''}</td>
                  <td>{d.recipient}</td>
                  <td>{d.purpose}</td>
                  <td>{d.description}</td>
                  <td>{d.disclosedByName ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedList>
    </>
  );
}
