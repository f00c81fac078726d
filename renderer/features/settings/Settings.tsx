import type { AppStatus } from '../../../contract';
import { AuditSection } from './AuditSection';
import { BackupSection } from './BackupSection';
import { IdleLockSection } from './IdleLockSection';
import { StaffSection } from './StaffSection';

interface SettingsProps {
  status: AppStatus;
  onStatusChange: (status: AppStatus) => void;
}

/** Staff, the audit log (administrators), and facts about this computer's copy of Hearth. */
export function Settings({ status, onStatusChange }: SettingsProps) {
  const isAdmin = status.staff?.role === 'administrator';
  return (
    <div className="settings">
      <h1>Settings</h1>
      <StaffSection isAdmin={isAdmin} viewerId={status.staff?.id ?? ''} />
      {isAdmin && <AuditSection />}
      {isAdmin && (
        <IdleLockSection minutes={status.idleLockMinutes} onStatusChange={onStatusChange} />
      )}
      {isAdmin && (
        <BackupSection
          timeZone={status.school?.timeZone ?? 'UTC'}
          onStatusChange={onStatusChange}
        />
      )}
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
