import type { AppStatus } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { useState } from 'react';
import { roleName } from '../setup/StaffPicker';

interface SettingsProps {
  status: AppStatus;
  onStatusChange: (status: AppStatus) => void;
}

/** Who is at the desk, and facts about this computer's copy of Hearth. */
export function Settings({ status, onStatusChange }: SettingsProps) {
  const staff = useCall('staff.list', {});
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="settings">
      <h1>Settings</h1>
      <section className="card" aria-labelledby="desk-title">
        <h2 id="desk-title">Who is at the desk</h2>
        <label className="field">
          <span>Staff member</span>
          <select
            value={status.staff?.id ?? ''}
            onChange={(event) =>
              call('session.choose', { staffId: event.target.value }).then(
                onStatusChange,
                (e: unknown) => setError(errorMessage(e)),
              )
            }
          >
            {staff.data?.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName} ({roleName(s.role)})
              </option>
            ))}
          </select>
        </label>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="about-title">
        <h2 id="about-title">This computer</h2>
        <dl className="facts">
          <dt>School</dt>
          <dd>
            {status.school?.name} {status.setup === 'demo' && '(demo: practice data only)'}
          </dd>
          <dt>Time zone</dt>
          <dd>{status.school?.timeZone}</dd>
          <dt>Hearth version</dt>
          <dd>{status.appVersion}</dd>
          <dt>Device id</dt>
          <dd>
            <code>{status.deviceId}</code>
          </dd>
        </dl>
      </section>
    </div>
  );
}
