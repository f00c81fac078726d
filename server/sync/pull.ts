import type { DeviceCaller } from '../auth/guards';
import type { Sql } from '../db';
import { audiencesOf } from './device-staff';

/**
 * One page of the log after `after`, only what the device's staff may see, as the JSON
 * text of a PullPage. Entries are stored as their wire text (migration 0005) and joined by
 * PostgreSQL, so a page of thousands of changes costs the server's one JavaScript thread
 * almost nothing. Appends commit in sequence order per school (store.ts), so nothing can
 * later appear below a cursor already handed out.
 */
export async function readPage(
  db: Sql,
  device: DeviceCaller,
  after: number,
  limit: number,
): Promise<string> {
  const audiences = audiencesOf(device);
  const [page] = await db.query<{ changes: string; last: string | null; n: number; keys: number }>(
    `SELECT '[' || coalesce(string_agg(wire, ',' ORDER BY seq), '') || ']' AS changes,
       max(seq) AS last, count(*)::int AS n,
       coalesce((SELECT version FROM key_versions WHERE school_id = $1), 0)::float8 AS keys
     FROM (SELECT seq, wire FROM sync_log
           WHERE school_id = $1 AND seq > $2 AND (audience = 'school' OR audience = ANY($3::text[]))
           ORDER BY seq LIMIT $4) AS page`,
    [device.school.id, after, audiences, limit],
  );
  const next = page?.last === null || page === undefined ? after : Number(page.last);
  // A full page may have more behind it; the device asks once more and gets an empty one.
  const more = (page?.n ?? 0) === limit;
  return `{"changes":${page?.changes ?? '[]'},"next":${next},"more":${more},"audiences":${JSON.stringify(audiences)},"keys":${page?.keys ?? 0}}`;
}
