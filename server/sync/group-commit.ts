import { MAX_PUSH_BYTES } from '../../contract';
import type { Sql } from '../db';
import type { PageRow } from './pull';

/** A decided push as sync_push takes it (migration 0017); JSON values are already text. */
export interface PushWrite {
  device: string;
  pushed: number;
  last: number;
  school: string;
  entries: string;
  records: string;
  rejections: string;
  after: number;
  audiences: string[];
  limit: number | null;
  /** What the computer says of itself (JSON text), or null. */
  state: string | null;
}

export const SYNC_PUSH = `SELECT * FROM sync_push($1::uuid, $2, $3, $4::uuid, $5::jsonb, $6::jsonb,
   $7::jsonb, $8, $9::text[], $10, $11::jsonb)`;

export const SYNC_PUSH_GROUP = 'SELECT * FROM sync_push_group($1::jsonb)';

interface GroupRow {
  push_index: number;
  push_error: string | null;
  changes_text: string | null;
  last_seq: string | number | null;
  change_count: number | null;
  key_version: number | null;
}

/**
 * Most pushes a group holds: enough for every computer of a large school waking at once,
 * few enough that one group's statement stays short. A group also stops at MAX_GROUP_BYTES
 * of JSON: a push may be up to MAX_PUSH_BYTES (a computer's first upload), and 32 of those
 * in one statement would be 128 MiB.
 */
export const MAX_GROUP = 32;
export const MAX_GROUP_BYTES = 2 * MAX_PUSH_BYTES;

/** What a push adds to its group's parameter, near enough. */
const sizeOf = (p: PushWrite) => p.entries.length + p.records.length + p.rejections.length;

/**
 * The pushes, from the front of the queue, that the next group writes: at most MAX_GROUP
 * and MAX_GROUP_BYTES, and always at least one, however large.
 */
export function nextGroup<T extends { push: PushWrite }>(waiting: readonly T[]): T[] {
  let bytes = 0;
  let count = 0;
  for (const one of waiting) {
    bytes += sizeOf(one.push);
    if (count > 0 && (count === MAX_GROUP || bytes > MAX_GROUP_BYTES)) break;
    count += 1;
  }
  return waiting.slice(0, count);
}

/** What the grouping did so far, for the metrics. */
export interface GroupStats {
  /** Statements that wrote more than one push, and the pushes they wrote. */
  groups: number;
  groupedPushes: number;
  /** Groups whose statement failed, so that their pushes were written one by one. */
  fallbacks: number;
  /** Pushes waiting now for the write in flight of their school. */
  waiting: number;
}

interface Waiting {
  push: PushWrite;
  resolve(page: PageRow | undefined): void;
  reject(error: unknown): void;
}

/** sync_push's refusal of a push that raced another, as PostgreSQL's own error carries it. */
class Raced extends Error {
  constructor(readonly code: string) {
    super('the push raced another and is read again');
  }
}

export const pushParams = (p: PushWrite) => [
  p.device,
  p.pushed,
  p.last,
  p.school,
  p.entries,
  p.records,
  p.rejections,
  p.after,
  p.audiences,
  p.limit,
  p.state,
];

/** The group's parameter: the pushes as a JSON array, their JSON values spliced in as they are. */
export const groupJson = (pushes: PushWrite[]) =>
  `[${pushes
    .map(
      (p) =>
        `{"device":${JSON.stringify(p.device)},"pushed":${p.pushed},"last":${p.last},"school":${JSON.stringify(p.school)},"entries":${p.entries},"records":${p.records},"rejections":${p.rejections},"after":${p.after},"audiences":${JSON.stringify(p.audiences)},"limit":${p.limit ?? 'null'},"state":${p.state ?? 'null'}}`,
    )
    .join(',')}]`;

/**
 * Group commit per school. A school's pushes take its log lock one after another (sync_push),
 * so a push that arrives while another of its school's pushes is being written would only
 * wait for that lock; here it waits in the server instead, and when the write in flight
 * ends, every push that arrived meanwhile (up to MAX_GROUP) is written by one statement in
 * one transaction (sync_push_group, migration 0018): one round trip, one commit and one turn
 * of the lock for all of them. There is no timer: a lone push is written at once as it always
 * was, and a push never waits longer than the write in flight before it (it would have
 * waited that long for the lock).
 *
 * Each push keeps its own outcome: one that raced another is refused alone (and read and
 * decided again by its caller), and when a group's statement fails for any other reason its
 * pushes are written one by one, so one push's failure is its own. Grouping is per server
 * instance; instances sharing a database still take the lock in turn.
 */
export class PushGroups {
  /** A school is here while a write of its pushes is in flight, with the pushes waiting. */
  private readonly schools = new Map<string, Waiting[]>();
  readonly stats: GroupStats = { groups: 0, groupedPushes: 0, fallbacks: 0, waiting: 0 };

  constructor(private readonly db: Sql) {}

  /** Write a push; its page when it asked for one. Rejects like sync_push (40001: read again). */
  async write(push: PushWrite): Promise<PageRow | undefined> {
    const waiting = this.schools.get(push.school);
    if (waiting) {
      this.stats.waiting += 1;
      return new Promise((resolve, reject) => waiting.push({ push, resolve, reject }));
    }
    this.schools.set(push.school, []);
    try {
      return await this.alone(push);
    } finally {
      void this.drain(push.school);
    }
  }

  /** Pushes waiting for the school, in groups, until none are left. Never rejects. */
  private async drain(school: string): Promise<void> {
    for (;;) {
      const waiting = this.schools.get(school) ?? [];
      if (waiting.length === 0) {
        this.schools.delete(school);
        return;
      }
      const group = waiting.splice(0, nextGroup(waiting).length);
      this.stats.waiting -= group.length;
      if (group.length === 1) await this.settle(group[0] as Waiting);
      else await this.together(group);
    }
  }

  private async alone(push: PushWrite): Promise<PageRow | undefined> {
    const [page] = await this.db.query<PageRow>(SYNC_PUSH, pushParams(push));
    return page;
  }

  private async settle(one: Waiting): Promise<void> {
    await this.alone(one.push).then(one.resolve, one.reject);
  }

  private async together(group: Waiting[]): Promise<void> {
    let rows: GroupRow[];
    try {
      rows = await this.db.query<GroupRow>(SYNC_PUSH_GROUP, [groupJson(group.map((w) => w.push))]);
    } catch {
      // Nothing of the group was written; each push is tried on its own and fails on its own.
      this.stats.fallbacks += 1;
      for (const one of group) await this.settle(one);
      return;
    }
    this.stats.groups += 1;
    this.stats.groupedPushes += group.length;
    const byIndex = new Map(rows.map((row) => [row.push_index, row]));
    for (const [index, one] of group.entries()) {
      const row = byIndex.get(index);
      if (!row) one.reject(new Error('the group wrote no answer for a push'));
      else if (row.push_error !== null) one.reject(new Raced(row.push_error));
      else if (row.changes_text === null) one.resolve(undefined);
      else
        one.resolve({
          page_changes: row.changes_text,
          page_last: row.last_seq,
          page_count: row.change_count ?? 0,
          page_keys: row.key_version ?? 0,
        });
    }
  }
}
