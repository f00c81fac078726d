/**
 * Hybrid logical clock. A timestamp is `WWWWWWWWWWWWWWW.CCCCCC.node`: 15 digits of wall
 * milliseconds, 6 digits of counter, then the node (device) id, so plain string order is
 * causal order with the node as tie-breaker. Pure: callers pass the wall time in.
 */
export interface Hlc {
  wall: number;
  counter: number;
  node: string;
}

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
/** A remote timestamp further ahead of our wall clock than this is refused. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

/** How a stamp begins for a wall time: comparing these prefixes as text compares times. */
export const hlcWallPrefix = (wallMs: number): string => String(wallMs).padStart(WALL_DIGITS, '0');

export function formatHlc(h: Hlc): string {
  return `${hlcWallPrefix(h.wall)}.${String(h.counter).padStart(COUNTER_DIGITS, '0')}.${h.node}`;
}

/**
 * `formatHlc`'s layout for SQLite's printf(wall, counter, node), for stamps a statement
 * writes itself (a run from `tickRun`).
 */
export const HLC_PRINTF = `%0${WALL_DIGITS}d.%0${COUNTER_DIGITS}d.%s`;

export function parseHlc(s: string): Hlc {
  const m = /^(\d{15})\.(\d{6})\.([A-Za-z0-9-]{1,64})$/.exec(s);
  if (!m) throw new Error(`not a clock timestamp: ${s.slice(0, 80)}`);
  return { wall: Number(m[1]), counter: Number(m[2]), node: m[3] as string };
}

/** The next local timestamp: never behind the previous one, even if the wall clock went back. */
export function tick(prev: Hlc, nowMs: number): Hlc {
  if (nowMs > prev.wall) return { wall: nowMs, counter: 0, node: prev.node };
  if (prev.counter >= MAX_COUNTER) return { wall: prev.wall + 1, counter: 0, node: prev.node };
  return { wall: prev.wall, counter: prev.counter + 1, node: prev.node };
}

/** The most stamps one wall millisecond holds, so the longest run `tickRun` makes. */
export const STAMPS_PER_RUN = MAX_COUNTER + 1;

/**
 * The first of `count` stamps in a row after `prev`, all on one wall millisecond (counters
 * `first.counter` to `first.counter + count - 1`), so a set-based write can number them
 * itself. Each is later than the one before, as `tick` called `count` times would make them;
 * when the counters would run out, the run starts on the next millisecond, as `tick` does.
 */
export function tickRun(prev: Hlc, count: number, nowMs: number): Hlc {
  if (!Number.isInteger(count) || count < 1 || count > STAMPS_PER_RUN)
    throw new RangeError(`a run of stamps holds 1 to ${STAMPS_PER_RUN}, not ${count}`);
  const first = tick(prev, nowMs);
  if (first.counter + count - 1 <= MAX_COUNTER) return first;
  return { wall: first.wall + 1, counter: 0, node: prev.node };
}

export class ClockDriftError extends Error {}

/**
 * Merge a remote timestamp into ours. Throws (and so advances nothing) when the remote is
 * more than MAX_DRIFT_MS ahead of our wall clock.
 */
export function receive(prev: Hlc, remote: Hlc, nowMs: number): Hlc {
  if (remote.wall - nowMs > MAX_DRIFT_MS) {
    throw new ClockDriftError('a change is stamped more than a day in the future');
  }
  const wall = Math.max(prev.wall, remote.wall, nowMs);
  let counter = 0;
  if (wall === prev.wall && wall === remote.wall)
    counter = Math.max(prev.counter, remote.counter) + 1;
  else if (wall === prev.wall) counter = prev.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, node: prev.node };
  return { wall, counter, node: prev.node };
}
