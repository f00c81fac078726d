import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import {
  API,
  HearthError,
  isCallName,
  type CallInput,
  type CallName,
  type CallOutput,
  type CallResult,
  WORDS,
  say,
} from '../contract';
import { IdleCheckpointer } from './checkpoint';
import { LocalClock } from './clock';
import { FailAfterCommit, checkAccess, type Ctx, type Handler, type Handlers } from './context';
import { backupFolderFor, writeBackup } from './backup';
import { backupService, isFileCall } from './backup-service';
import { migrate, needsMigration, schemaVersion } from './migrate';
import { auditHandlers } from './ops/audit-log';
import { contactHandlers } from './ops/contacts';
import { duplicateHandlers } from './ops/duplicates';
import { studentMergeHandlers } from './ops/student-merge';
import { insightsHandlers } from './ops/insights';
import { goalHandlers } from './ops/goals';
import { rollCallHandlers } from './ops/roll-call';
import { cautionHandlers } from './ops/cautions';
import { visitorLogHandlers } from './ops/visitor-log';
import { healthVisitHandlers } from './ops/health-visits';
import { healthProfileHandlers } from './ops/health-profiles';
import { medicationHandlers } from './ops/medications';
import { nurseDayHandlers } from './ops/nurse-day';
import { healthReportHandlers } from './ops/health-report';
import { healthFamilyNoteHandlers } from './ops/health-family-note';
import { paperHandlers } from './ops/papers';
import { familyHandlers } from './ops/families';
import { familyListHandlers } from './ops/family-list';
import { newFamilyHandlers } from './ops/new-family';
import { timelineEntryHandlers } from './ops/timeline-entry';
import { homeVisitHandlers } from './ops/home-visits';
import { strengthHandlers } from './ops/strengths';
import { voiceHandlers } from './ops/voice';
import { disclosureHandlers } from './ops/disclosures';
import { followUpHandlers } from './ops/follow-ups';
import { noteHandlers } from './ops/notes';
import { peopleHandlers } from './ops/people';
import { searchHandlers } from './ops/search';
import { setupHandlers } from './ops/setup';
import { staffHandlers, takeNewKeys } from './ops/staff';
import { syncHandlers } from './ops/sync';
import { visitHandlers } from './ops/visits';
import { openKeyring } from './privacy/keyring';
import { DERIVED_INDEXERS } from './derived';
import { lockIfIdle, lockSession } from './idle-lock';
import { ensureInsightTallies } from './insights/tallies';
import { newSyncLive, type SyncLive } from './sync/agent';
import { syncPort, type SyncPort } from './sync/port';
import { ensureSearchIndex } from './search/rebuild';
import { getMeta, openStore, setMeta, type OpenOptions, type Store } from './store';
import { Writer, issuesOf } from './write';

const HANDLERS: Handlers = {
  ...setupHandlers,
  ...staffHandlers,
  ...searchHandlers,
  ...peopleHandlers,
  ...visitHandlers,
  ...noteHandlers,
  ...followUpHandlers,
  ...disclosureHandlers,
  ...auditHandlers,
  ...contactHandlers,
  ...familyHandlers,
  ...familyListHandlers,
  ...newFamilyHandlers,
  ...timelineEntryHandlers,
  ...strengthHandlers,
  ...homeVisitHandlers,
  ...voiceHandlers,
  ...duplicateHandlers,
  ...studentMergeHandlers,
  ...insightsHandlers,
  ...goalHandlers,
  ...rollCallHandlers,
  ...cautionHandlers,
  ...visitorLogHandlers,
  ...healthVisitHandlers,
  ...healthProfileHandlers,
  ...medicationHandlers,
  ...nurseDayHandlers,
  ...healthReportHandlers,
  ...healthFamilyNoteHandlers,
  ...paperHandlers,
  ...syncHandlers,
};

export interface CoreOptions extends OpenOptions {
  file: string;
  appVersion?: string;
  now?: () => Date;
  /**
   * Milliseconds on a clock that only moves forward (default performance.now), for the idle
   * lock: setting the computer's clock back must not keep a session open.
   */
  elapsedMs?: () => number;
  /** Check every result against its output schema too (tests turn this on). */
  checkOutputs?: boolean;
  /** How long writes must pause before the WAL is checkpointed (see checkpoint.ts). */
  checkpointQuietMs?: number;
  /** Back up once a day while open (default). Benchmarks turn it off so no copy lands mid-measure. */
  dailyBackups?: boolean;
  /** Where unexpected failures are reported. Receives no input values, only the call name and error. */
  onInternalError?: (call: string, error: unknown) => void;
}

export interface Core {
  readonly deviceId: string;
  /** Run one call. Never throws: failures come back as a typed error body. */
  call(name: string, input: unknown): CallResult<unknown>;
  close(): void;
  /** The open store, for tests and benchmarks that inspect what a call wrote. */
  readonly store: Store;
  /** The local half of sync, driven by the sync client (db/sync/client.ts). */
  readonly sync: SyncPort;
  /** What the app shows about sync; the sync agent updates it (db/sync/agent.ts). */
  readonly syncLive: SyncLive;
}

function ensureDeviceId(store: Store): string {
  let id = getMeta(store, 'device_id');
  if (!id) {
    id = randomUUID();
    setMeta(store, 'device_id', id);
  }
  return id;
}

/** One open database and everything bound to it; a restore replaces the whole of it. */
interface Opened {
  store: Store;
  ctx: Ctx;
  checkpoints: IdleCheckpointer;
  port: SyncPort;
}

/**
 * Open the database file, back it up first when an update is about to migrate it, migrate
 * it, and bind the write path, clock and sync port to it. Nobody is signed in afterwards.
 */
function openDatabase(options: CoreOptions, now: () => Date, live: SyncLive): Opened {
  const store = openStore(options.file, options);
  try {
    if (needsMigration(store) && schemaVersion(store) > 0)
      writeBackup(store, backupFolderFor(options.file), 'before-update', now());
    migrate(store);
    ensureSearchIndex(store);
    ensureInsightTallies(store);
  } catch (error) {
    store.close();
    throw error;
  }
  const deviceId = ensureDeviceId(store);
  const clock = LocalClock.resume(store, deviceId, () => now().getTime());
  const session: Ctx['session'] = { staffId: null, recent: [], keyring: null, lastCallAt: 0 };
  const writer = new Writer(store, clock, DERIVED_INDEXERS, () => session.staffId);
  const checkpoints = new IdleCheckpointer(store.db, options.checkpointQuietMs);
  const ctx: Ctx = {
    store,
    writer,
    deviceId,
    appVersion: options.appVersion ?? '0.0.0-dev',
    now,
    session,
    sync: { live },
  };
  const port = syncPort({
    store,
    appVersion: ctx.appVersion,
    writer,
    clock,
    now,
    wrote: () => checkpoints.wrote(),
    lock: () => lockSession(session),
    rekeyed: (staffId, keys) => {
      if (session.staffId === staffId) session.keyring = openKeyring(store, staffId, keys);
    },
    keysChanged: () => {
      if (!takeNewKeys(ctx)) return;
      checkpoints.wrote();
      // Shares made for new members go to the district with the next sync.
      ctx.sync.live.onWrite();
    },
  });
  return { store, ctx, checkpoints, port };
}

/**
 * Open (creating and migrating if needed) a local database and serve the API table on it.
 * better-sqlite3 is synchronous, so calls on one core already run one at a time; each
 * writing call runs in its own transaction, so a failure leaves nothing behind.
 */
export function openCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const elapsedMs = options.elapsedMs ?? (() => performance.now());
  const live = newSyncLive();
  let db = openDatabase(options, now, live);
  const backups = backupService({
    file: options.file,
    open: options,
    daily: options.dailyBackups ?? true,
    now,
    current: () => db,
    reopen: () => {
      db = openDatabase(options, now, live);
      live.onWrite();
    },
  });

  function run(name: CallName, input: unknown): unknown {
    const spec = API[name];
    const { ctx, store, checkpoints } = db;
    lockIfIdle(ctx, elapsedMs());
    // Access first: someone not signed in learns nothing, not even what input is expected.
    checkAccess(ctx, spec.access);
    const parsed = (spec.input as z.ZodType).safeParse(input ?? {});
    if (!parsed.success) {
      throw new HearthError('VALIDATION', say(WORDS.needAnotherLook), {
        issues: issuesOf(parsed.error),
      });
    }
    // Copying or replacing the whole database cannot run inside a transaction on it.
    if (isFileCall(name)) return check(spec.output, backups.run(name, parsed.data as never));
    const handler = HANDLERS[name] as Handler<CallName>;
    const execute = () => handler(ctx, parsed.data as never);
    // Reads run in a deferred transaction: one consistent snapshot, and the audit entries a
    // read of restricted records writes commit with it or not at all. Those entries grow the
    // WAL too, so a read that wrote schedules a checkpoint like any write.
    if (!spec.writes) {
      const changesBefore = totalChanges(store);
      const output = store.db.transaction(execute).deferred();
      if (totalChanges(store) !== changesBefore) checkpoints.wrote();
      return check(spec.output, output);
    }
    let failure: HearthError | undefined;
    const output = store.db
      .transaction(() => {
        try {
          return execute();
        } catch (error) {
          if (!(error instanceof FailAfterCommit)) throw error;
          failure = error.error;
          return undefined;
        }
      })
      .immediate();
    checkpoints.wrote();
    ctx.sync.live.onWrite();
    if (failure) throw failure;
    return check(spec.output, output);
  }

  function check(schema: z.ZodType, output: unknown): unknown {
    if (options.checkOutputs) schema.parse(output);
    return output;
  }

  // The sync agent keeps this object for the core's whole life; after a restore it reaches
  // the restored database.
  const sync = Object.fromEntries(
    Object.keys(db.port).map((method) => [
      method,
      (...args: unknown[]) =>
        (db.port[method as keyof SyncPort] as (...a: unknown[]) => unknown)(...args),
    ]),
  ) as unknown as SyncPort;

  return {
    get deviceId() {
      return db.ctx.deviceId;
    },
    get store() {
      return db.store;
    },
    sync,
    syncLive: live,
    call(name, input) {
      if (!isCallName(name)) {
        return {
          ok: false,
          error: {
            code: 'UNKNOWN_CALL',
            message: `Hearth has no call named "${String(name).slice(0, 80)}".`,
          },
        };
      }
      try {
        return { ok: true, value: run(name, input) };
      } catch (error) {
        if (error instanceof HearthError) return { ok: false, error: error.toBody() };
        options.onInternalError?.(name, error);
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: 'Something went wrong and nothing was saved. Please try again.',
          },
        };
      }
    },
    close() {
      backups.stop();
      db.checkpoints.stop();
      db.store.close();
    },
  };
}

function totalChanges(store: Store): number {
  return (store.sql('SELECT total_changes() AS n').get() as { n: number }).n;
}

/** Typed convenience over `call` for code that runs in the same process (tests, tools). */
export function callOrThrow<N extends CallName>(
  core: Core,
  name: N,
  input: CallInput<N>,
): CallOutput<N> {
  const result = core.call(name, input);
  if (!result.ok) throw HearthError.fromBody(result.error);
  return result.value as CallOutput<N>;
}
