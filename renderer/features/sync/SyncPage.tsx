import { useState } from 'react';
import type { AppStatus, SyncConflict, SyncRejection } from '../../../contract';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { exactDate, relative } from '../../ui/format';
import { useNow } from '../../ui/useNow';
import { StartOverToJoin } from './StartOverToJoin';
import { agoWords, fieldWords, statusLine, valueWords } from './syncWords';

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
      (error: unknown) => setProblem(error instanceof Error ? error.message : 'That did not work.'),
    );
  const s = status.data;
  if (!s) return <h1>Sync</h1>;
  return (
    <div className="sync-page">
      <h1>Sync with the district</h1>
      <section className="card" aria-labelledby="sync-state-title">
        <h2 id="sync-state-title">{statusLine(s, now)}</h2>
        {!s.joined ? (
          <>
            <p>
              This computer has not joined a district: everything recorded here stays on this
              computer, and nothing waits to be sent; Settings → Backups keeps copies of it. If your
              district runs a Hearth server, a computer with no families recorded yet can join it
              with a one-time code from district IT
              {isAdmin ? '.' : ' (an administrator starts it here).'}
            </p>
            {isAdmin && <StartOverToJoin onStatusChange={onStatusChange} />}
          </>
        ) : (
          <>
            <dl className="facts">
              <dt>District server</dt>
              <dd>{s.serverUrl}</dd>
              <dt>Waiting to send</dt>
              <dd>
                {s.pending === 0
                  ? 'Nothing: every change here has reached the district'
                  : s.pending.toLocaleString()}
              </dd>
              <dt>Last synced</dt>
              <dd title={s.lastSyncAt ? exactDate(s.lastSyncAt) : undefined}>
                {s.lastSyncAt ? agoWords(s.lastSyncAt, now) : 'Not yet'}
              </dd>
              {s.progress && (
                <>
                  <dt>This sync so far</dt>
                  <dd>
                    Sent {s.progress.pushed.toLocaleString()}, received{' '}
                    {s.progress.pulled.toLocaleString()}
                  </dd>
                </>
              )}
            </dl>
            {s.lastError && (
              <p className="notice" role="status">
                {s.lastError.message}
                {s.state === 'offline' &&
                  ' Your work is saved here and will be sent when the connection is back.'}
              </p>
            )}
            <button
              type="button"
              className="button primary"
              disabled={s.state === 'syncing'}
              onClick={() => void act(call('sync.now', {}))}
            >
              {s.state === 'syncing' ? 'Syncing…' : 'Sync now'}
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
      <h2 id="conflicts-title">Changed on two computers at once</h2>
      {conflicts.length === 0 ? (
        <p className="empty">Nothing to review.</p>
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
                  <dt>Now (from {c.kept === 'mine' ? 'this computer' : 'another computer'})</dt>
                  <dd>{valueWords(kept)}</dd>
                  <dt>
                    Other value (from {c.kept === 'mine' ? 'another computer' : 'this computer'})
                  </dt>
                  <dd>{valueWords(other)}</dd>
                </dl>
                <div className="actions">
                  <button type="button" className="button" onClick={() => onKeep(c.id, c.kept)}>
                    Keep “{valueWords(kept)}”
                  </button>
                  <button
                    type="button"
                    className="button"
                    onClick={() => onKeep(c.id, c.kept === 'mine' ? 'theirs' : 'mine')}
                  >
                    Use “{valueWords(other)}” instead
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
      <h2 id="rejections-title">Not accepted by the district</h2>
      {rejections.length === 0 ? (
        <p className="empty">Every change from this computer was accepted.</p>
      ) : (
        <ul className="conflict-list">
          {rejections.map((r) => (
            <li key={r.seq} className="conflict">
              <div>
                <strong>{r.record}</strong>
                <span className="muted"> · {relative(r.at)}</span>
              </div>
              <p>{r.reason} This change was undone here.</p>
              <button type="button" className="button" onClick={() => onDismiss(r.seq)}>
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
