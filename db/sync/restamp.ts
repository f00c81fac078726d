import { MAX_DRIFT_MS, parseHlc } from '../../contract';
import type { LocalClock } from '../clock';
import { setMeta, type Store } from '../store';
import { SYNC_META } from './apply';

/**
 * Pending changes stamped more than a day ahead of this device's wall clock were made while
 * its clock was wrong; the server refuses them (CLOCK_AHEAD) and, left alone, the clock
 * would keep stamping from that future. Once the clock is right again they are stamped
 * anew, after everything else this device has seen, keeping their order. Runs in the
 * caller's transaction; returns how many were stamped.
 */
export function restampAhead(store: Store, clock: LocalClock, nowMs: number): number {
  const limit = nowMs + MAX_DRIFT_MS;
  const entries = store.sql('SELECT seq, hlc FROM change_log ORDER BY seq').all() as {
    seq: number;
    hlc: string;
  }[];
  const ahead = entries.filter((e) => parseHlc(e.hlc).wall > limit);
  if (ahead.length === 0 && !clock.isAheadOf(limit)) return 0;
  const sane = entries.filter((e) => parseHlc(e.hlc).wall <= limit).map((e) => e.hlc);
  clock.rewind(sane.sort().pop() ?? null);
  for (const entry of ahead)
    store.sql('UPDATE change_log SET hlc = ? WHERE seq = ?').run(clock.next(), entry.seq);
  setMeta(store, SYNC_META.clockFloor, clock.next());
  return ahead.length;
}
