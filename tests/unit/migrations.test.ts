import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { openStore } from '../../db/store';
import { openCore } from '../../db/core';
import { tempDir } from '../helpers';

describe('migrations', () => {
  it('builds a fresh database to the latest version and records each step', () => {
    const store = openStore(join(tempDir(), 'fresh.sqlite'));
    expect(migrate(store)).toEqual({ from: 0, to: LATEST_VERSION });
    const rows = store.db
      .prepare('SELECT version, name FROM schema_migrations ORDER BY version')
      .all();
    expect(rows).toEqual(MIGRATIONS.map((m, i) => ({ version: i + 1, name: m.name })));
    expect(migrate(store)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    store.close();
  });

  it('upgrades an existing database, keeping its data', () => {
    const file = join(tempDir(), 'old.sqlite');
    const store = openStore(file);
    migrate(store);
    store.db.prepare("INSERT INTO meta (key, value) VALUES ('kept', 'yes')").run();
    const next = [
      ...MIGRATIONS,
      { name: '9999_test_column', sql: 'ALTER TABLE people ADD COLUMN nickname TEXT' },
    ];
    expect(migrate(store, next)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION + 1 });
    expect(store.db.prepare("SELECT value FROM meta WHERE key = 'kept'").get()).toEqual({
      value: 'yes',
    });
    expect(store.db.prepare('SELECT nickname FROM people').all()).toEqual([]);
    store.close();
  });

  it('keeps the outbox through 0002, turning each entry into the names of the fields it set', () => {
    const store = openStore(join(tempDir(), 'outbox.sqlite'));
    migrate(store, MIGRATIONS.slice(0, 1));
    store.db
      .prepare(
        "INSERT INTO change_log (tbl, row_id, fields, hlc) VALUES ('people', 'p1', '{\"firstName\":\"Ana\",\"phones\":[]}', 'h1')",
      )
      .run();
    expect(migrate(store)).toEqual({ from: 1, to: LATEST_VERSION });
    expect(store.db.prepare('SELECT seq, tbl, row_id, fields, hlc FROM change_log').all()).toEqual([
      { seq: 1, tbl: 'people', row_id: 'p1', fields: '["firstName","phones"]', hlc: 'h1' },
    ]);
    // AUTOINCREMENT survives the rebuild, so a sequence number is never handed out twice.
    store.db.prepare('DELETE FROM change_log').run();
    store.db
      .prepare(
        "INSERT INTO change_log (tbl, row_id, fields, hlc) VALUES ('people', 'p2', NULL, 'h2')",
      )
      .run();
    expect(store.db.prepare('SELECT seq FROM change_log').get()).toEqual({ seq: 2 });
    store.close();
  });

  it('rolls back a migration that fails, leaving the version where it was', () => {
    const store = openStore(join(tempDir(), 'broken.sqlite'));
    migrate(store);
    const broken = [
      ...MIGRATIONS,
      { name: '9999_broken', sql: 'CREATE TABLE half (x INTEGER); SELECT * FROM no_such_table;' },
    ];
    expect(() => migrate(store, broken)).toThrow(/no_such_table/);
    expect(
      store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get(),
    ).toBeUndefined();
    expect(migrate(store)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    store.close();
  });

  it('refuses a database written by a newer Hearth with a message a person understands, changing nothing', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const store = openStore(file);
    migrate(store);
    store.db
      .prepare("INSERT INTO schema_migrations VALUES (99, '0099_future', '2030-01-01T00:00:00Z')")
      .run();
    store.close();

    expect(() => openCore({ file })).toThrow(
      /newer version of Hearth.*Update Hearth on this computer.*Nothing in the data was changed/s,
    );
    const after = openStore(file);
    expect(after.db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({
      v: 99,
    });
    expect(
      after.db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'device_id'").get(),
    ).toEqual({ n: 0 });
    after.close();
  });
});
