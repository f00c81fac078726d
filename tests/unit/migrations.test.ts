import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { openStore } from '../../db/store';
import { openCore } from '../../db/core';
import { unpackIds } from '../../db/privacy/audit';
import { newId } from '../../contract';
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

  it('keeps every audit entry through 0008, its record ids packed to 16 bytes each', () => {
    const store = openStore(join(tempDir(), 'audit.sqlite'));
    const before = MIGRATIONS.findIndex((m) => m.name === '0008_compact_audit');
    migrate(store, MIGRATIONS.slice(0, before));
    const [school, staff, student, person, a, b] = Array.from({ length: 6 }, () => newId());
    store.db.exec(`
      INSERT INTO schools (id, name, time_zone, created_at) VALUES ('${school}', 'S', 'UTC', '2026-01-01T00:00:00Z');
      INSERT INTO staff (id, school_id, display_name, role, teams, active) VALUES ('${staff}', '${school}', 'Pat', 'nurse', '[]', 1);
      INSERT INTO students (id, school_id, first_name, last_name, grade, source) VALUES ('${student}', '${school}', 'Ana', 'N', '3', 'local');
      INSERT INTO people (id, school_id, first_name, kind, phones, interpreter, channels, created_at) VALUES ('${person}', '${school}', 'Rosa', 'caregiver', '[]', 'none', '[]', '2026-01-01T00:00:00Z');
      INSERT INTO audit_events (id, at, staff_id, device_id, action, record_type, record_ids, student_id)
        VALUES ('${newId()}', '2026-02-01T00:00:00Z', '${staff}', 'd', 'read', 'note', '["${a}","${b}"]', '${student}');
      INSERT INTO audit_events (id, at, staff_id, device_id, action, record_type, record_ids, person_id)
        VALUES ('${newId()}', '2026-02-02T00:00:00Z', '${staff}', 'd', 'merge', 'person', '["${person}"]', '${person}');
    `);
    migrate(store);
    const rows = store.db
      .prepare('SELECT action, record_ids, student_id, person_id FROM audit_events ORDER BY pk')
      .all() as { action: string; record_ids: Buffer; student_id: string; person_id: string }[];
    expect(rows.map((r) => [r.action, unpackIds(r.record_ids), r.student_id, r.person_id])).toEqual(
      [
        ['read', [a, b], student, null],
        ['merge', [person], null, person],
      ],
    );
    expect(() => store.db.prepare('DELETE FROM audit_events').run()).toThrow(
      /audit log cannot be changed/,
    );
    store.close();
  });

  it('takes direction controls out of one-line fields stored before 0020, and keeps notes as written', () => {
    const store = openStore(join(tempDir(), 'bidi.sqlite'));
    const before = MIGRATIONS.findIndex((m) => m.name === '0020_no_direction_controls');
    migrate(store, MIGRATIONS.slice(0, before));
    const [school, household, person] = Array.from({ length: 3 }, () => newId());
    store.db.exec(`
      INSERT INTO meta (key, value) VALUES ('search_index_version', 'built');
      INSERT INTO schools (id, name, time_zone, created_at) VALUES ('${school}', 'S', 'UTC', '2026-01-01T00:00:00Z');
      INSERT INTO households (id, school_id, name) VALUES ('${household}', '${school}', char(0x202E));
      INSERT INTO people (id, school_id, first_name, last_name, kind, phones, interpreter, channels, created_at, do_not_contact)
        VALUES ('${person}', '${school}', 'Ana' || char(0x202E) || 'gnp.exe', 'Ruiz' || char(0x2028), 'caregiver', '[]', 'none', '[]', '2026-01-01T00:00:00Z', 'Not before ' || char(0x2067) || '9' || char(0x2069));
    `);
    migrate(store);
    expect(store.db.prepare('SELECT name FROM households').get()).toEqual({ name: '?' });
    expect(
      store.db.prepare('SELECT first_name, last_name, do_not_contact FROM people').get(),
    ).toEqual({
      first_name: 'Anagnp.exe',
      last_name: 'Ruiz',
      do_not_contact: 'Not before \u20679\u2069',
    });
    expect(
      store.db.prepare("SELECT value FROM meta WHERE key = 'search_index_version'").get(),
    ).toBeUndefined();
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
