import type { SyncLog } from '../../contract';
import { deviceQuery, type DeviceCaller, type DeviceRow } from '../auth/guards';
import type { Sql } from '../db';
import { TAIL_LIMIT, type JsonPieces, type LogCache } from './log-cache';

/** What sync_page (migration 0008) gives for one page; sync_push gives the same. */
export interface PageRow {
  page_changes: string;
  page_last: string | number | null;
  page_count: number;
  page_keys: number;
}

/** A page of the log for one device, before it is JSON. */
export interface Page {
  /** The JSON array of its changes' wire texts, in pieces. */
  changes: JsonPieces;
  next: number;
  more: boolean;
  keys: number;
}

const EMPTY = Buffer.from('[]');
const CHANGES = Buffer.from('{"changes":');

/** The page sync_page read: it ends at its last change, and a full page may have more behind. */
export function pageOfRow(row: PageRow | undefined, after: number, limit: number): Page {
  const count = row?.page_count ?? 0;
  return {
    changes: [row ? Buffer.from(row.page_changes, 'utf8') : EMPTY],
    next: row?.page_last === null || row === undefined ? after : Number(row.page_last),
    // A full page may have more behind it; the device asks once more and gets an empty one.
    more: count === limit,
    keys: row?.page_keys ?? 0,
  };
}

/**
 * A page as the JSON text of a PullPage, in pieces. Its changes are the entries' wire texts
 * (migration 0005) as they are kept, never parsed or copied, so a page of thousands of changes
 * costs the server's one JavaScript thread almost nothing.
 */
export const pageJson = (page: Page, audiences: string[], log: SyncLog): JsonPieces => [
  CHANGES,
  ...page.changes,
  Buffer.from(
    `,"next":${page.next},"more":${page.more},"audiences":${JSON.stringify(audiences)},"keys":${page.keys},"log":${JSON.stringify(log)}}`,
  ),
];

export const READ_PAGE = 'SELECT * FROM sync_page($1::uuid, $2, $3, $4)';

export const READ_TAIL = 'SELECT * FROM sync_tail($1::uuid, $2, $3)';

interface TailRow {
  seq: string | number;
  audience: string;
  wire: string;
}

/** What a device asks of the log: the page after its cursor, of what its staff may see. */
export interface PageAsk {
  after: number;
  limit: number;
  /** audiencesOf(device), worked out once per request. */
  audiences: string[];
}

/** A page read by PostgreSQL (sync_page): for a device behind what the server keeps of the log. */
async function readFromLog(db: Sql, device: DeviceCaller, ask: PageAsk): Promise<Page> {
  const [row] = await db.query<PageRow>(READ_PAGE, [
    device.school.id,
    ask.after,
    ask.audiences,
    ask.limit,
  ]);
  return pageOfRow(row, ask.after, ask.limit);
}

/**
 * The page cut from what the server keeps of the school's log, with more behind it when it
 * is full or `moreBehind` its cursor; read from the log when the window does not cover the
 * cursor (the device is behind it, or other schools' pages pushed it out since).
 */
async function cutOrRead(
  db: Sql,
  cache: LogCache,
  device: DeviceCaller,
  ask: PageAsk,
  behind: { moreBehind: (next: number) => boolean; keys: number },
): Promise<Page> {
  const { after, limit, audiences } = ask;
  const kept = cache.page(device.school.id, device.log.epoch, after, audiences, limit);
  if (!kept) return readFromLog(db, device, ask);
  return {
    changes: kept.changes,
    next: kept.next,
    more: kept.full || behind.moreBehind(kept.next),
    keys: behind.keys,
  };
}

/**
 * The page of a push whose group read the school's log tail for it (group-commit.ts `kept`):
 * the cache then held everything up to the push's own entries unless the tail was cut short
 * (`caughtUp` false: there is more).
 */
export const keptPage = (
  db: Sql,
  cache: LogCache,
  device: DeviceCaller,
  ask: PageAsk,
  read: { keys: number; caughtUp: boolean },
): Promise<Page> =>
  cutOrRead(db, cache, device, ask, { moreBehind: () => !read.caughtUp, keys: read.keys });

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
 * Otherwise the page is cut from what the server keeps of the school's log (log-cache.ts),
 * after reading what is new beyond it, or read by PostgreSQL for a device behind it.
 */
export async function readPage(
  db: Sql,
  cache: LogCache,
  device: DeviceCaller,
  ask: PageAsk,
  known: { head: number; keyVersion: number },
): Promise<Page> {
  if (ask.after >= known.head)
    return { changes: [EMPTY], next: ask.after, more: false, keys: known.keyVersion };
  const school = device.school.id;
  const { epoch } = device.log;
  const start = cache.tailStart(school, epoch, ask.after);
  if (start < known.head) {
    const tail = await db.query<TailRow>(READ_TAIL, [school, start, TAIL_LIMIT]);
    cache.extend(
      school,
      epoch,
      start,
      tail.map((row) => ({ seq: Number(row.seq), audience: row.audience, wire: row.wire })),
    );
  }
  return cutOrRead(db, cache, device, ask, {
    moreBehind: (next) => next < known.head,
    keys: known.keyVersion,
  });
}
