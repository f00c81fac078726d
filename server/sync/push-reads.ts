import { MAX_PUSH_CHANGES } from '../../contract';
import { devicesQuery, type DeviceRow } from '../auth/guards';
import type { Sql } from '../db';
import type { RecordRow } from './store';

/**
 * What a push reads, without locks and writing nothing, for each of several pushes at once
 * (devicesQuery, `$1`; a push marks its computer seen in the write it makes, migration 0017):
 * the device, the batch's stored records (`tables` and `ids` of its ask: recordNames) with
 * their row versions, and the reasons kept for those of its changes (`seqs`) already pushed
 * and refused. sync_push checks before writing that nothing it decided on moved.
 */
export const READ_PUSHES = devicesQuery(
  `,
     coalesce((SELECT json_agg(r) FROM (
       SELECT tbl, id, school_id, audience, data, clocks, seqs, xmin::text AS version
       FROM records WHERE (tbl, id) IN (SELECT k.tbl, k.id::uuid
         FROM ROWS FROM (jsonb_array_elements_text(x.ask->'tables'),
           jsonb_array_elements_text(x.ask->'ids')) AS k (tbl, id))) AS r),
       '[]') AS records,
     coalesce((SELECT json_agg(json_build_object('seq', j.seq, 'reason', j.reason))
       FROM sync_rejections j
       WHERE j.device_id = device.id AND j.seq <= device.pushed_seq
         AND j.seq IN (SELECT s::bigint FROM jsonb_array_elements_text(x.ask->'seqs') AS s)),
       '[]') AS rejections`,
);

/** What READ_PUSHES reads for one push. */
export interface PushRead {
  /** The hash of the device token the push carries, in hex. */
  hash: string;
  /** The records the batch writes, by table and id (recordNames). */
  tables: string[];
  ids: string[];
  /** The seqs of the batch's changes. */
  seqs: number[];
}

export interface PushRow extends DeviceRow {
  records: (RecordRow & { version: string })[];
  rejections: { seq: number; reason: string }[];
}

/**
 * Most changes one statement reads for: four of the largest pushes a computer sends, or two
 * hundred of a morning's usual ten, so that the reads waiting behind a large batch do not
 * all ride in one long statement.
 */
export const MAX_READ_CHANGES = 4 * MAX_PUSH_CHANGES;

/**
 * The reads, from the front of the queue, that the next statement makes: for up to
 * MAX_READ_CHANGES changes, and always at least one read.
 */
export function nextReads<T extends { read: PushRead }>(waiting: readonly T[]): T[] {
  let changes = 0;
  let count = 0;
  for (const one of waiting) {
    changes += one.read.seqs.length;
    if (count > 0 && changes > MAX_READ_CHANGES) break;
    count += 1;
  }
  return waiting.slice(0, count);
}

/** What the reading did so far, for the metrics: statements that answered, and their reads. */
export interface ReadStats {
  statements: number;
  reads: number;
}

interface Waiting {
  read: PushRead;
  resolve(row: PushRow | undefined): void;
  reject(error: unknown): void;
}

/**
 * Pushes' reads, several in one statement. A push's read is a statement of its own at first;
 * reads that arrive while one is in flight wait for it in the server, and when it ends, the
 * next statement reads them all (up to MAX_READ_CHANGES). A push would pay as much for the
 * statement's message, its wake-up of a PostgreSQL backend and its snapshot as for what it
 * reads, and a district's computers wake together: in a burst, the reads of the pushes the
 * server has parsed meanwhile share one. There is no timer: a read waits only for the
 * statement in flight when it came (and, when more wait than one statement takes, for those
 * ahead of it in the queue).
 *
 * A read answers its device's row, or nothing for a token no device has; a statement that
 * fails is made again read by read, so one read's failure is its own.
 */
export class PushReads {
  /** Reads waiting while a statement is in flight; null when none is. */
  private waiting: Waiting[] | null = null;
  readonly stats: ReadStats = { statements: 0, reads: 0 };

  constructor(private readonly db: Sql) {}

  read(read: PushRead): Promise<PushRow | undefined> {
    return new Promise((resolve, reject) => {
      const one = { read, resolve, reject };
      if (this.waiting) this.waiting.push(one);
      else {
        this.waiting = [];
        void this.drain([one]);
      }
    });
  }

  /** Read `first`, then whatever waits, until nothing does. Never rejects. */
  private async drain(first: Waiting[]): Promise<void> {
    let batch = first;
    while (batch.length > 0) {
      await this.settle(batch);
      const waiting = this.waiting ?? [];
      batch = waiting.splice(0, nextReads(waiting).length);
    }
    this.waiting = null;
  }

  /** Read the batch; when its statement fails, each read alone, failing on its own. */
  private async settle(batch: Waiting[]): Promise<void> {
    try {
      await this.send(batch);
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      else for (const one of batch) await this.send([one]).catch(one.reject);
    }
  }

  /** Read the batch in one statement and settle each read; rejects, settling none, if it fails. */
  private async send(batch: Waiting[]): Promise<void> {
    const rows = await this.db.query<PushRow & { ask: number }>(READ_PUSHES, [
      JSON.stringify(batch.map((one) => one.read)),
    ]);
    this.stats.statements += 1;
    this.stats.reads += batch.length;
    const byAsk = new Map(rows.map((row) => [row.ask, row]));
    for (const [index, one] of batch.entries()) one.resolve(byAsk.get(index));
  }
}
