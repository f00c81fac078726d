import { WORDS, say, shown, type ErrorCode, type Said, type StaffKeyRecord } from '../../contract';
import {
  SyncFailure,
  httpDistrictAccess,
  httpTransport,
  exchangeKeys,
  syncOnce,
  type DistrictAccess,
  type SyncProgress,
  type SyncTransport,
} from './client';
import type { DistrictConnection } from './enrollment';
import type { SyncPort } from './port';

/** What the app shows about sync; kept in memory by the core, updated by the agent. */
export interface SyncLive {
  state: 'not_joined' | 'joining' | 'waiting' | 'syncing' | 'offline' | 'stopped';
  lastError: Failure | null;
  /** Counts of the exchange under way, for a first sync's progress. */
  progress: SyncProgress | null;
  nextAttemptAt: string | null;
  /**
   * Asked for by the app, carried out by the agent on its next run: joining a district, and
   * a first sign-in through it. The password is dropped as soon as the agent takes it.
   */
  pending: {
    join: { serverUrl: string; code: string; deviceName: string } | null;
    signIn: { staffId: string; password: string } | null;
    /**
     * Someone signed in here with keys the district does not have (their first district
     * sign-in could not finish, or this computer predates keys travelling): the agent
     * checks the password with the district and settles whose keys both keep.
     */
    keyCheck: { staffId: string; password: string } | null;
  };
  districtSignIn: { state: 'checking' | 'failed'; message: string | null; said?: Said } | null;
  /** Set by the agent: a write just committed, or someone pressed "Sync now". */
  onWrite: () => void;
  onRequest: () => void;
}

interface Failure {
  code: ErrorCode | 'OFFLINE';
  message: string;
  said?: Said;
}

/** Any failure as the status shows it: a SyncFailure's code and words, or a plain apology. */
function asFailure(error: unknown): Failure {
  if (error instanceof SyncFailure)
    return { code: error.code, message: error.message, ...(error.said && { said: error.said }) };
  return { code: 'INTERNAL', ...shown(say(WORDS.syncUnexpected)) };
}

export const newSyncLive = (): SyncLive => ({
  state: 'not_joined',
  lastError: null,
  progress: null,
  nextAttemptAt: null,
  pending: { join: null, signIn: null, keyCheck: null },
  districtSignIn: null,
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
  /** Enrollment and sign-in through the district; HTTP unless a test says otherwise. */
  access?: DistrictAccess;
  /** Starts the session once the district accepted a password (the core's session.signIn). */
  signIn?: (staffId: string, password: string) => void;
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
  private readonly options: Required<Omit<AgentOptions, 'onRevoked' | 'signIn'>> &
    Pick<AgentOptions, 'onRevoked' | 'signIn'>;

  constructor(
    private readonly port: SyncPort,
    private readonly live: SyncLive,
    options: AgentOptions = {},
  ) {
    this.options = {
      transport: (c) => httpTransport(c.serverUrl, c.token, { state: () => port.computerState() }),
      debounceMs: 2_000,
      intervalMs: 60_000,
      minBackoffMs: 2_000,
      maxBackoffMs: 5 * 60_000,
      random: Math.random,
      now: Date.now,
      access: httpDistrictAccess(),
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
    this.running = this.join().then((connection) =>
      connection ? this.exchange(connection) : undefined,
    );
    await this.running;
    this.running = null;
    if (this.again) {
      this.again = false;
      this.schedule(0);
    }
  }

  /** The device's connection, enrolling first if the app asked to join a district. */
  private async join(): Promise<DistrictConnection | null> {
    const request = this.live.pending.join;
    this.live.pending.join = null;
    if (request && !this.port.connection()) {
      this.live.state = 'joining';
      try {
        const enrolled = await this.options.access.enroll(
          request.serverUrl,
          request.code,
          request.deviceName,
        );
        this.port.join(
          {
            serverUrl: request.serverUrl,
            token: enrolled.token,
            serverDeviceId: enrolled.deviceId,
          },
          enrolled.school,
        );
      } catch (error) {
        this.live.state = 'not_joined';
        this.live.lastError = asFailure(error);
        return null;
      }
    }
    const connection = this.port.connection();
    this.live.state = connection ? 'syncing' : 'not_joined';
    return connection;
  }

  /**
   * A first sign-in through the district: the server checks the password and starts sending
   * what this person may see; the sync that follows brings it, then this computer keeps
   * their keys and the session starts.
   */
  private async districtSignIn(connection: DistrictConnection, transport: SyncTransport) {
    const request = this.live.pending.signIn;
    this.live.pending.signIn = null;
    if (!request) return;
    try {
      const { staffId, password } = request;
      const district = await this.options.access.signIn(connection, staffId, password);
      await syncOnce(this.port, transport);
      await this.settleKeys(connection, transport, staffId, password, district);
      this.options.signIn?.(request.staffId, request.password);
      this.live.districtSignIn = null;
    } catch (error) {
      const failure = asFailure(error);
      this.live.districtSignIn = {
        state: 'failed',
        ...(failure.code === 'WRONG_PASSWORD' ? shown(say(WORDS.wrongPassword)) : failure),
      };
      if (failure.code !== 'WRONG_PASSWORD') throw error;
    }
  }

  /** See SyncLive.pending.keyCheck. A password the district no longer accepts changes nothing. */
  private async keyCheck(connection: DistrictConnection, transport: SyncTransport) {
    const request = this.live.pending.keyCheck;
    this.live.pending.keyCheck = null;
    if (!request) return;
    const { staffId, password } = request;
    let district;
    try {
      district = await this.options.access.signIn(connection, staffId, password);
    } catch (error) {
      if (asFailure(error).code === 'WRONG_PASSWORD') return;
      throw error;
    }
    await this.settleKeys(connection, transport, staffId, password, district);
  }

  /**
   * Keep the same keys for this person here and at the district (port.rememberSignIn), then
   * fetch the shares that open with them: they open here only once this computer holds them.
   */
  private async settleKeys(
    connection: DistrictConnection,
    transport: SyncTransport,
    staffId: string,
    password: string,
    district: StaffKeyRecord | null,
  ) {
    const upload = this.port.rememberSignIn(staffId, password, district);
    if (upload) await this.options.access.signIn(connection, staffId, password, upload);
    await exchangeKeys(this.port, transport);
  }

  private async exchange(connection: DistrictConnection): Promise<void> {
    const transport = this.options.transport(connection);
    try {
      await this.districtSignIn(connection, transport);
      await this.keyCheck(connection, transport);
      this.live.progress = { pushed: 0, pulled: 0 };
      await syncOnce(this.port, transport, { onProgress: (p) => (this.live.progress = p) });
      this.failures = 0;
      this.live.state = 'waiting';
      this.live.lastError = null;
      this.schedule(this.options.intervalMs);
    } catch (error) {
      const failure = asFailure(error);
      this.live.lastError = failure;
      if (failure.code === 'DEVICE_REVOKED') this.options.onRevoked?.();
      if (error instanceof SyncFailure && !error.retry) {
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
  core: { sync: SyncPort; syncLive: SyncLive; call(name: string, input: unknown): unknown },
  options: AgentOptions = {},
): SyncAgent {
  const agent = new SyncAgent(core.sync, core.syncLive, {
    onRevoked: () => core.sync.revoked(),
    signIn: (staffId, password) => core.call('session.signIn', { staffId, password }),
    ...options,
  });
  agent.start();
  return agent;
}
