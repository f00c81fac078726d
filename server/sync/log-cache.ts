import { MAX_PULL_CHANGES, SCHOOL_AUDIENCE } from '../../contract';

/** Most entries one read of a school's log tail brings (sync_tail); the next read goes on. */
export const TAIL_LIMIT = MAX_PULL_CHANGES;

/** One entry of a school's log: its seq, who may receive it, and its wire text (migration 0005). */
export interface TailEntry {
  seq: number;
  audience: string;
  wire: string;
}

/**
 * JSON text as the UTF-8 pieces it is sent in, joined once into an answer's bytes
 * (`Buffer.concat`). A page of a few hundred changes joined as a string was copied three
 * times more in the server's heap before it reached the socket (the join, the answer around
 * it, its UTF-8 encoding), all of it for the garbage collector to scan while the answer
 * waited in a burst of syncs.
 */
export type JsonPieces = readonly Buffer[];

/** A page cut from what is kept: its changes as a JSON array, and the cursor it leaves. */
export interface KeptPage {
  changes: JsonPieces;
  count: number;
  /**
   * The cursor to hand out: the last change's seq when the page is full, else the end of
   * what is kept (every entry up to it that the device may see is in the page).
   */
  next: number;
  /** The page holds `limit` changes: there may be more right behind them. */
  full: boolean;
}

/**
 * Whether a device receives an entry: shared with the whole school, or with one of the
 * audiences its staff hold (device-staff.ts). sync_page's filter, for pages cut here.
 */
export const receives = (audience: string, audiences: ReadonlySet<string>): boolean =>
  audience === SCHOOL_AUDIENCE || audiences.has(audience);

/** An entry as kept: its wire text in UTF-8, as every page that holds it sends it. */
interface KeptEntry {
  seq: number;
  audience: string;
  wire: Buffer;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

/** The window kept of one school's log: every entry with `from < seq <= through`, in order. */
interface Window {
  epoch: string;
  from: number;
  through: number;
  entries: KeptEntry[];
  bytes: number;
}

export interface LogCacheLimits {
  /** Bytes of wire text (UTF-8) kept per school; the oldest entries go first. */
  schoolBytes: number;
  /** Bytes of wire text (UTF-8) kept in all; the school used longest ago goes first. */
  totalBytes: number;
}

/** A school's last few thousand entries, and room for a few dozen schools on a small server. */
export const LOG_CACHE_LIMITS: LogCacheLimits = {
  schoolBytes: 2 * 1024 * 1024,
  totalBytes: 64 * 1024 * 1024,
};

/**
 * Entries as kept, their wire texts encoded into one block of memory of their own and each a
 * view of its part. Not `Buffer.from` each: a small Buffer is cut from a pool block of 8 KiB
 * that every short-lived Buffer of the server shares, and one kept entry would keep its whole
 * block alive, so that a window could hold several times the memory it counts. Here a block
 * holds only entries, and goes when the window lets its last entry go.
 */
function inOneBlock(entries: readonly TailEntry[]): KeptEntry[] {
  const sizes = entries.map((entry) => Buffer.byteLength(entry.wire, 'utf8'));
  const block = Buffer.allocUnsafeSlow(sizes.reduce((sum, size) => sum + size, 0));
  let offset = 0;
  return entries.map(({ seq, audience, wire }, index) => {
    const size = sizes[index] as number;
    block.write(wire, offset, size, 'utf8');
    offset += size;
    return { seq, audience, wire: block.subarray(offset - size, offset) };
  });
}

/** First index in `entries` (ordered by seq) whose seq is above `after`. */
function firstAfter(entries: readonly KeptEntry[], after: number): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((entries[middle] as KeptEntry).seq <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The recent end of each school's log, kept in this server instance so that the pages a
 * school's computers ask for each minute are cut here instead of read and sent again by
 * PostgreSQL for each of them (every computer of a school reads the same entries). What a
 * window holds is read from the database (sync_tail, migration 0019), so it is right with
 * several instances on one database: each keeps what it read.
 *
 * Invariant: a window holds every entry of its school with `from < seq <= through`. It holds
 * because a read of the log after a seq returns, in seq order, every entry up to the last it
 * returns: a school's appends take its log lock and draw their seqs under it until they
 * commit (sync_append), so a reader never sees an entry without every earlier one. Entries
 * never change once written; a restore from a backup does rewrite the log, and comes with a
 * new epoch (epoch.ts), which empties the window. Between a restore and its marking, a
 * window can still hand out entries of the log as it was: `npm run server:restore` marks it
 * in the same step.
 */
export class LogCache {
  /** In the order the schools were last used, oldest first. */
  private readonly windows = new Map<string, Window>();
  private bytes = 0;
  /** Pages cut from a window, and pages asked of it that it did not cover (read from the log). */
  readonly stats = { cut: 0, missed: 0 };

  constructor(private readonly limits: LogCacheLimits = LOG_CACHE_LIMITS) {}

  /**
   * Where a read of the school's log should start so that what it returns extends the
   * window: the window's end. With no window (or one of another epoch), or one that ends
   * before `start` (the log moved on through other instances), an empty window starts at
   * `start`, where a device's cursor is.
   */
  tailStart(school: string, epoch: string, start: number): number {
    const window = this.windows.get(school);
    if (window && window.epoch === epoch && start <= window.through) return window.through;
    this.drop(school);
    this.windows.set(school, { epoch, from: start, through: start, entries: [], bytes: 0 });
    return start;
  }

  /**
   * Keep what a read of the log after `after` returned: every entry of the school above
   * `after` up to the last of `entries`. Ignored when it does not join the window.
   */
  extend(school: string, epoch: string, after: number, entries: readonly TailEntry[]): void {
    const window = this.windows.get(school);
    if (!window || window.epoch !== epoch || after > window.through) return;
    const added = entries.filter((entry) => entry.seq > window.through);
    for (const kept of inOneBlock(added)) {
      window.entries.push(kept);
      window.through = kept.seq;
      window.bytes += kept.wire.length;
      this.bytes += kept.wire.length;
    }
    this.trim(window);
    this.touch(school, window);
    while (this.bytes > this.limits.totalBytes && this.windows.size > 1) {
      const [oldest] = this.windows.keys();
      if (oldest === undefined || oldest === school) break;
      this.drop(oldest);
    }
  }

  /** Whether a page after `after` can be cut from the window as it is now. */
  covers(school: string, epoch: string, after: number): boolean {
    return this.covering(school, epoch, after) !== undefined;
  }

  /**
   * The first `limit` entries after `after` the device receives, as the JSON array of their
   * wire texts (in pieces: the entries' own bytes, never copied here); null when the window
   * does not cover `after`.
   */
  page(
    school: string,
    epoch: string,
    after: number,
    audiences: readonly string[],
    limit: number,
  ): KeptPage | null {
    const window = this.covering(school, epoch, after);
    if (!window) {
      this.stats.missed += 1;
      return null;
    }
    this.touch(school, window);
    this.stats.cut += 1;
    const allowed = new Set(audiences);
    const changes: Buffer[] = [OPEN];
    let count = 0;
    let last = after;
    for (let i = firstAfter(window.entries, after); i < window.entries.length; i++) {
      if (count === limit) break;
      const entry = window.entries[i] as KeptEntry;
      if (!receives(entry.audience, allowed)) continue;
      if (count > 0) changes.push(COMMA);
      changes.push(entry.wire);
      count += 1;
      last = entry.seq;
    }
    changes.push(CLOSE);
    const full = count === limit;
    return { changes, count, next: full ? last : window.through, full };
  }

  /** Wire bytes kept now, in all. */
  keptBytes(): number {
    return this.bytes;
  }

  /** The oldest entries go when the school holds more than its share, down to three quarters. */
  private trim(window: Window): void {
    if (window.bytes <= this.limits.schoolBytes) return;
    let dropped = 0;
    let freed = 0;
    while (window.bytes - freed > (this.limits.schoolBytes * 3) / 4) {
      freed += (window.entries[dropped] as KeptEntry).wire.length;
      dropped += 1;
    }
    window.from = (window.entries[dropped - 1] as KeptEntry).seq;
    window.entries.splice(0, dropped);
    window.bytes -= freed;
    this.bytes -= freed;
  }

  /** The school's window, when it is of this epoch and holds the log right after `after`. */
  private covering(school: string, epoch: string, after: number): Window | undefined {
    const window = this.windows.get(school);
    return window && window.epoch === epoch && window.from <= after && after <= window.through
      ? window
      : undefined;
  }

  private touch(school: string, window: Window): void {
    this.windows.delete(school);
    this.windows.set(school, window);
  }

  private drop(school: string): void {
    const window = this.windows.get(school);
    if (!window) return;
    this.bytes -= window.bytes;
    this.windows.delete(school);
  }
}
