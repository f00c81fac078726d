import { useState } from 'react';
import { z } from 'zod';
import { adminDeviceSchema, type AdminDevice } from '../../contract/console';
import type { ServerStaff } from '../../contract/server';
import { formatNumber, t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { Dialog } from '../ui/Dialog';
import { request } from './api';
import { EnrollComputer } from './EnrollComputer';
import { useAnswer } from './useAnswer';
import { seenWords } from './when';

const QUIET_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * A computer still enrolled that has not synced for a day is worth a look (school computers
 * sync every few minutes while open); one that joined today and has not synced yet is not.
 */
export const isQuiet = (device: AdminDevice, now: Date): boolean =>
  !device.revokedAt &&
  now.getTime() - Date.parse(device.lastSeenAt ?? device.enrolledAt) > QUIET_AFTER_MS;

const DEVICE_LIST = z.array(adminDeviceSchema);

/**
 * Loads the computers of the schools this administrator manages; `reload` asks again and
 * settles once the list is shown.
 */
export function useComputers() {
  const { data: devices, error, reload } = useAnswer('/v1/admin/devices', DEVICE_LIST);
  return { devices, error, reload };
}

/**
 * Enrolling computers and withdrawing them: a one-time code for a new computer, and the list of
 * the schools' computers with when each last reached the server.
 */
export function Computers({ admin }: { admin: ServerStaff }) {
  const { devices, error, reload } = useComputers();
  const [revoking, setRevoking] = useState<AdminDevice | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [now] = useState(() => new Date());

  const revoke = (device: AdminDevice) => {
    setRevokeError(null);
    request('POST', `/v1/admin/devices/${device.id}/revoke`, z.undefined()).then(
      async () => {
        setRevoking(null);
        // Said once the list shows the change: whoever hears it and reads the row finds it changed.
        await reload();
        setDone(
          t(
            {
              defaultMessage: '{name} can no longer reach the district. It locks at its next sync.',
              id: 'FoPfHn',
            },
            { name: device.name },
          ),
        );
      },
      (e: unknown) => setRevokeError(errorMessage(e)),
    );
  };

  return (
    <>
      <h1>{t({ defaultMessage: 'Computers', id: 'oRzcvq' })}</h1>
      <EnrollComputer admin={admin} />
      <section aria-labelledby="computers-list-title">
        <h2 id="computers-list-title">
          {t({ defaultMessage: 'Enrolled computers', id: 'AL8njh' })}
        </h2>
        {done && (
          <p role="status" className="notice notice-ok">
            {done}
          </p>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        {devices?.length === 0 && (
          <p className="muted">
            {t({
              defaultMessage:
                'No computer has joined yet. Make a code above and type it into Hearth on the computer.',
              id: 'aPhaWk',
            })}
          </p>
        )}
        {devices && devices.length > 0 && (
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t({ defaultMessage: 'Computer', id: 'GufTjD' })}</th>
                <th scope="col">{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</th>
                <th scope="col">{t({ defaultMessage: 'Joined', id: 'l8wanU' })}</th>
                <th scope="col">{t({ defaultMessage: 'Last synced', id: 'ucEwQX' })}</th>
                <th scope="col">{t({ defaultMessage: 'Version', id: 'I3b4hn' })}</th>
                <th scope="col">{t({ defaultMessage: 'Waiting on it', id: 'Wb9DyD' })}</th>
                <th scope="col">{t({ defaultMessage: 'Changes refused', id: '2qvHfC' })}</th>
                <th scope="col">
                  <span className="visually-hidden">
                    {t({ defaultMessage: 'Access', id: 'qxg3uo' })}
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {devices.map((device) => (
                <tr key={device.id}>
                  <th scope="row">{device.name}</th>
                  <td>{device.school.name}</td>
                  <td>{seenWords(device.enrolledAt, now)}</td>
                  <td className={isQuiet(device, now) ? 'attention' : undefined}>
                    {device.lastSeenAt
                      ? seenWords(device.lastSeenAt, now)
                      : t({ defaultMessage: 'Never', id: 'du1laW' })}
                  </td>
                  <td>{device.appVersion ?? '—'}</td>
                  <td>
                    {device.changesWaiting === null || device.conflictsWaiting === null
                      ? '—'
                      : t(
                          {
                            defaultMessage:
                              '{changes, plural, one {# change} other {# changes}}, {conflicts, plural, one {# conflict} other {# conflicts}}',
                            id: 'GnpMFP',
                          },
                          { changes: device.changesWaiting, conflicts: device.conflictsWaiting },
                        )}
                  </td>
                  <td>{formatNumber(device.refusedChanges)}</td>
                  <td>
                    {device.revokedAt ? (
                      <span className="muted">
                        {t(
                          { defaultMessage: 'Access withdrawn {when}', id: 'qyzsou' },
                          { when: seenWords(device.revokedAt, now) },
                        )}
                      </span>
                    ) : (
                      <button
                        type="button"
                        className="button small danger"
                        aria-label={t(
                          { defaultMessage: 'Withdraw access for {name}', id: 'CzDG/H' },
                          { name: device.name },
                        )}
                        onClick={() => setRevoking(device)}
                      >
                        {t({ defaultMessage: 'Withdraw access', id: 'RmWerq' })}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {revoking && (
        <Dialog
          role="alertdialog"
          tone="danger"
          title={t(
            { defaultMessage: 'Withdraw access for {name}?', id: 'XWF5O/' },
            { name: revoking.name },
          )}
          onCancel={() => setRevoking(null)}
        >
          <p>
            {t({
              defaultMessage:
                'At its next sync it locks and stops syncing; what it holds stays sealed on it. It can join again only with a new code. Changes it has not sent yet will not reach the district.',
              id: 'otBd72',
            })}
          </p>
          {revokeError && (
            <p role="alert" className="error-text">
              {revokeError}
            </p>
          )}
          <div className="dialog-actions">
            <button
              type="button"
              className="button"
              onClick={() => setRevoking(null)}
              data-autofocus
            >
              {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
            </button>
            <button type="button" className="button danger" onClick={() => revoke(revoking)}>
              {t({ defaultMessage: 'Withdraw access', id: 'RmWerq' })}
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}
