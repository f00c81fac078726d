import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU time read from Linux's /proc, so a benchmark can report what work cost as well as how
 * long it took: latency on a shared two-core machine swings with its neighbours, CPU per
 * operation much less, and it compares across machines of different speed.
 */

/** Clock ticks per second, the unit of /proc/<pid>/stat's times. */
const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());

interface ProcStat {
  ppid: number;
  /** utime + stime, in ticks. */
  own: number;
  /** cutime + cstime: children it has waited for, in ticks. */
  reaped: number;
}

/** /proc/<pid>/stat, or null when the process is gone. */
function stat(pid: number): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // The command name (field 2) is in parentheses and may hold spaces: fields count after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  return { ppid: field(4), own: field(14) + field(15), reaped: field(16) + field(17) };
}

/** Milliseconds of CPU one process has used. */
export function processCpuMs(pid: number): number {
  return ((stat(pid)?.own ?? 0) * 1000) / TICKS_PER_S;
}

/**
 * Milliseconds of CPU a process and its children have used: its own, its live children's,
 * and what it has reaped of those that ended (PostgreSQL's postmaster and its backends).
 * A child that ends between two readings moves from the second term to the third, so the
 * difference of two readings counts it once.
 */
export function treeCpuMs(pid: number): number {
  const root = stat(pid);
  if (!root) return 0;
  let ticks = root.own + root.reaped;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === pid) ticks += child.own;
  }
  return (ticks * 1000) / TICKS_PER_S;
}
