import { MAX_PUSH_BYTES } from '../../contract';
import type { Sql } from '../db';
import { TAIL_LIMIT, type LogCache, type TailEntry } from './log-cache';
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

export const SYNC_PUSH_GROUP = 'SELECT * FROM sync_push_group($1::uuid, $2::jsonb, $3, $4)';

/**
 * sync_push_group's rows (migration 0019): one per push (`push_index`), then the school's
 * log tail (`tail_seq`), then one row with only the school's key version.
 */
interface GroupRow {
  push_index: number | null;
  push_error: string | null;
  changes_text: string | null;
  last_seq: string | number | null;
  change_count: number | null;
  key_version: number | null;
  tail_seq: string | number | null;
  tail_audience: string | null;
  tail_wire: string | null;
}

/**
 * What a written push answers: no page (it asked for none), the page PostgreSQL read for it
 * (its device is behind what the server keeps of the log), or a page to cut from the log
 * cache, which now holds everything up to the push's own entries when `caughtUp`.
 */
export type PushAnswer =
  | { kind: 'none' }
  | { kind: 'read'; page: PageRow }
  | { kind: 'kept'; keys: number; caughtUp: boolean };

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
  /** The log's epoch the device was told (epoch.ts): what the log cache is kept for. */
  epoch: string;
  resolve(answer: PushAnswer): void;
  reject(error: unknown): void;
}

/** sync_push's refusal of a push that raced another, as PostgreSQL's own error carries it. */
class Raced extends Error {
  constructor(readonly code: string) {
    super('the push raced another and is read again');
  }
}

/** The group's parameter: the pushes as a JSON array, their JSON values spliced in as they are. */
export const groupJson = (pushes: PushWrite[]) =>
  `[${pushes
    .map(
      (p) =>
        `{"device":${JSON.stringify(p.device)},"pushed":${p.pushed},"last":${p.last},"entries":${p.entries},"records":${p.records},"rejections":${p.rejections},"after":${p.after},"audiences":${JSON.stringify(p.audiences)},"limit":${p.limit ?? 'null'},"state":${p.state ?? 'null'}}`,
    )
    .join(',')}]`;

/** Where the rows of a group's answer say what became of each push, and what the tail brought. */
function readAnswer(rows: GroupRow[]): {
  outcomes: Map<number, GroupRow>;
  tail: TailEntry[];
  keys: number;
} {
  const outcomes = new Map<number, GroupRow>();
  const tail: TailEntry[] = [];
  let keys = 0;
  for (const row of rows) {
    if (row.push_index !== null) outcomes.set(row.push_index, row);
    else if (row.tail_seq !== null)
      tail.push({
        seq: Number(row.tail_seq),
        audience: row.tail_audience ?? '',
        wire: row.tail_wire ?? '',
      });
    else keys = row.key_version ?? 0;
  }
  return { outcomes, tail, keys };
}

/**
 * Group commit per school. A school's pushes take its log lock one after another (sync_push),
 * so a push that arrives while another of its school's pushes is being written would only
 * wait for that lock; here it waits in the server instead, and when the write in flight
 * ends, every push that arrived meanwhile (up to MAX_GROUP) is written by one statement in
 * one transaction (sync_push_group, migrations 0018 and 0019): one round trip, one commit and
 * one turn of the lock for all of them. There is no timer: a lone push is written at once (a
 * group of one), and a push never waits longer than the write in flight before it (it would
 * have waited that long for the lock).
 *
 * Each push keeps its own outcome: one that raced another is refused alone (and read and
 * decided again by its caller), and when a group's statement fails for any other reason its
 * pushes are written one by one, so one push's failure is its own. Grouping is per server
 * instance; instances sharing a database still take the lock in turn.
 *
 * The statement also reads the school's log after what `cache` keeps of it, once for the
 * group and after its last push (so it holds every push's own entries), and the pages of
 * pushes whose devices are within the kept window are cut from it (pull.ts).
 */
export class PushGroups {
  /** A school is here while a write of its pushes is in flight, with the pushes waiting. */
  private readonly schools = new Map<string, Waiting[]>();
  readonly stats: GroupStats = { groups: 0, groupedPushes: 0, fallbacks: 0, waiting: 0 };

  constructor(
    private readonly db: Sql,
    private readonly cache: LogCache,
  ) {}

  /** Write a push, and say how to answer its page. Rejects like sync_push (40001: read again). */
  async write(push: PushWrite, epoch: string): Promise<PushAnswer> {
    const waiting = this.schools.get(push.school);
    if (waiting) {
      this.stats.waiting += 1;
      return new Promise((resolve, reject) => waiting.push({ push, epoch, resolve, reject }));
    }
    this.schools.set(push.school, []);
    try {
      return await new Promise<PushAnswer>((resolve, reject) =>
        this.send([{ push, epoch, resolve, reject }]).catch(reject),
      );
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

  private async settle(one: Waiting): Promise<void> {
    await this.send([one]).catch(one.reject);
  }

  private async together(group: Waiting[]): Promise<void> {
    try {
      await this.send(group);
    } catch {
      // Nothing of the group was written; each push is tried on its own and fails on its own.
      this.stats.fallbacks += 1;
      for (const one of group) await this.settle(one);
      return;
    }
    this.stats.groups += 1;
    this.stats.groupedPushes += group.length;
  }

  /**
   * Write the group in one statement and settle each push of it; rejects, settling none,
   * when the statement fails. The group's pushes are of one school.
   */
  private async send(group: Waiting[]): Promise<void> {
    const [first] = group;
    if (!first) return;
    const {
      push: { school },
      epoch,
    } = first;
    // The window starts at the newest cursor of the group when there is none yet (or the log
    // moved on past it): computers of a school that sync every minute are all near the head.
    const tailAfter = this.cache.tailStart(
      school,
      epoch,
      Math.max(...group.map((one) => one.push.after)),
    );
    const kept = group.map(
      (one) => one.push.limit !== null && this.cache.covers(school, one.epoch, one.push.after),
    );
    const pushes = group.map((one, index) =>
      kept[index] ? { ...one.push, limit: null } : one.push,
    );
    const rows = await this.db.query<GroupRow>(SYNC_PUSH_GROUP, [
      school,
      groupJson(pushes),
      tailAfter,
      TAIL_LIMIT,
    ]);
    const { outcomes, tail, keys } = readAnswer(rows);
    this.cache.extend(school, epoch, tailAfter, tail);
    const caughtUp = tail.length < TAIL_LIMIT;
    for (const [index, one] of group.entries()) {
      const row = outcomes.get(index);
      if (!row) one.reject(new Error('the group wrote no answer for a push'));
      else if (row.push_error !== null) one.reject(new Raced(row.push_error));
      else if (kept[index]) one.resolve({ kind: 'kept', keys, caughtUp });
      else if (row.changes_text === null) one.resolve({ kind: 'none' });
      else
        one.resolve({
          kind: 'read',
          page: {
            page_changes: row.changes_text,
            page_last: row.last_seq,
            page_count: row.change_count ?? 0,
            page_keys: row.key_version ?? 0,
          },
        });
    }
  }
}
