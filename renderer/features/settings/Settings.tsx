import type { AppStatus } from '../../../contract';
import { t } from '../../i18n/intl';
import { AuditSection } from './AuditSection';
import { BackupSection } from './BackupSection';
import { BadgeSection } from './BadgeSection';
import { CautionListSection } from './CautionListSection';
import { IdleLockSection } from './IdleLockSection';
import { LanguageSection } from './LanguageSection';
import { PapersSection } from './PapersSection';
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
      <h1>{t({ defaultMessage: 'Settings', id: 'D3idYv' })}</h1>
      <LanguageSection chosen={status.staff?.language} onStatusChange={onStatusChange} />
      <StaffSection isAdmin={isAdmin} viewerId={status.staff?.id ?? ''} />
      <PapersSection isAdmin={isAdmin} />
      {isAdmin && <AuditSection />}
      {isAdmin && <CautionListSection />}
      {isAdmin && <BadgeSection badges={status.badges} onStatusChange={onStatusChange} />}

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
        <h2 id="about-title">{t({ defaultMessage: 'This computer', id: 'Red8UM' })}</h2>
        <dl className="facts">
          <dt>{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</dt>
          <dd>
            {status.school?.name}{' '}
            {status.setup === 'demo' &&
              t({ defaultMessage: '(demo: practice data only)', id: 'H169V5' })}
          </dd>
          <dt>{t({ defaultMessage: 'Time zone', id: 'IcUakl' })}</dt>
          <dd>{status.school?.timeZone}</dd>
          <dt>{t({ defaultMessage: 'Hearth version', id: 'GLFg9F' })}</dt>
          <dd>{status.appVersion}</dd>
          <dt>{t({ defaultMessage: 'Device id', id: 'sTkZL4' })}</dt>
          <dd>
            <code>{status.deviceId}</code>
          </dd>
        </dl>
      </section>
    </div>
  );
}
