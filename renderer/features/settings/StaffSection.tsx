import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, STAFF_ROLES, TEAMS, type CallInput, type Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
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
      setNotice(`${created.displayName} can now sign in on this computer.`);
      form.reset();
      setAdded((n) => n + 1);
    } catch (e) {
      setError(errorMessage(e));
    }
  });

  return (
    <section className="card" aria-labelledby="staff-title">
      <h2 id="staff-title">Staff</h2>
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
                aria-label={`Edit ${s.displayName}`}
                onClick={() => setEditing(s)}
              >
                Edit
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
          <h3>Add a staff member</h3>
          <label className="field">
            <span>Name</span>
            <input {...form.register('displayName')} aria-invalid={!!errors.displayName} />
            {errors.displayName && (
              <span className="field-error">Name {errors.displayName.message}</span>
            )}
          </label>
          <label className="field">
            <span>Role</span>
            <select {...form.register('role')}>
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          </label>
          <fieldset className="field">
            <legend>Teams (can read notes marked for the team)</legend>
            {TEAMS.map((t) => (
              <label key={t} className="check">
                <input type="checkbox" value={t} {...form.register('teams')} /> {teamName(t)}
              </label>
            ))}
          </fieldset>
          <label className="field">
            <span>First password</span>
            <input
              type="password"
              autoComplete="new-password"
              {...form.register('password')}
              aria-invalid={!!errors.password}
            />
            {errors.password && (
              <span className="field-error">Password {errors.password.message}</span>
            )}
          </label>
          <button type="submit" className="button" disabled={isSubmitting}>
            Add staff member
          </button>
          {notice && <p role="status">{notice}</p>}
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </form>
      ) : (
        <p className="muted">Only an administrator can add staff.</p>
      )}
    </section>
  );
}
