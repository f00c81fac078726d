import { describe, expect, it } from 'vitest';
import { WORDS, say } from '../../contract';
import { callOrThrow } from '../../db/core';
import { SyncFailure, type SyncTransport } from '../../db/sync/client';
import { buildServer } from '../../server/app';
import {
  householdCreation,
  injectSender,
  injectTransport,
  type Device,
  type District,
} from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * Sync under faults: lost requests and answers, duplicates, a device killed mid-push and
 * mid-pull, the district server and PostgreSQL restarting mid-batch, wrong clocks, and a long
 * offline queue.
 */
const BACKENDS = serverBackends();
const HOUR = 3600_000;

const offline = () => new SyncFailure('OFFLINE', say(WORDS.serverUnreachable), true);

/** A transport that breaks once in the way `fault` says, then behaves. */
function breakOnce(
  inner: SyncTransport,
  fault: 'lose-request' | 'lose-answer' | 'send-twice' | 'die-on-second-page',
): SyncTransport {
  let armed = true;
  let pages = 0;
  return {
    keys: (input) => inner.keys(input),
    audit: (input) => inner.audit(input),
    async push(input) {
      if (!armed || fault === 'die-on-second-page') return inner.push(input);
      armed = false;
      if (fault === 'lose-request') throw offline();
      await inner.push(input);
      if (fault === 'lose-answer') throw offline();
      return inner.push(input);
    },
    async pull(after, limit) {
      if (fault === 'die-on-second-page' && armed && ++pages === 2) {
        armed = false;
        throw offline();
      }
      return inner.pull(after, limit);
    },
  };
}

/**
 * Wait until `n` pushes wait (and fail if they never do): for a lock in PostgreSQL, or in
 * the server for a write of their school in flight, which they would otherwise wait for
 * in PostgreSQL (server/sync/group-commit.ts). Either way each has read what it decides on.
 */
async function untilWaiting(d: District, n: number): Promise<void> {
  const waiting = async () =>
    ((
      await d.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE wait_event_type = 'Lock' AND datname = current_database()`,
      )
    )[0]?.n ?? 0) + (await d.pushesWaiting());
  for (let tries = 0; (await waiting()) !== n && tries < 200; tries++)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(await waiting()).toBe(n);
}

/**
 * Start `race` while another connection holds the row `lock` selects FOR UPDATE, and let the
 * row go only once `waiters` pushes wait (untilWaiting): each racer has then read what it
 * decides on before any of them may write.
 */
async function whileRowHeld<T>(
  d: District,
  lock: { sql: string; params: unknown[] },
  waiters: number,
  race: () => Promise<T>,
): Promise<T> {
  let release: () => void = () => undefined;
  let locked: () => void = () => undefined;
  const isLocked = new Promise<void>((resolve) => (locked = resolve));
  const holding = d.db.transaction(async (tx) => {
    await tx.query(lock.sql, lock.params);
    locked();
    await new Promise<void>((resolve) => (release = resolve));
  });
  await isLocked;
  const racing = race();
  await untilWaiting(d, waiters);
  release();
  await holding;
  return racing;
}

describe.each(BACKENDS)('sync under faults on $name', ({ name, open, cluster }) => {
  const { district, device } = districtFixture(open);

  async function pair(options: { laptopNow?: () => Date } = {}) {
    const d = await district();
    const liaison = await d.addStaff('Lena Liaison', 'liaison', ['support']);
    const laptop = await device(d, 'Laptop', { now: options.laptopNow });
    const desk = await device(d, 'Desk');
    await laptop.signIn(liaison);
    await desk.signIn(liaison);
    return { d, liaison, laptop, desk };
  }

  const logCount = async (d: District) =>
    (
      await d.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sync_log WHERE tbl = 'households'`,
      )
    )[0]?.n;
  /** A family made on `maker` and synced to `other`. */
  async function familyOnBoth(maker: Device, other: Device) {
    const family = callOrThrow(maker.core, 'household.create', {
      name: 'Okafor',
      address: '1 Elm',
    });
    await maker.sync();
    await other.sync();
    return family;
  }
  const households = (device: Device) =>
    device.core.store.db.prepare('SELECT id, name, address FROM households ORDER BY id').all();

  it('applies a change exactly once whether the request, the answer or a copy is lost', async () => {
    const { d, laptop, desk } = await pair();
    for (const [i, fault] of (['lose-request', 'lose-answer', 'send-twice'] as const).entries()) {
      callOrThrow(laptop.core, 'household.create', { name: `Family ${i}`, address: null });
      const first = laptop.sync(breakOnce(laptop.transport, fault));
      if (fault === 'send-twice') await first;
      else await expect(first).rejects.toThrow(SyncFailure);
      // Retried with no new local writes: nothing waits for the next edit to try again.
      await laptop.sync();
      expect(laptop.core.sync.pending()).toBe(0);
      expect(await logCount(d)).toBe(i + 1);
    }
    await desk.sync();
    expect(households(desk)).toEqual(households(laptop));
  });

  it('resumes after being killed mid-push and mid-pull, losing and repeating nothing', async () => {
    const { d, liaison, laptop, desk } = await pair();
    for (let i = 0; i < 1_200; i++)
      callOrThrow(laptop.core, 'household.create', { name: `Family ${i}`, address: null });
    let pushes = 0;
    const dies: SyncTransport = {
      push: async (input) => {
        if (++pushes === 2) {
          laptop.reopen(liaison.id);
          throw offline();
        }
        return laptop.transport.push(input);
      },
      pull: laptop.transport.pull,
      keys: laptop.transport.keys,
      audit: laptop.transport.audit,
    };
    await expect(laptop.sync(dies, { pushSize: 500 })).rejects.toThrow(SyncFailure);
    expect(laptop.core.sync.pending()).toBe(700);
    await laptop.sync(undefined, { pushSize: 500 });
    expect(await logCount(d)).toBe(1_200);

    await expect(
      desk.sync(breakOnce(desk.transport, 'die-on-second-page'), { pullSize: 500 }),
    ).rejects.toThrow(SyncFailure);
    const cursor = desk.core.sync.cursor();
    expect(cursor).toBeGreaterThan(0);
    desk.reopen(liaison.id);
    expect(desk.core.sync.cursor()).toBe(cursor);
    await desk.sync(undefined, { pullSize: 500 });
    expect(households(desk)).toEqual(households(laptop));
  });

  it('loses nothing when the district server restarts in the middle of a sync', async () => {
    const { d, laptop, desk } = await pair();
    for (let i = 0; i < 600; i++)
      callOrThrow(laptop.core, 'household.create', { name: `Family ${i}`, address: null });
    // The server that comes back: a new instance on the same database.
    const restarted = await buildServer({ db: d.db, logger: false });
    const toRestarted = (device: Device) =>
      injectTransport({ ...d, app: restarted, send: injectSender(restarted) }, device.token);
    let pushes = 0;
    const stoppingOnThird: SyncTransport = {
      ...laptop.transport,
      async push(input) {
        if (++pushes < 3) return laptop.transport.push(input);
        // Shut down (as on SIGTERM, main.ts) with this batch on its way in.
        const stopping = d.app.close();
        const answer = laptop.transport.push(input);
        await stopping;
        return answer;
      },
    };
    await laptop.sync(stoppingOnThird, { pushSize: 100 }).catch((e: unknown) => {
      if (!(e instanceof SyncFailure && e.retry)) throw e;
    });
    expect(laptop.core.sync.pending()).toBeGreaterThan(0);
    await laptop.sync(toRestarted(laptop), { pushSize: 100 });
    expect(laptop.core.sync.pending()).toBe(0);
    expect(await logCount(d)).toBe(600);
    await desk.sync(toRestarted(desk));
    expect(households(desk)).toEqual(households(laptop));
    await restarted.close();
  });

  // Only PostgreSQL has a restart to survive: PGlite runs inside the server's process. A
  // server the tests did not start (HEARTH_TEST_DATABASE_URL) is not theirs to restart; the
  // run on a cluster they start covers this.
  if (name === 'PostgreSQL')
    it.skipIf(process.env.HEARTH_TEST_DATABASE_URL)(
      'loses nothing when PostgreSQL restarts in the middle of a batch',
      async () => {
        const { d, laptop, desk } = await pair();
        for (let i = 0; i < 600; i++)
          callOrThrow(laptop.core, 'household.create', { name: `Family ${i}`, address: null });
        const restart = cluster()?.restart;
        if (!restart) throw new Error('This PostgreSQL cannot be restarted by the tests.');
        const restarting = restart();
        const during = await Promise.allSettled([
          restarting,
          laptop.sync(undefined, { pushSize: 100 }),
        ]);
        expect(during[0].status).toBe('fulfilled');
        for (let attempt = 0; laptop.core.sync.pending() > 0 && attempt < 20; attempt++)
          await laptop.sync().catch((e: unknown) => {
            if (!(e instanceof SyncFailure && e.retry)) throw e;
          });
        expect(laptop.core.sync.pending()).toBe(0);
        expect(await logCount(d)).toBe(600);
        await desk.sync();
        expect(households(desk)).toEqual(households(laptop));
      },
    );

  // PGlite has one connection, so its pushes never wait for each other's locks.
  if (name === 'PostgreSQL')
    it('answers the same batch sent twice at once as applied once, knowing the new record', async () => {
      const { d, liaison, laptop } = await pair();
      const id = '0190a0a0-0000-7000-8000-0000000000bb';
      const push = {
        basedOn: 0,
        changes: [
          {
            seq: 1,
            table: 'households',
            rowId: id,
            hlc: `${String(Date.now()).padStart(15, '0')}.000000.test`,
            by: liaison.id,
            insert: true,
            values: { id, schoolId: d.schoolId, name: 'Okafor', address: null },
          },
        ],
      };
      // Hold the device's row so both copies start (and take their snapshots) before
      // either may go on; the second to go then waits for the first one's commit.
      const replies = await whileRowHeld(
        d,
        {
          sql: 'SELECT 1 FROM devices WHERE id = $1 FOR UPDATE',
          params: [laptop.serverDeviceId],
        },
        2,
        () => Promise.all([1, 2].map(() => d.send('POST', '/v1/sync/push', push, laptop.token))),
      );
      for (const reply of replies)
        expect(reply).toEqual({
          status: 200,
          body: {
            acknowledged: 1,
            outcomes: [],
            log: { epoch: expect.any(String), head: 0, resendAfter: 0 },
          },
        });
      expect(await logCount(d)).toBe(1);
    });

  // A push writes without holding locks across round trips (server/sync/push.ts), so two
  // pushes can read a record before either writes it: the second to write must see that the
  // record moved and merge again, not save its stale copy over the first one's field.
  if (name === 'PostgreSQL')
    it('keeps both fields when two computers push edits to one family at once', async () => {
      const { d, laptop, desk } = await pair();
      const family = await familyOnBoth(laptop, desk);
      callOrThrow(laptop.core, 'household.update', { id: family.id, name: 'Okafor-Reyes' });
      callOrThrow(desk.core, 'household.update', { id: family.id, address: '9 Birch' });

      // Hold the family's row so both pushes have read it before either may write it.
      await whileRowHeld(
        d,
        {
          sql: `SELECT 1 FROM records WHERE tbl = 'households' AND id = $1 FOR UPDATE`,
          params: [family.id],
        },
        2,
        () => Promise.all([laptop.sync(), desk.sync()]),
      );

      const stored = await d.db.query<{ name: string; address: string }>(
        `SELECT data->>'name' AS name, data->>'address' AS address FROM records
           WHERE tbl = 'households' AND id = $1`,
        [family.id],
      );
      expect(stored).toEqual([{ name: 'Okafor-Reyes', address: '9 Birch' }]);
      await laptop.sync();
      await desk.sync();
      for (const computer of [laptop, desk])
        expect(households(computer)).toEqual([
          { id: family.id, name: 'Okafor-Reyes', address: '9 Birch' },
        ]);
    });

  // The same, for a record neither push found: there is no row to lock or to check until
  // the first one commits.
  if (name === 'PostgreSQL')
    it('keeps the newer values when two computers create one record at once', async () => {
      const { d, liaison, laptop, desk } = await pair();
      const id = '0190a0a0-0000-7000-8000-0000000000cc';
      const now = Date.now();
      const creation = (device: Device, at: number, name: string, address: string | null) =>
        d.send(
          'POST',
          '/v1/sync/push',
          {
            basedOn: 0,
            changes: [
              householdCreation({
                rowId: id,
                schoolId: d.schoolId,
                by: liaison.id,
                node: device === laptop ? 'laptop' : 'desk',
                name,
                address,
                at,
              }),
            ],
          },
          device.token,
        );
      // The newer creation takes the school's log lock first; the older one, decided on
      // the same "not there yet", comes second and must merge, not overwrite.
      await whileRowHeld(
        d,
        {
          sql: `SELECT pg_advisory_xact_lock(hashtext('hearth-sync-log'), hashtext($1::text))`,
          params: [d.schoolId],
        },
        2,
        async () => {
          const newer = creation(laptop, now, 'Okafor-Reyes', null);
          await untilWaiting(d, 1);
          const older = creation(desk, now - 60_000, 'Okafor', '9 Birch');
          return Promise.all([newer, older]);
        },
      );
      const stored = await d.db.query<{ name: string; address: string | null }>(
        `SELECT data->>'name' AS name, data->>'address' AS address FROM records
           WHERE tbl = 'households' AND id = $1`,
        [id],
      );
      expect(stored).toEqual([{ name: 'Okafor-Reyes', address: null }]);
      for (const computer of [laptop, desk]) {
        await computer.sync();
        expect(households(computer)).toEqual([{ id, name: 'Okafor-Reyes', address: null }]);
      }
    });

  it('orders edits by the hybrid clock when clocks are an hour off or jump back', async () => {
    let laptopOffset = HOUR;
    const { laptop, desk } = await pair({ laptopNow: () => new Date(Date.now() + laptopOffset) });
    const family = await familyOnBoth(desk, laptop);
    // The laptop runs an hour fast: its edit, though made first, carries the later time and wins.
    callOrThrow(laptop.core, 'household.update', { id: family.id, address: '2 Oak' });
    callOrThrow(desk.core, 'household.update', { id: family.id, address: '3 Pine' });
    await laptop.sync();
    await desk.sync();
    await laptop.sync();
    expect(households(desk)).toEqual(households(laptop));
    expect(households(desk)[0]).toMatchObject({ address: '2 Oak' });
    expect(
      desk.core.store.db.prepare('SELECT field, mine, theirs, kept FROM sync_conflicts').all(),
    ).toEqual([{ field: 'address', mine: '"3 Pine"', theirs: '"2 Oak"', kept: 'theirs' }]);
    // Its clock jumps two hours back: its next edit still comes after its last one.
    laptopOffset = -HOUR;
    callOrThrow(laptop.core, 'household.update', { id: family.id, address: '4 Birch' });
    await laptop.sync();
    await desk.sync();
    expect(households(desk)[0]).toMatchObject({ address: '4 Birch' });
  });

  it('refuses changes stamped a day ahead without losing them, and sends them once the clock is right', async () => {
    let laptopOffset = 25 * HOUR;
    const { d, laptop, desk } = await pair({
      laptopNow: () => new Date(Date.now() + laptopOffset),
    });
    callOrThrow(laptop.core, 'household.create', { name: 'Future', address: null });
    const failure = await laptop.sync().catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'CLOCK_AHEAD', retry: false });
    expect(await logCount(d)).toBe(0);
    expect(laptop.core.sync.pending()).toBe(1);
    laptopOffset = 0;
    await laptop.sync();
    expect(await logCount(d)).toBe(1);
    const [entry] = await d.db.query<{ hlc: string }>(
      `SELECT hlc FROM sync_log WHERE tbl = 'households'`,
    );
    expect(Number(entry?.hlc.slice(0, 15))).toBeLessThan(Date.now() + HOUR);
    // A day behind, its edits carry older times: they lose to the desk's, kept for review.
    await desk.sync();
    laptopOffset = -25 * HOUR;
    const [future] = households(desk) as { id: string }[];
    callOrThrow(desk.core, 'household.update', { id: future?.id ?? '', name: 'Present' });
    await desk.sync();
    callOrThrow(laptop.core, 'household.update', { id: future?.id ?? '', name: 'Past' });
    await laptop.sync();
    expect(households(laptop)).toEqual(households(desk));
    expect(households(desk)[0]).toMatchObject({ name: 'Present' });
    expect(
      laptop.core.store.db.prepare('SELECT mine, theirs, kept FROM sync_conflicts').all(),
    ).toEqual([{ mine: '"Past"', theirs: '"Present"', kept: 'theirs' }]);
  });

  it('syncs 10,000 changes queued offline', async () => {
    const { d, laptop, desk } = await pair();
    const family = callOrThrow(laptop.core, 'household.create', { name: 'Start', address: null });
    for (let i = 0; i < 5_000; i++)
      callOrThrow(laptop.core, 'household.create', { name: `Family ${i}`, address: null });
    for (let i = 0; i < 4_999; i++)
      callOrThrow(laptop.core, 'household.update', { id: family.id, address: `Street ${i}` });
    expect(laptop.core.sync.pending()).toBe(10_000);
    await laptop.sync();
    expect(laptop.core.sync.pending()).toBe(0);
    // The address edited 4,999 times travels once, with its newest value.
    expect(await logCount(d)).toBe(5_002);
    await desk.sync();
    expect(households(desk)).toHaveLength(5_001);
    expect(households(desk)).toEqual(households(laptop));
  }, 120_000);
});
