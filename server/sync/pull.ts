import type { PullPage, SyncedTable } from '../../contract';
import type { DeviceCaller } from '../auth/guards';
import type { Sql } from '../db';
import { audiencesOf, deviceStaff } from './device-staff';

interface LogRow {
  seq: string;
  tbl: SyncedTable;
  row_id: string;
  hlc: string;
  vals: Record<string, unknown>;
  removed: boolean;
}

/**
 * One page of the log after `after`, only what the device's staff may see. Appends commit in
 * sequence order (store.ts), so nothing can later appear below a cursor already handed out.
 */
export async function readPage(
  db: Sql,
  device: DeviceCaller,
  after: number,
  limit: number,
): Promise<PullPage> {
  const audiences = audiencesOf(await deviceStaff(db, device));
  const rows = await db.query<LogRow>(
    `SELECT seq, tbl, row_id, hlc, vals, removed FROM sync_log
     WHERE school_id = $1 AND seq > $2 AND (audience = 'school' OR audience = ANY($3::text[]))
     ORDER BY seq LIMIT $4`,
    [device.school.id, after, audiences, limit + 1],
  );
  const page = rows.slice(0, limit);
  return {
    changes: page.map((r) => ({
      seq: Number(r.seq),
      table: r.tbl,
      rowId: r.row_id,
      hlc: r.hlc,
      values: r.vals,
      removed: r.removed,
    })),
    next: page.length > 0 ? Number(page[page.length - 1]?.seq) : after,
    more: rows.length > limit,
    audiences,
  };
}
