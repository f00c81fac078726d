import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, STAFF_ROLES, TEAMS, type CallInput, type Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';
import { roleName, teamName } from '../../ui/roles';
import { StaffEditDialog } from './StaffEditDialog';

type NewStaff = CallInput<'staff.create'>;

/** Staff on this computer; administrators add people here. */
export function StaffSection({ isAdmin, viewerId }: { isAdmin: boolean; viewerId: string }) {
  const [added, setAdded] = useState(0);
  const [editing, setEditing] = useState<Staff | null>(null);
  const staff = useCall('staff.list', {}, added);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<NewStaff>({
    resolver: zodResolver(API['staff.create'].input),
    defaultValues: { displayName: '', role: 'front_office', teams: [], password: '' },
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const created = await call('staff.create', values);
      setNotice(
        t(
          { defaultMessage: '{name} can now sign in on this computer.', id: '9E0Bq2' },
          { name: created.displayName },
        ),
      );
      form.reset();
      setAdded((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  });

  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">{t({ defaultMessage: 'Staff', id: 'gFJ4sU' })}</h2>
      <ul className="staff-list">
        {staff.data?.map((s) => (
          <li key={s.id}>
            <strong>{s.displayName}</strong> <span className="muted">{roleName(s.role)}</span>
            {s.teams.length > 0 && (
              <span className="muted"> · {s.teams.map(teamName).join(', ')}</span>
            )}
            {isAdmin && s.id !== viewerId && (
              <button
                type="button"
                className="link-button"
                aria-label={t(
                  { defaultMessage: 'Edit {name}', id: 's3IOQQ' },
                  { name: s.displayName },
                )}
                onClick={() => setEditing(s)}
              >
                {t({ defaultMessage: 'Edit', id: 'wEQDC6' })}
              </button>
            )}
          </li>
        ))}
      </ul>
      {editing && (
        <StaffEditDialog
          staff={editing}
          onDone={(message) => {
            setEditing(null);
            if (message) {
              setNotice(message);
              setAdded((n) => n + 1);
            }
          }}
        />
      )}
      {isAdmin ? (
        <form onSubmit={(e) => void submit(e)} noValidate className="staff-form">
          <h3>{t({ defaultMessage: 'Add a staff member', id: 'clWz53' })}</h3>
          <label className="field">
            <span>{t({ defaultMessage: 'Name', id: 'HAlOn1' })}</span>
            <input {...form.register('displayName')} aria-invalid={!!errors.displayName} />
            <FieldError
              field={t({ defaultMessage: 'Name', id: 'HAlOn1' })}
              message={errors.displayName?.message}
            />
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'Role', id: '1ZgrhW' })}</span>
            <select {...form.register('role')}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="field">
            <legend>
              {t({ defaultMessage: 'Teams (can read notes marked for the team)', id: 'yEJvUq' })}
            </legend>
            {TEAMS.map((team) => (
              <label key={team} className="check">
                <input type="checkbox" value={team} {...form.register('teams')} /> {teamName(team)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>{t({ defaultMessage: 'First password', id: 'l+bOLD' })}</span>
            <input
              type="password"
              autoComplete="new-password"
              {...form.register('password')}
              aria-invalid={!!errors.password}
            />
            <FieldError
              field={t({ defaultMessage: 'Password', id: '5sg7KC' })}
              message={errors.password?.message}
            />
          </label>
          <button type="submit" className="button" disabled={isSubmitting}>
            {t({ defaultMessage: 'Add staff member', id: '37IjLw' })}
          </button>
          {notice && <p role="status">{notice}</p>}
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p className="muted">
          {t({ defaultMessage: 'Only an administrator can add staff.', id: 'ka9IwT' })}
        </p>
      )}
    </section>
  );
}
