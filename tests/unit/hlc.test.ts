import { describe, expect, it } from 'vitest';
import {
  ClockDriftError,
  MAX_DRIFT_MS,
  STAMPS_PER_RUN,
  formatHlc,
  parseHlc,
  receive,
  tick,
  tickRun,
} from '../../contract/hlc';

const start = { wall: 1_700_000_000_000, counter: 0, node: 'device-a' };

describe('hybrid logical clock', () => {
  it('formats so that string order is time order', () => {
    const a = formatHlc({ wall: 9, counter: 999, node: 'z' });
    const b = formatHlc({ wall: 10, counter: 0, node: 'a' });
    expect(a < b).toBe(true);
    expect(parseHlc(b)).toEqual({ wall: 10, counter: 0, node: 'a' });
    expect(() => parseHlc('not a clock')).toThrow();
  });

  it('never goes backwards when the wall clock does', () => {
    let h = tick(start, start.wall + 10);
    const seen = [formatHlc(h)];
    for (const wall of [start.wall + 5, start.wall, start.wall + 10, start.wall + 11]) {
      h = tick(h, wall);
      seen.push(formatHlc(h));
    }
    expect([...seen].sort()).toEqual(seen);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('moves past a remote timestamp and refuses one more than a day ahead', () => {
    const remote = { wall: start.wall + 5000, counter: 7, node: 'device-b' };
    const merged = receive(start, remote, start.wall);
    expect(merged).toEqual({ wall: remote.wall, counter: 8, node: 'device-a' });
    const far = { ...remote, wall: start.wall + MAX_DRIFT_MS + 1 };
    expect(() => receive(start, far, start.wall)).toThrow(ClockDriftError);
  });

  it('hands out a run of stamps on one millisecond, as many ticks would, or on the next when the counters run out', () => {
    // Room for the run: it starts where one tick would, and the rest count up from there.
    const prev = { ...start, counter: 41 };
    expect(tickRun(prev, 5, start.wall)).toEqual(tick(prev, start.wall));
    expect(tickRun(prev, 5, start.wall + 3)).toEqual({ ...start, wall: start.wall + 3 });
    // The last counters of a millisecond: the run moves to the next one, still after prev.
    const full = { ...start, counter: STAMPS_PER_RUN - 3 };
    const moved = tickRun(full, 5, start.wall);
    expect(moved).toEqual({ ...start, wall: start.wall + 1, counter: 0 });
    expect(formatHlc(moved) > formatHlc(full)).toBe(true);
    // Exactly as many as fit: counters 999,997 to 999,999.
    expect(tickRun({ ...full, counter: STAMPS_PER_RUN - 4 }, 3, start.wall).counter).toBe(
      STAMPS_PER_RUN - 3,
    );
    for (const count of [0, -1, 1.5, STAMPS_PER_RUN + 1])
      expect(() => tickRun(prev, count, start.wall)).toThrow(RangeError);
  });
});
