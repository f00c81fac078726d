import { chmodSync, copyFileSync, renameSync, rmSync } from 'node:fs';
import {
  FILE_CALLS,
  HearthError,
  SYNCED_RECORDS,
  type SyncedTable,
  type CallName,
  type CallOutput,
  type FileCall,
  type ParsedInput,
  WORDS,
  say,
} from '../contract';
import { backupFolderFor, backupPath, listBackups, writeBackup } from './backup';
import type { IdleCheckpointer } from './checkpoint';
import { LATEST_VERSION, migrate, schemaVersion } from './migrate';
import { getMeta, openStore, setMeta, type OpenOptions, type Store } from './store';
import { SYNC_META } from './sync/meta';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** What a school records: any of it here, and the computer is a school's, not a district's. */
const RECORDED_TABLES = (Object.keys(SYNCED_RECORDS) as SyncedTable[]).filter(
  (table) => table !== 'schools' && table !== 'staff',
);

export const isFileCall = (name: CallName): name is FileCall =>
  (FILE_CALLS as readonly string[]).includes(name);

/** What a restore carries over from the database it replaces, so nothing runs backwards. */
interface Carried {
  /** The highest change number used here: the district has seen them, so none is reused. */
  seq: number;
  /** The newest clock stamp: the restored clock resumes after it. */
  hlc: string | null;
}

function carried(store: Store): Carried {
  const seq = store.db
    .prepare("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")
    .get() as { seq: number } | undefined;
  const hlc = store.db
    .prepare(
      `SELECT max(hlc) AS hlc FROM (
         SELECT (SELECT hlc FROM change_log ORDER BY seq DESC LIMIT 1) AS hlc
         UNION ALL SELECT value FROM meta WHERE key = ?)`,
    )
    .get(SYNC_META.clockFloor) as { hlc: string | null };
  return { seq: seq?.seq ?? 0, hlc: hlc.hlc };
}

/**
 * Write what a restore carries into the restored file before it is opened for use. A change
 * numbered again after a restore would look like one the district already has, and be
 * skipped: so numbering continues after the highest ever used here. The pull cursor is the
 * backup's, so the next sync brings back everything since, this computer's own changes too.
 */
function carryInto(store: Store, from: Carried): void {
  store.db.transaction(() => {
    store.db
      .prepare("DELETE FROM sqlite_sequence WHERE name = 'change_log' AND seq < ?")
      .run(from.seq);
    store.db
      .prepare(
        "INSERT INTO sqlite_sequence (name, seq) SELECT 'change_log', ? WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'change_log')",
      )
      .run(from.seq);
    const floor = getMeta(store, SYNC_META.clockFloor);
    if (from.hlc && (!floor || floor < from.hlc)) setMeta(store, SYNC_META.clockFloor, from.hlc);
  })();
}

interface BackupDeps {
  file: string;
  open: OpenOptions;
  daily: boolean;
  now: () => Date;
  current: () => { store: Store; checkpoints: IdleCheckpointer };
  /** Open the database file again, as at start (nobody signed in). */
  reopen: () => void;
}

/**
 * The backup calls, and a daily backup while the app runs (checked soon after start and
 * every few hours, so a computer that is on for weeks still keeps one a day).
 */
export function backupService(deps: BackupDeps) {
  const folder = backupFolderFor(deps.file);

  const daily = () => {
    const { store } = deps.current();
    if (!getMeta(store, 'setup')) return;
    const newest = listBackups(folder)[0];
    if (newest && deps.now().getTime() - Date.parse(newest.at) < DAY_MS) return;
    try {
      writeBackup(store, folder, 'daily', deps.now());
    } catch {
      // A full disk must not stop the front desk; Settings shows how old the newest backup is.
    }
  };
  const timers = deps.daily
    ? [setTimeout(daily, 60_000).unref(), setInterval(daily, 6 * HOUR_MS).unref()]
    : [];

  /** See the API table: the database kept aside, a new one begun with the same device id. */
  function startOverToJoin() {
    const { store, checkpoints } = deps.current();
    if (getMeta(store, SYNC_META.serverUrl) !== null)
      throw new HearthError('CONFLICT', say(WORDS.alreadyJoined));
    const recorded = RECORDED_TABLES.filter(
      (table) => store.sql(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined,
    );
    if (recorded.length > 0) throw new HearthError('CONFLICT', say(WORDS.familiesBlockJoin));
    const deviceId = getMeta(store, 'device_id');
    const keptAside = writeBackup(store, folder, 'before-join', deps.now());
    checkpoints.stop();
    store.close();
    try {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${deps.file}${suffix}`, { force: true });
      const fresh = openStore(deps.file, deps.open);
      try {
        migrate(fresh);
        // The same computer: its backups, the one just made included, can still be restored.
        if (deviceId) setMeta(fresh, 'device_id', deviceId);
      } finally {
        fresh.close();
      }
    } finally {
      deps.reopen();
    }
    return { keptAside };
  }

  function restore(name: string) {
    const path = backupPath(folder, name);
    const restored = listBackups(folder).find((b) => b.name === name);
    const { store, checkpoints } = deps.current();
    const check = openStore(path, { ...deps.open, readonly: true });
    try {
      if (getMeta(check, 'device_id') !== getMeta(store, 'device_id'))
        throw new HearthError('VALIDATION', say(WORDS.backupOtherComputer));
      if (schemaVersion(check) > LATEST_VERSION)
        throw new HearthError('DATABASE_TOO_NEW', say(WORDS.backupNewer));
    } finally {
      check.close();
    }
    const carry = carried(store);
    const keptAside = writeBackup(store, folder, 'before-restore', deps.now());
    checkpoints.stop();
    store.close();
    try {
      const incoming = `${deps.file}.restoring`;
      copyFileSync(path, incoming);
      chmodSync(incoming, 0o600);
      const staged = openStore(incoming, deps.open);
      try {
        carryInto(staged, carry);
      } finally {
        staged.close();
      }
      for (const leftover of ['-wal', '-shm']) rmSync(`${deps.file}${leftover}`, { force: true });
      renameSync(incoming, deps.file);
    } finally {
      // Whatever happened, the app goes on with the database now in place.
      deps.reopen();
    }
    if (!restored) throw new HearthError('NOT_FOUND', say(WORDS.backupNotFound));
    return { restored, keptAside };
  }

  return {
    run<N extends FileCall>(name: N, input: ParsedInput<N>): CallOutput<N> {
      const { store } = deps.current();
      switch (name) {
        case 'backup.list':
          return { folder, backups: listBackups(folder) } as CallOutput<N>;
        case 'backup.now':
          return writeBackup(store, folder, 'manual', deps.now()) as CallOutput<N>;
        case 'setup.startOverToJoin':
          return startOverToJoin() as CallOutput<N>;
        default:
          return restore((input as ParsedInput<'backup.restore'>).name) as CallOutput<N>;
      }
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
