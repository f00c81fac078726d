import Database from 'better-sqlite3-multiple-ciphers';
import { unlockDatabase } from './at-rest';
import { privateDatabaseFile } from './private-files';

export type Sqlite = Database.Database;
export type Statement = Database.Statement;

/**
 * An open local database plus a prepared-statement cache keyed by SQL text. Statements are
 * prepared once and reused for the life of the connection; the set of distinct SQL strings
 * is fixed by the code, so the cache cannot grow without bound.
 */
export interface Store {
  readonly db: Sqlite;
  sql(text: string): Statement;
  close(): void;
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron ships its own ABI build). */
  nativeBinding?: string;
  readonly?: boolean;
  /** The 256-bit key the file is encrypted with (see at-rest.ts); omitted only in tests of plain files. */
  key?: Buffer;
}

export function openStore(file: string, options: OpenOptions = {}): Store {
  if (!options.readonly && file !== ':memory:') privateDatabaseFile(file);
  const open = () =>
    new Database(file, {
      nativeBinding: options.nativeBinding,
      readonly: options.readonly ?? false,
    });
  const db = options.key ? unlockDatabase(open(), options.key, open) : open();
  // A read-only open (checking a backup) must not change the file, not even its journal mode.
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // WAL + NORMAL is durable across application crashes; only an OS crash can lose the last
  // commits, and never corrupts the file.
  db.pragma('synchronous = NORMAL');
  // Up to 256 MiB of page cache: a database of the benchmark's district size (100k people,
  // 60k students: ~155 MiB) fits whole, so a bulk write in one transaction does not spill
  // dirty pages to the WAL mid-transaction and encrypt them twice (64 MiB did; a bulk load
  // ran ~5% slower), and reads do not decrypt the same pages again. SQLite takes the memory
  // only as pages are read; a school's database is usually far smaller.
  db.pragma('cache_size = -262144');
  db.pragma('temp_store = MEMORY');
  const cache = new Map<string, Statement>();
  return {
    db,
    sql(text) {
      let stmt = cache.get(text);
      if (!stmt) {
        stmt = db.prepare(text);
        cache.set(text, stmt);
      }
      return stmt;
    },
    close() {
      cache.clear();
      db.close();
    },
  };
}

export function getMeta(store: Store, key: string): string | null {
  const row = store.sql('SELECT value FROM meta WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row?.value ?? null;
}

export function setMeta(store: Store, key: string, value: string): void {
  store
    .sql(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    )
    .run(key, value);
}
