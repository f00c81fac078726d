import { formatHlc, parseHlc, tick, type Hlc } from '../contract';
import type { Store } from './store';

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

  static resume(store: Store, node: string, wallNow: () => number): LocalClock {
    const row = store.sql('SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1').get() as
      { hlc: string } | undefined;
    return new LocalClock(node, wallNow, row?.hlc ?? null);
  }

  next(): string {
    this.last = tick(this.last, this.wallNow());
    return formatHlc(this.last);
  }
}
