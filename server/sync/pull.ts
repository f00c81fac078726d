import type { SyncLog } from '../../contract';
import type { DeviceCaller } from '../auth/guards';
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
 * One page of the log after `after`, only what the device's staff may see. Appends commit
 * in sequence order per school (sync_append), so nothing can later appear below a cursor
 * already handed out.
 */
export async function readPage(
  db: Sql,
  device: DeviceCaller,
  after: number,
  limit: number,
): Promise<string> {
  const audiences = audiencesOf(device);
  const [row] = await db.query<PageRow>(READ_PAGE, [device.school.id, after, audiences, limit]);
  return pageText(row, after, limit, audiences, device.log);
}
