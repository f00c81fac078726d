import type { SyncLog } from '../../contract';
import { deviceQuery, type DeviceCaller, type DeviceRow } from '../auth/guards';
import type { Sql } from '../db';
import { audiencesOf } from './device-staff';

/** What sync_page (migration 0008) gives for one page; sync_push gives the same. */
export interface PageRow {
  page_changes: string;
  page_last: string | number | null;
  page_count: number;
  page_keys: number;
}

/**
 * A page as the JSON text of a PullPage. Its changes come as one text joined by PostgreSQL
 * from the entries' wire text (migration 0005), so a page of thousands of changes costs the
 * server's one JavaScript thread almost nothing.
 */
export function pageText(
  row: PageRow | undefined,
  after: number,
  limit: number,
  audiences: string[],
  log: SyncLog,
): string {
  const next = row?.page_last === null || row === undefined ? after : Number(row.page_last);
  // A full page may have more behind it; the device asks once more and gets an empty one.
  const more = (row?.page_count ?? 0) === limit;
  return `{"changes":${row?.page_changes ?? '[]'},"next":${next},"more":${more},"audiences":${JSON.stringify(audiences)},"keys":${row?.page_keys ?? 0},"log":${JSON.stringify(log)}}`;
}

export const READ_PAGE = 'SELECT * FROM sync_page($1::uuid, $2, $3, $4)';

/**
 * The device (as FIND_DEVICE) with its school's log head and key version: a pull whose cursor
 * is at the head (most of a day's syncs, which push nothing) is answered from this one
 * statement, without reading a page. The head is read in the statement, not cached in the
 * server, so it is right with several servers on one database; appends commit in seq order
 * (sync_append), so nothing can appear later at or below it.
 */
export const FIND_PULLING_DEVICE = deviceQuery(
  `,
     (SELECT max(l.seq) FROM sync_log l WHERE l.school_id = device.school_id) AS head,
     coalesce((SELECT k.version FROM key_versions k WHERE k.school_id = device.school_id), 0)::float8
       AS key_version`,
);

export interface PullingDeviceRow extends DeviceRow {
  head: string | number | null;
  key_version: number;
}

/**
 * One page of the log after `after`, only what the device's staff may see. Appends commit
 * in sequence order per school (sync_append), so nothing can later appear below a cursor
 * already handed out. The school's head and key version are `known` (FIND_PULLING_DEVICE read
 * them): a cursor at the head is answered with an empty page without asking the database again.
 */
export async function readPage(
  db: Sql,
  device: DeviceCaller,
  after: number,
  limit: number,
  known: { head: number; keyVersion: number },
): Promise<string> {
  const audiences = audiencesOf(device);
  if (after >= known.head) {
    const empty = {
      page_changes: '[]',
      page_last: null,
      page_count: 0,
      page_keys: known.keyVersion,
    };
    return pageText(empty, after, limit, audiences, device.log);
  }
  const [row] = await db.query<PageRow>(READ_PAGE, [device.school.id, after, audiences, limit]);
  return pageText(row, after, limit, audiences, device.log);
}
