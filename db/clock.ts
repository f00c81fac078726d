import {
  ClockDriftError,
  formatHlc,
  parseHlc,
  receive,
  tick,
  tickRun,
  type Hlc,
} from '../contract';
import type { Store } from './store';
import { SYNC_META } from './sync/meta';

/**
 * The device's hybrid logical clock. It resumes from the newest timestamp in the change log,
 * so it never needs a write of its own and cannot run behind what the device already stamped.
 */
export class LocalClock {
  private last: Hlc;

  constructor(
    node: string,
    private readonly wallNow: () => number,
    resumeFrom: string | null,
  ) {
    this.last = resumeFrom ? { ...parseHlc(resumeFrom), node } : { wall: 0, counter: 0, node };
  }

  /** Resume from the newer of the last local stamp and the last remote one merged (meta `clock_floor`). */
  static resume(store: Store, node: string, wallNow: () => number): LocalClock {
    const row = store
      .sql(
        `SELECT max(hlc) AS hlc FROM (
           SELECT (SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1) AS hlc
           UNION ALL SELECT value FROM meta WHERE key = ?)`,
      )
      .get(SYNC_META.clockFloor) as { hlc: string | null };
    return new LocalClock(node, wallNow, row.hlc);
  }

  /** Who stamps with this clock: the device's id, the last part of each of its stamps. */
  get node(): string {
    return this.last.node;
  }

  next(): string {
    this.last = tick(this.last, this.wallNow());
    return formatHlc(this.last);
  }

  /**
   * `count` stamps at once, as `next` called `count` times would give them but all on one
   * wall millisecond: the first one is returned and the rest count up from it (see `tickRun`).
   */
  nextRun(count: number): Hlc {
    const first = tickRun(this.last, count, this.wallNow());
    this.last = { ...first, counter: first.counter + count - 1 };
    return first;
  }

  isAheadOf(wallMs: number): boolean {
    return this.last.wall > wallMs;
  }

  /** Start again from `from` (or from nothing): only for repairing stamps made by a wrong clock. */
  rewind(from: string | null): void {
    this.last = from
      ? { ...parseHlc(from), node: this.last.node }
      : { wall: 0, counter: 0, node: this.last.node };
  }

  /**
   * Merge a timestamp from the server, so a local edit made after seeing a value always
   * stamps later than it. One more than a day ahead of our wall clock is not merged (a
   * wrong clock elsewhere must not drag ours along); its data still applies. Returns the
   * merged clock to persist as `clock_floor` with the page that carried it, or null.
   */
  receive(remote: string): string | null {
    try {
      this.last = receive(this.last, parseHlc(remote), this.wallNow());
      return formatHlc(this.last);
    } catch (error) {
      if (error instanceof ClockDriftError) return null;
      throw error;
    }
  }
}
