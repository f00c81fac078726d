import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../contract';
import { migrateServer } from '../../server/migrate';
import type { ServerDb } from '../../server/db';
import {
  PGLITE_REHEARSAL,
  REHEARSAL,
  rehearsalFor,
  rehearseSync,
} from '../../server/sync/rehearsal';
import { serverBackends } from '../server-backends';

/** What a rehearsal must leave as it found it. */
const COUNTS = `SELECT
  (SELECT count(*) FROM schools)::int AS schools,
  (SELECT count(*) FROM staff_accounts)::int AS staff,
  (SELECT count(*) FROM devices)::int AS devices,
  (SELECT count(*) FROM device_users)::int AS device_users,
  (SELECT count(*) FROM sync_log)::int AS log,
  (SELECT count(*) FROM records)::int AS records`;

const BACKENDS = serverBackends();

describe.each(BACKENDS)("the start's rehearsal of a school's syncs, on $name", ({ open }) => {
  let db: ServerDb | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  async function migrated(): Promise<ServerDb> {
    db = await open();
    await migrateServer(db);
    return db;
  }

  it('runs every sync through the real server, each computer getting every change, and keeps nothing', async () => {
    const server = await migrated();
    const school = newId();
    await server.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Real', 'UTC')`, [
      school,
    ]);
    const before = await server.query(COUNTS);
    const report = await rehearseSync(server, { computers: 3, rounds: 4 });
    // Three computers, four syncs each, ten changes a sync, none refused; every computer
    // pulls all 120 changes of the school (its own included), none twice.
    expect(report).toEqual({ syncs: 12, outcomes: 0, failed: 0, pulled: 3 * 120 });
    expect(await server.query(COUNTS)).toEqual(before);
    // The database is as usable as before, and a second rehearsal runs as the first did.
    expect(await rehearseSync(server, { computers: 2, rounds: 2 })).toEqual({
      syncs: 4,
      outcomes: 0,
      failed: 0,
      pulled: 2 * 40,
    });
    expect(await server.query(COUNTS)).toEqual(before);
  });

  it('rolls back what a rehearsal wrote when it fails, and refuses a transaction inside one', async () => {
    const server = await migrated();
    const school = newId();
    await expect(
      server.rehearse(async (rehearsal) => {
        await rehearsal.query(
          `INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Made up', 'UTC')`,
          [school],
        );
        expect(
          await rehearsal.query('SELECT id FROM schools WHERE id = $1', [school]),
        ).toHaveLength(1);
        throw new Error('the rehearsal went wrong');
      }),
    ).rejects.toThrow('the rehearsal went wrong');
    expect(await server.query('SELECT id FROM schools WHERE id = $1', [school])).toEqual([]);
    await expect(
      server.rehearse((rehearsal) => rehearsal.transaction(() => Promise.resolve())),
    ).rejects.toThrow('a rehearsal takes single statements only');
  });

  it('fails alone when its connection is cut, and the database serves on', async () => {
    const server = await migrated();
    // PGlite runs in this process: it has no connection to cut.
    if (server.kind !== 'postgres') return;
    await expect(
      server.rehearse(async (rehearsal) => {
        const [own] = await rehearsal.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await server.query('SELECT pg_terminate_backend($1)', [own?.pid]);
        // Let the client hear its connection close before it is asked again.
        await new Promise((resolve) => setTimeout(resolve, 200));
        await rehearsal.query('SELECT 1');
      }),
    ).rejects.toThrow();
    expect(await server.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('is the full rehearsal on PostgreSQL and a short one on PGlite', async () => {
    const server = await migrated();
    expect(rehearsalFor(server)).toBe(server.kind === 'postgres' ? REHEARSAL : PGLITE_REHEARSAL);
  });
});
