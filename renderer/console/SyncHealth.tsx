import { useState } from 'react';
import { serverInfoSchema, type AdminDevice } from '../../contract/console';
import { formatNumber, t } from '../i18n/intl';
import { isQuiet, useComputers } from './Computers';
import { useAnswer } from './useAnswer';
import { seenWords } from './when';

/** One line per computer: its name, its school, and what is worth a look. */
function ComputerLines({
  devices,
  detail,
}: {
  devices: AdminDevice[];
  detail: (d: AdminDevice) => string;
}) {
  return (
    <ul className="health-list">
      {devices.map((device) => (
        <li key={device.id}>
          <strong>{device.name}</strong> · {device.school.name} · {detail(device)}
        </li>
      ))}
    </ul>
  );
}

const lastSynced = (device: AdminDevice, now: Date) =>
  device.lastSeenAt
    ? t(
        { defaultMessage: 'last synced {when}', id: 'ROfbue' },
        { when: seenWords(device.lastSeenAt, now) },
      )
    : t({ defaultMessage: 'never synced since it joined', id: 'C4SI+7' });

/**
 * What district IT looks at first when a school says "sync is not working": the server and
 * its database, after a restore from a backup the computers not yet back, the computers
 * that have gone quiet, and those whose changes were refused.
 */
export function SyncHealth() {
  const { devices, error } = useComputers();
  const { data: info, error: infoError } = useAnswer('/v1/admin/server', serverInfoSchema);
  const [now] = useState(() => new Date());

  const active = devices?.filter((d) => !d.revokedAt) ?? [];
  const quiet = active.filter((d) => isQuiet(d, now));
  const restoredAt = info?.restoredAt ?? null;
  // A computer puts back what the restored database lacks at its first sync after it.
  const notBack = restoredAt
    ? active.filter((d) => !d.lastSeenAt || d.lastSeenAt < restoredAt)
    : [];
  const refusing = active.filter((d) => d.refusedChanges > 0 || d.refusedAuditEntries > 0);

  return (
    <>
      <h1>{t({ defaultMessage: 'Sync health', id: '4Q5BPI' })}</h1>
      <section className="card" aria-labelledby="server-title">
        <h2 id="server-title">{t({ defaultMessage: 'This server', id: 'o1TIP3' })}</h2>
        {infoError && (
          <p role="alert" className="error-text">
            {infoError}
          </p>
        )}
        {info && (
          <dl className="facts">
            <dt>{t({ defaultMessage: 'Hearth server', id: 'YLuCSE' })}</dt>
            <dd>
              {t(
                { defaultMessage: 'version {version}, sync protocol {min}–{max}', id: '6jx7um' },
                { version: info.version, min: info.protocols.min, max: info.protocols.max },
              )}
            </dd>
            <dt>{t({ defaultMessage: 'Database', id: 'jjTzIr' })}</dt>
            <dd>
              {info.database === 'postgres'
                ? t(
                    { defaultMessage: 'PostgreSQL {version}, schema {schema}', id: '1Da32u' },
                    { version: info.databaseVersion, schema: info.schema },
                  )
                : t(
                    {
                      defaultMessage:
                        'PGlite (PostgreSQL {version} inside the server, for trying Hearth out), schema {schema}',
                      id: 'VJtNbn',
                    },
                    { version: info.databaseVersion, schema: info.schema },
                  )}
            </dd>
          </dl>
        )}
      </section>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {devices && restoredAt && (
        <section className="card" aria-labelledby="restored-title">
          <h2 id="restored-title">
            {t(
              { defaultMessage: 'Restored from a backup {when}', id: '7vna1S' },
              { when: seenWords(restoredAt, now) },
            )}
          </h2>
          <p className="muted">
            {t({
              defaultMessage:
                'Each computer sends again what it recorded since the backup, and pulls again what changed, at its first sync after the restore.',
              id: '0P9wyt',
            })}
          </p>
          <p>
            {t(
              {
                defaultMessage:
                  '{count, plural, =0 {Every computer has synced since: nothing they recorded is missing.} one {# computer has not synced since:} other {# computers have not synced since:}}',
                id: 'Ou2qYx',
              },
              { count: notBack.length },
            )}
          </p>
          {notBack.length > 0 && (
            <ComputerLines devices={notBack} detail={(d) => lastSynced(d, now)} />
          )}
        </section>
      )}
      {devices && (
        <>
          <section className="card" aria-labelledby="quiet-title">
            <h2 id="quiet-title">
              {t(
                {
                  defaultMessage:
                    '{count, plural, =0 {Every computer synced in the last day} one {# computer has not synced in a day} other {# computers have not synced in a day}}',
                  id: 'qMbU0Y',
                },
                { count: quiet.length },
              )}
            </h2>
            {quiet.length > 0 && (
              <ComputerLines devices={quiet} detail={(d) => lastSynced(d, now)} />
            )}
          </section>
          <section className="card" aria-labelledby="refused-title">
            <h2 id="refused-title">
              {t(
                {
                  defaultMessage:
                    '{count, plural, =0 {No computer has had changes refused} one {# computer has had changes refused} other {# computers have had changes refused}}',
                  id: 'nw3S2a',
                },
                { count: refusing.length },
              )}
            </h2>
            {refusing.length > 0 && (
              <>
                <p className="muted">
                  {t({
                    defaultMessage:
                      'Each refusal was shown on that computer with its reason, and its change was not kept.',
                    id: 'dNKiCi',
                  })}
                </p>
                <ComputerLines
                  devices={refusing}
                  detail={(d) =>
                    t(
                      {
                        defaultMessage: '{changes} changes and {entries} audit entries refused',
                        id: '8ZzLGo',
                      },
                      {
                        changes: formatNumber(d.refusedChanges),
                        entries: formatNumber(d.refusedAuditEntries),
                      },
                    )
                  }
                />
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}
