import { useState } from 'react';
import { z } from 'zod';
import { adminStaffSchema, type AdminStaff } from '../../contract/console';
import type { ServerStaff } from '../../contract/server';
import { t } from '../i18n/intl';
import { roleName, teamName } from '../ui/roles';
import { SchoolPicker, useSchools } from './SchoolPicker';
import { StaffDialog } from './StaffDialog';
import { useAnswer } from './useAnswer';

const STAFF_LIST = z.array(adminStaffSchema);

/**
 * A school's staff accounts ('' asks nothing), never those of the school chosen before it
 * (useAnswer); `reload` settles once the list is shown again.
 */
export const useSchoolStaff = (schoolId: string) =>
  useAnswer(
    schoolId ? `/v1/admin/staff?schoolId=${encodeURIComponent(schoolId)}` : null,
    STAFF_LIST,
  );

function statusWords(staff: AdminStaff): string {
  if (staff.stoppedInConsoleAt)
    return t({ defaultMessage: 'Stopped by an administrator', id: '9Wp5ZE' });
  if (!staff.active) return t({ defaultMessage: 'Deactivated', id: 'plMsEA' });
  if (!staff.hasPassword) return t({ defaultMessage: 'Needs a first password', id: 'SqUonm' });
  return t({ defaultMessage: 'Active', id: '3a5wL8' });
}

/** A school's staff accounts: who may sign in to Hearth there, in what role and teams. */
export function Staff({ admin }: { admin: ServerStaff }) {
  const { schools, schoolId, setSchoolId, error: schoolsError } = useSchools(admin);
  const { data: staff, error, reload } = useSchoolStaff(schoolId);
  const [editing, setEditing] = useState<AdminStaff | 'new' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  return (
    <>
      <h1>{t({ defaultMessage: 'Staff', id: 'gFJ4sU' })}</h1>
      <div className="toolbar">
        <SchoolPicker schools={schools} schoolId={schoolId} onChoose={setSchoolId} />
        <button
          type="button"
          className="button primary"
          disabled={!schoolId}
          onClick={() => {
            setDone(null);
            setEditing('new');
          }}
        >
          {t({ defaultMessage: 'Add a staff member', id: 'clWz53' })}
        </button>
      </div>
      {done && (
        <p role="status" className="notice notice-ok">
          {done}
        </p>
      )}
      {(error ?? schoolsError) && (
        <p role="alert" className="error-text">
          {error ?? schoolsError}
        </p>
      )}
      {staff?.length === 0 && (
        <p className="muted">
          {t({
            defaultMessage:
              'No one at this school has a Hearth account yet. Add staff here, or import the district roster.',
            id: 'DjU11R',
          })}
        </p>
      )}
      {staff && staff.length > 0 && (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">{t({ defaultMessage: 'Name', id: 'HAlOn1' })}</th>
              <th scope="col">{t({ defaultMessage: 'Email', id: 'sy+pv5' })}</th>
              <th scope="col">{t({ defaultMessage: 'Role', id: '1ZgrhW' })}</th>
              <th scope="col">{t({ defaultMessage: 'Teams', id: 'DNeuzb' })}</th>
              <th scope="col">{t({ defaultMessage: 'Account', id: 'TwyMau' })}</th>
              <th scope="col">
                <span className="visually-hidden">
                  {t({ defaultMessage: 'Change', id: 'BY343C' })}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} className={member.active ? undefined : 'inactive'}>
                <th scope="row">
                  {member.displayName}
                  {member.fromRoster && (
                    <span className="tag">{t({ defaultMessage: 'Roster', id: '9nSjCz' })}</span>
                  )}
                </th>
                <td>{member.email}</td>
                <td>{roleName(member.role)}</td>
                <td>{member.teams.map(teamName).join(', ')}</td>
                <td>{statusWords(member)}</td>
                <td>
                  <button
                    type="button"
                    className="button small"
                    aria-label={t(
                      { defaultMessage: 'Change {name}', id: '36I5wj' },
                      { name: member.displayName },
                    )}
                    onClick={() => {
                      setDone(null);
                      setEditing(member);
                    }}
                  >
                    {t({ defaultMessage: 'Change', id: 'BY343C' })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing && (
        <StaffDialog
          schoolId={schoolId}
          staff={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onDone={(saved) => {
            setEditing(null);
            // Said once the list shows the change: whoever hears it and reads the row finds it changed.
            void reload().then(() => setDone(saved));
          }}
        />
      )}
    </>
  );
}
