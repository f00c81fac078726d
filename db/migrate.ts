import { HearthError, WORDS, say } from '../contract';
import type { Store } from './store';
import { MIGRATIONS } from './migrations';

export const LATEST_VERSION = MIGRATIONS.length;

/** The version a database was last migrated to; 0 for a new, empty one. */
export function schemaVersion(store: Store): number {
  const exists = store.db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  if (!exists) return 0;
  return (
    (
      store.db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as {
        v: number | null;
      }
    ).v ?? 0
  );
}

/** Whether opening this database will change its schema (an update of Hearth). */
export const needsMigration = (store: Store, migrations = MIGRATIONS): boolean =>
  schemaVersion(store) < migrations.length;

/**
 * Bring the database up to LATEST_VERSION, one transaction per migration, recorded in
 * schema_migrations. A database written by a newer Hearth is refused untouched: running old
 * code against a newer schema could silently lose the fields it does not know.
 */
export function migrate(store: Store, migrations = MIGRATIONS): { from: number; to: number } {
  const { db } = store;
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  const from = row.v ?? 0;
  if (from > migrations.length) {
    throw new HearthError(
      'DATABASE_TOO_NEW',
      say(WORDS.dataTooNew, { saved: from, known: migrations.length }),
    );
  }
  for (let version = from + 1; version <= migrations.length; version++) {
    const migration = migrations[version - 1] as { name: string; sql: string };
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        version,
        migration.name,
        new Date().toISOString(),
      );
    })();
  }
  return { from, to: Math.max(from, migrations.length) };
}
