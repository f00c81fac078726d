import { useState } from 'react';
import { STAFF_ROLES, TEAMS, type Staff, type StaffRole, type Team } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { roleName, teamName } from '../../ui/roles';

/**
 * Change someone's role and teams, deactivate them, or give them a new password. Taking
 * someone off a team replaces the team's key, so what is written next is closed to them.
 */
export function StaffEditDialog({
  staff,
  onDone,
}: {
  staff: Staff;
  onDone: (message: string | null) => void;
}) {
  const [role, setRole] = useState<StaffRole>(staff.role);
  const [teams, setTeams] = useState<Team[]>(staff.teams);
  const [active, setActive] = useState(true);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('staff.update', { id: staff.id, role, teams, active });
      if (password) await call('staff.setPassword', { id: staff.id, password });
      onDone(
        !active
          ? `${staff.displayName} can no longer sign in.`
          : password
            ? `${staff.displayName} has a new password. Their private notes from before cannot be opened again.`
            : `${staff.displayName} is updated.`,
      );
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Edit ${staff.displayName}`} onCancel={() => onDone(null)}>
      <label className="field">
        <span>Role</span>
        <select value={role} onChange={(e) => setRole(e.target.value as StaffRole)} data-autofocus>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(r)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>Teams</legend>
        {TEAMS.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              checked={teams.includes(t)}
              onChange={(e) =>
                setTeams(e.target.checked ? [...teams, t] : teams.filter((x) => x !== t))
              }
            />{' '}
            {teamName(t)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Can
        sign in
      </label>
      <label className="field">
        <span>New password (leave empty to keep theirs)</span>
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button small" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save()}>
          Save
        </button>
      </div>
    </Dialog>
  );
}
