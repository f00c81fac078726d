import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUPS_KEPT, backupFolderFor, listBackups, writeBackup } from '../../db/backup';
import { openCore } from '../../db/core';
import { migrate } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations';
import { openStore } from '../../db/store';
import { TEST_PASSWORD, signInStaff } from '../fixtures';
import { fail, ok, tempCore, tempDir } from '../helpers';

const CANARY = 'CANARY-backup-plaintext';

function schoolWithFamily() {
  let now = new Date('2026-11-23T15:00:00Z');
  const dir = tempDir();
  const file = join(dir, 'hearth.sqlite');
  const key = randomBytes(32);
  const core = tempCore({ file, key, setup: 'school', now: () => now });
  const household = ok(core, 'household.create', { name: `${CANARY} family` });
  return {
    core,
    dir,
    file,
    key,
    household,
    tick: (minutes = 1) => {
      now = new Date(now.getTime() + minutes * 60_000);
    },
  };
}

const logCall = (core: ReturnType<typeof tempCore>, householdId: string, summary: string) =>
  ok(core, 'contact.log', {
    householdId,
    kind: 'call',
    direction: 'school_to_family',
    tone: 'information',
    summary,
  });

describe('backups', () => {
  it('writes an encrypted copy that opens with the database’s key, readable by its owner only', () => {
    const { core, file, key } = schoolWithFamily();
    const backup = ok(core, 'backup.now', {});
    const folder = backupFolderFor(file);
    const path = join(folder, backup.name);
    expect(backup).toMatchObject({ reason: 'manual' });
    expect(readFileSync(path).includes(CANARY)).toBe(false);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const copy = openStore(path, { key, readonly: true });
    expect(copy.db.prepare('SELECT name FROM households').get()).toEqual({
      name: `${CANARY} family`,
    });
    copy.close();
    expect(ok(core, 'backup.list', {}).backups.map((b) => b.name)).toEqual([backup.name]);
  });

  it(`keeps the newest ${BACKUPS_KEPT}`, () => {
    const { core, file } = schoolWithFamily();
    const folder = backupFolderFor(file);
    for (let i = 0; i < BACKUPS_KEPT + 3; i++)
      writeBackup(core.store, folder, 'daily', new Date(Date.UTC(2026, 10, 1 + i)));
    const kept = listBackups(folder);
    expect(kept).toHaveLength(BACKUPS_KEPT);
    expect(kept[0]?.at).toBe(new Date(Date.UTC(2026, 10, BACKUPS_KEPT + 3)).toISOString());
  });

  it('restores: what came after the backup is gone, the current database is kept aside, everyone signs in again, and change numbers go on', () => {
    const { core, file, key, household, tick } = schoolWithFamily();
    logCall(core, household.id, 'Before the backup.');
    tick();
    const backup = ok(core, 'backup.now', {});
    tick();
    logCall(core, household.id, 'After the backup.');
    const seqBefore = (
      core.store.db.prepare('SELECT max(seq) AS n FROM change_log').get() as { n: number }
    ).n;
    tick();
    const result = ok(core, 'backup.restore', { name: backup.name });
    expect(result.keptAside.reason).toBe('before-restore');
    expect(ok(core, 'app.status', {}).staff).toBeNull();
    signInStaff(core, TEST_PASSWORD);
    const summaries = ok(core, 'family.timeline', { householdId: household.id }).entries.map(
      (e) => e.detail,
    );
    expect(summaries).toEqual(['Before the backup.']);
    // The database kept aside still has what came after.
    const aside = openStore(join(backupFolderFor(file), result.keptAside.name), {
      key,
      readonly: true,
    });
    expect(
      aside.db
        .prepare("SELECT count(*) AS n FROM contacts WHERE summary = 'After the backup.'")
        .get(),
    ).toEqual({ n: 1 });
    aside.close();
    // A change after the restore is numbered after every change this computer ever made.
    const next = logCall(core, household.id, 'After the restore.');
    const row = core.store.db
      .prepare("SELECT seq FROM change_log WHERE row_id = ? AND tbl = 'contacts'")
      .get(next.id) as { seq: number };
    expect(row.seq).toBeGreaterThan(seqBefore);
  });

  it('refuses a name that is not one of the backups, and anyone but an administrator', () => {
    const { core } = schoolWithFamily();
    ok(core, 'backup.now', {});
    expect(fail(core, 'backup.restore', { name: '../hearth.sqlite' }).code).toBe('NOT_FOUND');
    expect(
      fail(core, 'backup.restore', { name: 'hearth-20260101-000000-manual.sqlite' }).code,
    ).toBe('NOT_FOUND');
    ok(core, 'staff.create', {
      displayName: 'Pat Desk',
      role: 'front_office',
      password: TEST_PASSWORD,
    });
    signInStaff(core, TEST_PASSWORD, (s) => s.role === 'front_office');
    expect(fail(core, 'backup.list', {}).code).toBe('UNAUTHORIZED');
    expect(fail(core, 'backup.now', {}).code).toBe('UNAUTHORIZED');
  });

  it('backs up a database before an update migrates it', () => {
    const dir = tempDir();
    const file = join(dir, 'hearth.sqlite');
    const key = randomBytes(32);
    const old = openStore(file, { key });
    migrate(old, MIGRATIONS.slice(0, MIGRATIONS.length - 1));
    old.close();
    const core = openCore({ file, key });
    try {
      const [backup] = listBackups(backupFolderFor(file));
      expect(backup?.reason).toBe('before-update');
      const copy = openStore(join(backupFolderFor(file), backup?.name ?? ''), { key });
      expect(copy.db.prepare('SELECT max(version) AS v FROM schema_migrations').get()).toEqual({
        v: MIGRATIONS.length - 1,
      });
      copy.close();
    } finally {
      core.close();
    }
    // A new database has nothing to back up.
    const fresh = join(tempDir(), 'hearth.sqlite');
    openCore({ file: fresh, key }).close();
    expect(existsSync(backupFolderFor(fresh))).toBe(false);
  });

  it('starts a computer with nothing recorded over, to join its district, keeping the old database as a backup', () => {
    const dir = tempDir();
    const file = join(dir, 'hearth.sqlite');
    const key = randomBytes(32);
    const core = tempCore({ file, key, setup: 'school' });
    const deviceId = ok(core, 'app.status', {}).deviceId;
    const { keptAside } = ok(core, 'setup.startOverToJoin', {});
    expect(keptAside.reason).toBe('before-join');
    const status = ok(core, 'app.status', {});
    expect(status).toMatchObject({ setup: 'none', staff: null, deviceId });
    // The old school is in the backup, and the backup can be restored on this computer.
    ok(core, 'setup.school', {
      schoolName: 'Not this one',
      timeZone: 'America/Chicago',
      staffName: 'Kim',
      password: TEST_PASSWORD,
    });
    ok(core, 'backup.restore', { name: keptAside.name });
    signInStaff(core, TEST_PASSWORD);
    expect(ok(core, 'app.status', {}).school?.name).not.toBe('Not this one');
  });

  it('refuses to start over once a family is recorded, and changes nothing', () => {
    const { core, household } = schoolWithFamily();
    const error = fail(core, 'setup.startOverToJoin', {});
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/Families are already recorded/);
    expect(ok(core, 'family.get', { householdId: household.id }).household.id).toBe(household.id);
    expect(ok(core, 'backup.list', {}).backups).toEqual([]);
  });
});
