import { HardDriveDownload } from 'lucide-react';
import { useState } from 'react';
import type { AppStatus, BackupFile } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { schoolDateTime } from '../../ui/format';

const REASON_WORDS: Record<BackupFile['reason'], string> = {
  daily: 'Daily',
  manual: 'Made by hand',
  'before-update': 'Before an update of Hearth',
  'before-restore': 'Kept aside by a restore',
  'before-join': 'Kept aside when this computer started over to join its district',
};

const size = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

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
        setMessage({ tone: 'ok', text: `Backed up at ${schoolDateTime(b.at, timeZone)}.` });
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
        <h2 id="backups-title">Backups</h2>
        <button type="button" className="button small" onClick={backUpNow} disabled={busy}>
          <HardDriveDownload size={16} aria-hidden="true" /> Back up now
        </button>
      </div>
      <p className="muted small-text">
        Hearth backs up this computer’s data once a day and before every update, and keeps the
        newest 14. Backups are encrypted like the data and open only with this computer’s database
        key, so copy the key with them (see the README).{' '}
        {list.data && <>They are in {list.data.folder}.</>}
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
        <p className="empty">No backups yet. The first daily one is made a minute after start.</p>
      )}
      {list.data && list.data.backups.length > 0 && (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Why</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.backups.map((b) => (
              <tr key={b.name}>
                <td>{schoolDateTime(b.at, timeZone)}</td>
                <td>{REASON_WORDS[b.reason]}</td>
                <td>{size(b.bytes)}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setRestoring(b)}
                    aria-label={`Restore the backup of ${schoolDateTime(b.at, timeZone)}`}
                  >
                    Restore…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {restoring && (
        <Dialog
          title="Restore this backup?"
          role="alertdialog"
          tone="danger"
          onCancel={() => setRestoring(null)}
        >
          <p>
            Hearth goes back to how it was on {schoolDateTime(restoring.at, timeZone)}. What was
            recorded here since is kept aside as a backup of its own, not deleted. Everyone will
            need to sign in again. A computer joined to a district gets back what the district has
            at its next sync.
          </p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => setRestoring(null)}
              data-autofocus
            >
              Cancel
            </button>
            <button
              type="button"
              className="button danger"
              disabled={busy}
              onClick={() => restore(restoring)}
            >
              Restore
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
