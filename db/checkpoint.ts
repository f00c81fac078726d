import type { Sqlite } from './store';

/**
 * WAL checkpoints at quiet moments instead of inside a commit. SQLite's automatic checkpoint
 * runs in whichever commit takes the WAL past 1,000 pages, so one bulk write (a first sync,
 * a roster import, the demo school) would also pay for copying the whole WAL into the
 * database file, and a front-desk sign-in could stall behind a copy. Here the copy runs once
 * writes have paused for `quietMs`, or at the next write once `maxWaitMs` have passed since
 * the first unchecked write or `maxCommits` commits have piled up, so a core that never
 * pauses still keeps its WAL bounded in time and in size. (A long WAL slows every read and
 * commit: each page lookup searches its index. Audited reads commit too, so a nurse paging
 * through notes without a pause would otherwise grow it for half a minute.)
 *
 * Invariants: committed data is durable in the WAL whether or not it has been checkpointed;
 * SQLite checkpoints on closing the last connection, and after a crash it recovers the WAL on
 * the next open, so a checkpoint that never ran loses nothing.
 */
export class IdleCheckpointer {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private pendingSince: number | null = null;
  private commits = 0;

  constructor(
    private readonly db: Sqlite,
    private readonly quietMs = 1_000,
    private readonly maxWaitMs = 30_000,
    private readonly maxCommits = 500,
  ) {
    db.pragma('wal_autocheckpoint = 0');
  }

  /** Call after each committed write. */
  wrote(): void {
    const now = Date.now();
    this.pendingSince ??= now;
    this.commits += 1;
    if (now - this.pendingSince >= this.maxWaitMs || this.commits >= this.maxCommits) {
      this.checkpoint();
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.checkpoint(), this.quietMs);
    // A pending checkpoint never keeps a process alive: closing checkpoints anyway.
    this.timer.unref();
  }

  /** Copy the WAL into the database file now; PASSIVE never waits on other connections. */
  checkpoint(): void {
    this.stop();
    if (this.db.open) this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pendingSince = null;
    this.commits = 0;
  }
}
