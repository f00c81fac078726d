import { HardDriveDownload } from 'lucide-react';
import { useState } from 'react';
import type { AppStatus, BackupFile } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { defineMessages } from 'react-intl';
import { schoolDateTime } from '../../ui/format';
import { formatNumber, t } from '../../i18n/intl';

const REASON_WORDS = defineMessages<BackupFile['reason']>({
  daily: { defaultMessage: 'Daily', id: 'zxvhnE' },
  manual: { defaultMessage: 'Made by hand', id: 'JGjHar' },
  'before-update': { defaultMessage: 'Before an update of Hearth', id: '2NMq5F' },
  'before-restore': { defaultMessage: 'Kept aside by a restore', id: 'J6h+6D' },
  'before-join': {
    defaultMessage: 'Kept aside when this computer started over to join its district',
    id: 'Pqlqqx',
  },
});

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`
    : `${formatNumber(bytes / 1024 / 1024, { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

/**
 * Backups of this computer's data (administrators): the list with date and size, a backup
 * now, and a restore that keeps the current data aside first and signs everyone out.
 */
export function BackupSection({
  timeZone,
  onStatusChange,
}: {
  timeZone: string;
  onStatusChange: (status: AppStatus) => void;
}) {
  const [version, setVersion] = useState(0);
  const list = useCall('backup.list', {}, version);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [restoring, setRestoring] = useState<BackupFile | null>(null);

  const backUpNow = () => {
    setBusy(true);
    setMessage(null);
    call('backup.now', {}).then(
      (b) => {
        setMessage({
          tone: 'ok',
          text: t(
            { defaultMessage: 'Backed up at {time}.', id: 'pctuSL' },
            { time: schoolDateTime(b.at, timeZone) },
          ),
        });
        setVersion((n) => n + 1);
        setBusy(false);
      },
      (e: unknown) => {
        setMessage({ tone: 'error', text: errorMessage(e) });
        setBusy(false);
      },
    );
  };

  const restore = (backup: BackupFile) => {
    setBusy(true);
    call('backup.restore', { name: backup.name }).then(
      () => call('app.status', {}).then(onStatusChange),
      (e: unknown) => {
        setRestoring(null);
        setMessage({ tone: 'error', text: errorMessage(e) });
        setBusy(false);
      },
    );
  };

  return (
    <section className="card" aria-labelledby="backups-title">
      <div className="card-header">
        <h2 id="backups-title">{t({ defaultMessage: 'Backups', id: 'T3lqx5' })}</h2>
        <button type="button" className="button small" onClick={backUpNow} disabled={busy}>
          <HardDriveDownload size={16} aria-hidden="true" />{' '}
          {t({ defaultMessage: 'Back up now', id: 'rMgF34' })}
        </button>
      </div>
      <p className="muted small-text">
        {t({
          defaultMessage:
            'Hearth backs up this computer’s data once a day and before every update, and keeps the newest 14. Backups are encrypted like the data and open only with this computer’s database key, so copy the key with them (see the README).',
          id: '2NdmUf',
        })}{' '}
        {list.data &&
          t(
            { defaultMessage: 'They are in {folder}.', id: '6W4GEk' },
            { folder: list.data.folder },
          )}
      </p>
      {message && (
        <p
          className={message.tone === 'ok' ? 'notice notice-ok' : 'error-text'}
          role={message.tone === 'ok' ? 'status' : 'alert'}
        >
          {message.text}
        </p>
      )}
      {list.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(list.error)}
        </p>
      )}
      {list.data?.backups.length === 0 && (
        <p className="empty">
          {t({
            defaultMessage: 'No backups yet. The first daily one is made a minute after start.',
            id: 'PGzK3n',
          })}
        </p>
      )}
      {list.data && list.data.backups.length > 0 && (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">
                {t({ defaultMessage: 'Made', id: 'KgFXpA', description: 'when a backup was made' })}
              </th>
              <th scope="col">{t({ defaultMessage: 'Why', id: 'iEhh6m' })}</th>
              <th scope="col">{t({ defaultMessage: 'Size', id: 'agOXPD' })}</th>
              <th scope="col">
                <span className="visually-hidden">
                  {t({ defaultMessage: 'Restore', id: 'zz6ObK' })}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((b) => (
              <tr key={b.name}>
                <td>{schoolDateTime(b.at, timeZone)}</td>
                <td>{t(REASON_WORDS[b.reason])}</td>
                <td>{size(b.bytes)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setRestoring(b)}
                    aria-label={t(
                      { defaultMessage: 'Restore the backup of {time}', id: 'bMau2E' },
                      { time: schoolDateTime(b.at, timeZone) },
                    )}
                  >
                    {t({ defaultMessage: 'Restore…', id: 'X9ITOu' })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <Dialog
          title={t({ defaultMessage: 'Restore this backup?', id: 'C8rGez' })}
          role="alertdialog"
          tone="danger"
          onCancel={() => setRestoring(null)}
        >
          <p>
            {t(
              {
                defaultMessage:
                  'Hearth goes back to how it was on {time}. What was recorded here since is kept aside as a backup of its own, not deleted. Everyone will need to sign in again. A computer joined to a district gets back what the district has at its next sync.',
                id: 'ouy6+y',
              },
              { time: schoolDateTime(restoring.at, timeZone) },
            )}
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => setRestoring(null)}
              data-autofocus
            >
              {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => restore(restoring)}
            >
              {t({ defaultMessage: 'Restore', id: 'zz6ObK' })}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
