import type { Sql } from '../db';

/**
 * After a restore from a backup, the database has forgotten what computers synced since the
 * backup was taken: changes they pushed (which they no longer hold as pending) and entries
 * of the log they already pulled (whose seqs the restored log will hand out again for new
 * entries). A new `epoch` tells them: each computer, seeing it, sends again its changes after
 * `restored_seq` (it keeps what the district acknowledged for a while, db/sync/journal.ts),
 * pulls again after `restored_head`, and uploads its audit log and key shares again; the
 * district keeps what it lacks and skips what it has.
 *
 * Marking a restore when there was none costs little: every computer's `restored_seq` is
 * then all it ever pushed and `restored_head` the whole log, so nothing is sent or pulled
 * twice but the audit entries and key shares, which the district skips.
 */
const MARK = `WITH here AS (
    SELECT c.system_identifier || ':' || d.oid AS identity
    FROM pg_control_system() c, pg_database d WHERE d.datname = current_database()
  ), marked AS (
    UPDATE sync_epoch SET epoch = gen_random_uuid(), restored_at = now(),
      restored_head = (SELECT coalesce(max(seq), 0) FROM sync_log),
      database_identity = (SELECT identity FROM here)
    WHERE $1 OR database_identity <> (SELECT identity FROM here)
    RETURNING 1
  ), devices_kept AS (
    UPDATE devices SET restored_seq = pushed_seq WHERE EXISTS (SELECT 1 FROM marked)
  )
  SELECT count(*)::int AS marked FROM marked`;

/**
 * Mark the database as restored from a backup (`npm run server:restore`, or the operator
 * after restoring it another way).
 */
export async function markRestored(db: Sql): Promise<void> {
  await db.query(MARK, [true]);
}

/**
 * At start (server/migrate.ts): a database that is not the one the log was written in (a
 * pg_dump restored into a new database, or onto another PostgreSQL, which has another system
 * identifier) is marked restored. Several instances starting at once mark it once: the second
 * waits on the first's row lock and then finds the identity it wrote. A restore into the same
 * database (pg_restore --clean, a file-level or point-in-time copy) keeps both and is not
 * noticed: that takes markRestored.
 */
export async function noticeRestore(db: Sql): Promise<boolean> {
  const [row] = await db.query<{ marked: number }>(MARK, [false]);
  return (row?.marked ?? 0) > 0;
}

/** What a computer is told of the log with every sync answer (contract `syncLogSchema`). */
export const LOG_COLUMNS = `, (SELECT json_build_object('epoch', e.epoch, 'head', e.restored_head,
       'resendAfter', device.restored_seq) FROM sync_epoch e) AS log`;
