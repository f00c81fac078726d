import { useState } from 'react';
import { STAFF_ROLES, TEAMS, type Staff, type StaffRole, type Team } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { roleName, teamName } from '../../ui/roles';
import { t } from '../../i18n/intl';

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
      const name = staff.displayName;
      onDone(
        !active
          ? t({ defaultMessage: '{name} can no longer sign in.', id: '1LJctZ' }, { name })
          : password
            ? t(
                {
                  defaultMessage:
                    '{name} has a new password. Their private notes from before cannot be opened again.',
                  id: 'URodT6',
                },
                { name },
              )
            : t({ defaultMessage: '{name} is updated.', id: 'dWQ9Vh' }, { name }),
      );
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t({ defaultMessage: 'Edit {name}', id: 's3IOQQ' }, { name: staff.displayName })}
      onCancel={() => onDone(null)}
    >
      <label className="field">
        <span>{t({ defaultMessage: 'Role', id: '1ZgrhW' })}</span>
        <select value={role} onChange={(e) => setRole(e.target.value as StaffRole)} data-autofocus>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(r)}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field">
        <legend>{t({ defaultMessage: 'Teams', id: 'DNeuzb' })}</legend>
        {TEAMS.map((team) => (
          <label key={team} className="check">
            <input
              type="checkbox"
              checked={teams.includes(team)}
              onChange={(e) =>
                setTeams(e.target.checked ? [...teams, team] : teams.filter((x) => x !== team))
              }
            />{' '}
            {teamName(team)}
          </label>
        ))}
      </fieldset>
      <label className="check">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} />{' '}
        {t({ defaultMessage: 'Can sign in', id: 'qqmb2J' })}
      </label>
      <label className="field">
        <span>
          {t({ defaultMessage: 'New password (leave empty to keep theirs)', id: 'lBe/Bz' })}
        </span>
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
          {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
        </button>
        <button type="button" className="button" disabled={busy} onClick={() => void save()}>
          {t({ defaultMessage: 'Save', id: 'jvo0vs' })}
        </button>
      </div>
    </Dialog>
  );
}
