import { subDays } from 'date-fns';
import type { SyncLog } from '../../contract';
import { getMeta, setMeta, type Store } from '../store';
import { SYNC_META } from './meta';

/**
 * What lets a computer resync after the district restores its database from a backup
 * (server/sync/epoch.ts): the changes the district acknowledged stay here for
 * JOURNAL_DAYS, and when the district's log has a new epoch they go back to the outbox.
 *
 * Known limit: a backup older than JOURNAL_DAYS loses what computers acknowledged between
 * it and JOURNAL_DAYS ago (the README's backup section says to keep backups more often).
 */
export const JOURNAL_DAYS = 30;

/**
 * Keep the outbox's entries up to `through` that the district took (`refused` ones were
 * undone here and are not sent again), and forget those older than JOURNAL_DAYS. Runs in
 * the acknowledgement's transaction, before the entries leave the outbox.
 */
export function keepAcknowledged(store: Store, through: number, refused: number[], at: Date) {
  store
    .sql(
      `INSERT INTO sent_changes (seq, tbl, row_id, fields, hlc, staff_id, acknowledged_at)
       SELECT seq, tbl, row_id, fields, hlc, staff_id, ? FROM change_log
       WHERE seq <= ? AND seq NOT IN (SELECT value FROM json_each(?))`,
    )
    .run(at.toISOString(), through, JSON.stringify(refused));
  store
    .sql('DELETE FROM sent_changes WHERE acknowledged_at < ?')
    .run(subDays(at, JOURNAL_DAYS).toISOString());
}

/**
 * Read what an answer says of the district's log; returns true when it was restored since
 * this computer last heard from it. Then, in the caller's transaction: the changes the
 * restored database lacks go back to the outbox, the pull cursor goes back to the restored
 * log's end, and the audit log and key shares are offered again (the district skips what it
 * holds). The first epoch a computer hears is only remembered.
 *
 * The changes sent again are new outbox entries (their seqs follow every seq the district has
 * seen from here, or it would take them for ones it has), each with its own clock, so a newer
 * value elsewhere still wins. Entries still pending after `sentThrough` (the batch this answer
 * acknowledged, if any) move behind them: the outbox sends a field once, with its latest
 * entry's clock (outbox.ts), which must stay the newest.
 */
export function noticeLog(store: Store, log: SyncLog | undefined, sentThrough = 0): boolean {
  if (!log) return false;
  const known = getMeta(store, SYNC_META.epoch);
  if (known === log.epoch) return false;
  setMeta(store, SYNC_META.epoch, log.epoch);
  if (known === null) return false;
  const { last } = store.sql('SELECT coalesce(max(seq), 0) AS last FROM change_log').get() as {
    last: number;
  };
  const columns = 'tbl, row_id, fields, hlc, staff_id';
  store
    .sql(
      `INSERT INTO change_log (${columns})
       SELECT ${columns} FROM sent_changes WHERE seq > ? ORDER BY seq`,
    )
    .run(log.resendAfter);
  store.sql('DELETE FROM sent_changes WHERE seq > ?').run(log.resendAfter);
  store
    .sql(
      `INSERT INTO change_log (${columns})
       SELECT ${columns} FROM change_log WHERE seq > ? AND seq <= ? ORDER BY seq`,
    )
    .run(sentThrough, last);
  store.sql('DELETE FROM change_log WHERE seq > ? AND seq <= ?').run(sentThrough, last);
  const cursor = Number(getMeta(store, SYNC_META.cursor) ?? 0);
  setMeta(store, SYNC_META.cursor, String(Math.min(cursor, log.head)));
  setMeta(store, SYNC_META.auditUploaded, '0');
  store.sql('UPDATE team_keys SET uploaded = 0').run();
  return true;
}
