import { saidText, knownText } from '../../i18n/said';
import { useState } from 'react';
import type { AppStatus, SyncConflict, SyncRejection } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { exactDate, relative } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { StartOverToJoin } from './StartOverToJoin';
import { fieldWords } from './fieldWords';
import { agoWords, statusLine, valueWords } from './syncWords';
import { formatNumber, t } from '../../i18n/intl';

/**
 * Sync with the district: where it stands, "Sync now", and what needs a person: fields
 * changed on two computers at once (both values shown) and changes the district refused.
 */
export function SyncPage({
  isAdmin,
  onStatusChange,
}: {
  isAdmin: boolean;
  onStatusChange: (status: AppStatus) => void;
}) {
  const [refresh, setRefresh] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const now = useNow(1_000);
  const status = useCall('sync.status', {}, `${refresh}-${Math.floor(now.getTime() / 2_000)}`);
  // Read again whenever a sync ends (it may list or settle conflicts), not only after an
  // action here: "Sync now" returns before the sync it asks for has run.
  const review = useCall(
    'sync.review',
    {},
    `${refresh}-${status.data?.lastSyncAt ?? ''}-${status.data?.conflicts ?? ''}-${status.data?.rejections ?? ''}`,
  );
  const act = (work: Promise<unknown>) =>
    work.then(
      () => {
        setProblem(null);
        setRefresh((n) => n + 1);
      },
      (error: unknown) => setProblem(errorMessage(error)),
    );
  const s = status.data;
  if (!s) return <h1>{t({ defaultMessage: 'Sync', id: 'dKtz/9' })}</h1>;
  return (
    <div className="sync-page">
      <h1>{t({ defaultMessage: 'Sync with the district', id: 'UT80Ko' })}</h1>
      <section className="card" aria-labelledby="sync-state-title">
        <h2 id="sync-state-title">{statusLine(s, now)}</h2>
        {!s.joined ? (
          <>
            <p>
              {t(
                {
                  defaultMessage:
                    'This computer has not joined a district: everything recorded here stays on this computer, and nothing waits to be sent; Settings → Backups keeps copies of it. If your district runs a Hearth server, a computer with no families recorded yet can join it with a one-time code from district IT{admin, select, yes {.} other { (an administrator starts it here).}}',
                  id: 'XklYCt',
                },
                { admin: isAdmin ? 'yes' : 'no' },
              )}
            </p>
            {isAdmin && <StartOverToJoin onStatusChange={onStatusChange} />}
          </>
        ) : (
          <>
            <dl className="facts">
              <dt>{t({ defaultMessage: 'District server', id: 'CmxVu6' })}</dt>
              <dd>{s.serverUrl}</dd>
              <dt>{t({ defaultMessage: 'Waiting to send', id: 'e6aS2G' })}</dt>
              <dd>
                {s.pending === 0
                  ? t({
                      defaultMessage: 'Nothing: every change here has reached the district',
                      id: 'xazgye',
                    })
                  : formatNumber(s.pending)}
              </dd>
              <dt>{t({ defaultMessage: 'Last synced', id: 'ucEwQX' })}</dt>
              <dd title={s.lastSyncAt ? exactDate(s.lastSyncAt) : undefined}>
                {s.lastSyncAt
                  ? agoWords(s.lastSyncAt, now)
                  : t({ defaultMessage: 'Not yet', id: 'lO7wKc' })}
              </dd>
              {s.progress && (
                <>
                  <dt>{t({ defaultMessage: 'This sync so far', id: 'BCfBCZ' })}</dt>
                  <dd>
                    {t(
                      { defaultMessage: 'Sent {sent}, received {received}', id: 'iSgeX9' },
                      {
                        sent: formatNumber(s.progress.pushed),
                        received: formatNumber(s.progress.pulled),
                      },
                    )}
                  </dd>
                </>
              )}
            </dl>
            {s.lastError && (
              <p className="notice" role="status">
                {saidText(s.lastError.said, s.lastError.message)}
                {s.state === 'offline' &&
                  ` ${t({ defaultMessage: 'Your work is saved here and will be sent when the connection is back.', id: 'MaIdc9' })}`}
              </p>
            )}
            <button
              type="button"
              className="button primary"
              disabled={s.state === 'syncing'}
              onClick={() => void act(call('sync.now', {}))}
            >
              {s.state === 'syncing'
                ? t({ defaultMessage: 'Syncing…', id: 'ZBXWfW' })
                : t({ defaultMessage: 'Sync now', id: 'SwsYB/' })}
            </button>
          </>
        )}
      </section>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
      {/* With no district there is nothing to review: nothing was sent, so nothing refused. */}
      {s.joined && (
        <>
          <Conflicts
            conflicts={review.data?.conflicts ?? []}
            onKeep={(id, keep) => act(call('sync.resolveConflict', { id, keep }))}
          />
          <Rejections
            rejections={review.data?.rejections ?? []}
            onDismiss={(seq) => act(call('sync.dismissRejection', { seq }))}
          />
        </>
      )}
    </div>
  );
}

function Conflicts({
  conflicts,
  onKeep,
}: {
  conflicts: SyncConflict[];
  onKeep: (id: number, keep: 'mine' | 'theirs') => void;
}) {
  return (
    <section className="card" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">
        {t({ defaultMessage: 'Changed on two computers at once', id: '6TCghX' })}
      </h2>
      {conflicts.length === 0 ? (
        <p className="empty">{t({ defaultMessage: 'Nothing to review.', id: 'H3390+' })}</p>
      ) : (
        <ul className="conflict-list">
          {conflicts.map((c) => {
            const kept = c.kept === 'mine' ? c.mine : c.theirs;
            const other = c.kept === 'mine' ? c.theirs : c.mine;
            return (
              <li key={c.id} className="conflict">
                <div>
                  <strong>{c.record}</strong>: {fieldWords(c.field)}
                  <span className="muted"> · {relative(c.at)}</span>
                </div>
                <dl className="conflict-values">
                  <dt>
                    {c.kept === 'mine'
                      ? t({ defaultMessage: 'Now (from this computer)', id: 'dZ9VG5' })
                      : t({ defaultMessage: 'Now (from another computer)', id: 'An/2zH' })}
                  </dt>
                  <dd>{valueWords(kept)}</dd>
                  <dt>
                    {c.kept === 'mine'
                      ? t({ defaultMessage: 'Other value (from another computer)', id: 'YPYWdb' })
                      : t({ defaultMessage: 'Other value (from this computer)', id: 'PdMNz1' })}
                  </dt>
                  <dd>{valueWords(other)}</dd>
                </dl>
                <div className="actions">
                  <button type="button" className="button" onClick={() => onKeep(c.id, c.kept)}>
                    {t(
                      { defaultMessage: 'Keep “{value}”', id: 'TxtC4M' },
                      { value: valueWords(kept) },
                    )}
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => onKeep(c.id, c.kept === 'mine' ? 'theirs' : 'mine')}
                  >
                    {t(
                      { defaultMessage: 'Use “{value}” instead', id: 'ZtY5/9' },
                      { value: valueWords(other) },
                    )}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function Rejections({
  rejections,
  onDismiss,
}: {
  rejections: SyncRejection[];
  onDismiss: (seq: number) => void;
}) {
  return (
    <section className="card" aria-labelledby="rejections-title">
      <h2 id="rejections-title">
        {t({ defaultMessage: 'Not accepted by the district', id: 'J3rIV3' })}
      </h2>
      {rejections.length === 0 ? (
        <p className="empty">
          {t({ defaultMessage: 'Every change from this computer was accepted.', id: 'CojA75' })}
        </p>
      ) : (
        <ul className="conflict-list">
          {rejections.map((r) => (
            <li key={r.seq} className="conflict">
              <div>
                <strong>{r.record}</strong>
                <span className="muted"> · {relative(r.at)}</span>
              </div>
              <p>
                {knownText(r.reason)}{' '}
                {t({ defaultMessage: 'This change was undone here.', id: '+YqlBE' })}
              </p>
              <button type="button" className="button" onClick={() => onDismiss(r.seq)}>
                {t({ defaultMessage: 'Dismiss', id: 'TDaF6J' })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
