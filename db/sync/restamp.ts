import { MAX_DRIFT_MS, hlcWallPrefix } from '../../contract';
import type { LocalClock } from '../clock';
import { setMeta, type Store } from '../store';
import { SYNC_META } from './meta';

/**
 * Pending changes stamped more than a day ahead of this device's wall clock were made while
 * its clock was wrong; the server refuses them (CLOCK_AHEAD) and, left alone, the clock
 * would keep stamping from that future. Once the clock is right again they are stamped
 * anew, after everything else this device has seen, keeping their order. Runs in the
 * caller's transaction; returns how many were stamped.
 */
export function restampAhead(store: Store, clock: LocalClock, nowMs: number): number {
  const limit = nowMs + MAX_DRIFT_MS;
  const wall = hlcWallPrefix(limit);
  const ahead = store
    .sql('SELECT seq FROM change_log WHERE substr(hlc, 1, length(@wall)) > @wall ORDER BY seq')
    .all({ wall }) as { seq: number }[];
  if (ahead.length === 0 && !clock.isAheadOf(limit)) return 0;
  const sane = store
    .sql('SELECT max(hlc) AS hlc FROM change_log WHERE substr(hlc, 1, length(@wall)) <= @wall')
    .get({ wall }) as { hlc: string | null };
  clock.rewind(sane.hlc);
  for (const entry of ahead)
    store.sql('UPDATE change_log SET hlc = ? WHERE seq = ?').run(clock.next(), entry.seq);
  setMeta(store, SYNC_META.clockFloor, clock.next());
  return ahead.length;
}
