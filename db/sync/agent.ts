import type { ErrorCode } from '../../contract';
import {
  SyncFailure,
  httpTransport,
  syncOnce,
  type SyncProgress,
  type SyncTransport,
} from './client';
import type { DistrictConnection } from './enrollment';
import type { SyncPort } from './port';

/** What the app shows about sync; kept in memory by the core, updated by the agent. */
export interface SyncLive {
  state: 'not_joined' | 'waiting' | 'syncing' | 'offline' | 'stopped';
  lastError: { code: ErrorCode | 'OFFLINE'; message: string } | null;
  /** Counts of the exchange under way, for a first sync's progress. */
  progress: SyncProgress | null;
  nextAttemptAt: string | null;
  /** Set by the agent: a write just committed, or someone pressed "Sync now". */
  onWrite: () => void;
  onRequest: () => void;
}

export const newSyncLive = (): SyncLive => ({
  state: 'not_joined',
  lastError: null,
  progress: null,
  nextAttemptAt: null,
  onWrite: () => undefined,
  onRequest: () => undefined,
});

export interface AgentOptions {
  /** How the agent reaches the server; HTTP unless a test says otherwise. */
  transport?: (connection: DistrictConnection) => SyncTransport;
  /** Quiet time after a local write before syncing, so a burst of edits goes in one push. */
  debounceMs?: number;
  /** How often to sync when nothing happens, to receive others' changes. */
  intervalMs?: number;
  /** Retry after a failure: doubling from `minBackoffMs` up to `maxBackoffMs`, with jitter. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  now?: () => number;
  /** Called when the server says this device was revoked: the app locks. */
  onRevoked?: () => void;
}

/**
 * Runs sync in the background for a core: soon after local writes (debounced), on a timer,
 * and when asked; after a failure it retries with exponential backoff whether or not
 * anything new is written. One exchange at a time. An unreachable server reads as offline;
 * a refusal that waiting will not fix (revoked device, clock a day ahead) stops retrying
 * until someone asks again.
 */
export class SyncAgent {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dueAt = Infinity;
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private stopped = false;
  private debouncing = false;
  private firstWriteAt: number | null = null;
  private readonly options: Required<Omit<AgentOptions, 'onRevoked'>> &
    Pick<AgentOptions, 'onRevoked'>;

  constructor(
    private readonly port: SyncPort,
    private readonly live: SyncLive,
    options: AgentOptions = {},
  ) {
    this.options = {
      transport: (c) => httpTransport(c.serverUrl, c.token),
      debounceMs: 2_000,
      intervalMs: 60_000,
      minBackoffMs: 2_000,
      maxBackoffMs: 5 * 60_000,
      random: Math.random,
      now: Date.now,
      ...options,
    };
    live.onWrite = () => this.debounce();
    live.onRequest = () => {
      if (live.state === 'stopped') live.state = 'waiting';
      this.schedule(0);
    };
  }

  start(): void {
    this.live.state = this.port.connection() ? 'waiting' : 'not_joined';
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The exchange under way, if any (tests wait for it). */
  idle(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  /**
   * Sync once writes have paused for debounceMs, but no later than four pauses after the
   * first of them, so a steady stream of edits still goes out.
   */
  private debounce(): void {
    const now = this.options.now();
    this.firstWriteAt ??= now;
    const due = Math.min(
      now + this.options.debounceMs,
      this.firstWriteAt + 4 * this.options.debounceMs,
    );
    this.schedule(due - now, true);
  }

  /**
   * Arrange the next attempt. An earlier attempt already arranged stands, except that a
   * debounce may push back its own earlier debounce.
   */
  private schedule(delayMs: number, debounce = false): void {
    if (this.stopped || this.live.state === 'stopped') return;
    const due = this.options.now() + delayMs;
    if (this.timer && due >= this.dueAt && !(debounce && this.debouncing)) return;
    this.debouncing = debounce;
    if (this.timer) clearTimeout(this.timer);
    this.dueAt = due;
    this.live.nextAttemptAt = new Date(due).toISOString();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.debouncing = false;
      this.firstWriteAt = null;
      this.dueAt = Infinity;
      this.live.nextAttemptAt = null;
      void this.run();
    }, delayMs);
  }

  private async run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    const connection = this.port.connection();
    if (!connection) {
      this.live.state = 'not_joined';
      return;
    }
    this.live.state = 'syncing';
    this.running = this.exchange(connection);
    await this.running;
    this.running = null;
    if (this.again) {
      this.again = false;
      this.schedule(0);
    }
  }

  private async exchange(connection: DistrictConnection): Promise<void> {
    const transport = this.options.transport(connection);
    try {
      this.live.progress = { pushed: 0, pulled: 0 };
      await syncOnce(this.port, transport, { onProgress: (p) => (this.live.progress = p) });
      this.failures = 0;
      this.live.state = 'waiting';
      this.live.lastError = null;
      this.schedule(this.options.intervalMs);
    } catch (error) {
      const failure =
        error instanceof SyncFailure
          ? error
          : new SyncFailure(
              'INTERNAL',
              'Sync stopped on an unexpected problem; it will try again.',
              true,
            );
      this.live.lastError = { code: failure.code, message: failure.message };
      if (failure.code === 'DEVICE_REVOKED') this.options.onRevoked?.();
      if (!failure.retry) {
        this.live.state = 'stopped';
        return;
      }
      this.live.state = failure.code === 'OFFLINE' ? 'offline' : 'waiting';
      this.failures += 1;
      this.schedule(this.backoff());
    } finally {
      this.live.progress = null;
    }
  }

  private backoff(): number {
    const { minBackoffMs, maxBackoffMs, random } = this.options;
    const base = Math.min(maxBackoffMs, minBackoffMs * 2 ** (this.failures - 1));
    return Math.round(base * (0.5 + random() / 2));
  }
}

/** Start syncing a core in the background if its device has joined a district. */
export function startSyncAgent(
  core: { sync: SyncPort; syncLive: SyncLive },
  options: AgentOptions = {},
): SyncAgent {
  const agent = new SyncAgent(core.sync, core.syncLive, {
    onRevoked: () => core.sync.revoked(),
    ...options,
  });
  agent.start();
  return agent;
}
