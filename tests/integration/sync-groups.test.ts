import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc, newId, type PushChange, type PushResult } from '../../contract';
import { householdCreation } from '../district';
import {
  fetchJson,
  registerDevices,
  startServerProcess,
  type RegisteredDevice,
  type ServerProcess,
} from '../district-process';
import { startPostgres, type PostgresCluster } from '../postgres-cluster';

/**
 * Group commit (server/sync/group-commit.ts) on a real PostgreSQL, with the compiled server
 * in its own process so that it can be killed mid-group. A school's pushes are made to wait
 * for a write in flight by holding the school's log lock from here, as a long push would:
 * the first push waits for the lock in PostgreSQL, the next ones wait in the server and are
 * then written together.
 */
const SETUP_CODE = 'GRUP-SETU-P000';
const PASSWORD = 'group commit password';
const METRICS = 'group-commit-metrics-token';

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
});

interface District {
  url: string;
  schoolId: string;
  staffId: string;
  admin: pg.Client;
  server: ServerProcess;
  databaseUrl: string;
}

const started: District[] = [];
afterAll(async () => {
  for (const district of started) {
    await district.server.kill();
    await district.admin.end();
  }
});

async function startDistrict(): Promise<District> {
  const databaseUrl = await cluster.newDatabase();
  const server = await startServerProcess(databaseUrl, {
    HEARTH_SETUP_CODE: SETUP_CODE,
    METRICS_TOKEN: METRICS,
  });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const boot = await fetchJson(`${server.url}/v1/bootstrap`, {
    method: 'POST',
    body: JSON.stringify({
      setupCode: SETUP_CODE,
      schoolName: 'Lakeside Middle',
      timeZone: 'America/Chicago',
      adminName: 'Ida Admin',
      email: 'ida@district.example',
      password: PASSWORD,
    }),
  });
  const district = {
    url: server.url,
    schoolId: boot.schoolId as string,
    staffId: (boot.staff as { id: string }).id,
    admin,
    server,
    databaseUrl,
  };
  started.push(district);
  return district;
}

const computers = (district: District, count: number) =>
  registerDevices(district.admin, count, {
    schoolId: district.schoolId,
    enrolledBy: district.staffId,
    staffId: district.staffId,
  });

/** A batch of new families from one computer, its seqs from `firstSeq`. */
function familiesFrom(
  district: District,
  device: RegisteredDevice,
  names: string[],
  firstSeq = 1,
  by = device.staffId,
): PushChange[] {
  return names.map((name, i) =>
    householdCreation({
      rowId: newId(),
      schoolId: district.schoolId,
      by,
      node: device.id,
      name,
      seq: firstSeq + i,
    }),
  );
}

async function push(district: District, device: RegisteredDevice, changes: PushChange[]) {
  const response = await fetch(`${district.url}/v1/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
    body: JSON.stringify({ basedOn: 0, changes, pull: { after: 0, limit: 1000 } }),
  });
  const body = (await response.json()) as PushResult & {
    page?: { changes: { rowId: string }[] };
  };
  return { status: response.status, body };
}

async function metric(district: District, name: string): Promise<number> {
  const text = await (
    await fetch(`${district.url}/metrics`, { headers: { authorization: `Bearer ${METRICS}` } })
  ).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return Number(line?.split(' ')[1] ?? NaN);
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`waited in vain for ${what}`);
}

/** Another connection holding the school's log lock, as a push in flight holds it. */
async function holdSchoolLog(district: District): Promise<() => Promise<void>> {
  const holder = new pg.Client({ connectionString: district.databaseUrl });
  await holder.connect();
  await holder.query(`SELECT pg_advisory_lock(hashtext('hearth-sync-log'), hashtext($1))`, [
    district.schoolId,
  ]);
  return async () => {
    await holder.query('SELECT pg_advisory_unlock_all()');
    await holder.end();
  };
}

/** The first push of the school (a group of one) waits in PostgreSQL for the lock held from here. */
const waitingForLock = (district: District) =>
  until('a push waiting for the school log lock', async () => {
    const { rows } = await district.admin.query(
      `SELECT 1 FROM pg_stat_activity
       WHERE pid <> pg_backend_pid() AND wait_event_type = 'Lock'
         AND query LIKE '%sync_push_group(%'`,
    );
    return rows.length === 1;
  });

/** A computer's row locked from another connection, as a push of its own in flight locks it. */
async function lockDeviceRow(district: District, device: RegisteredDevice) {
  const holder = new pg.Client({ connectionString: district.databaseUrl });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT 1 FROM devices WHERE id = $1 FOR UPDATE', [device.id]);
  return {
    async release() {
      await holder.query('ROLLBACK');
      await holder.end();
    },
  };
}

/** The backend running a group's statement, if one is running. */
const groupBackend = async (district: District) =>
  (
    await district.admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE pid <> pg_backend_pid() AND query LIKE '%sync_push_group(%' AND state = 'active'`,
    )
  ).rows[0]?.pid;

const groupWaitingForRow = (district: District) =>
  until('the group waiting for a locked row', async () => {
    const { rows } = await district.admin.query(
      `SELECT 1 FROM pg_stat_activity
       WHERE pid <> pg_backend_pid() AND query LIKE '%sync_push_group(%'
         AND wait_event_type = 'Lock'`,
    );
    return rows.length === 1;
  });

/** Until `count` pushes wait in the server for their school's write in flight. */
const pushesWaiting = (district: District, count: number) =>
  until(`${count} pushes waiting in the server`, async () => {
    return (await metric(district, 'hearth_sync_pushes_waiting')) === count;
  });

/** How many times each of these rows is in the school's log (each change once, or lost). */
async function logCounts(district: District, rowIds: string[]): Promise<number[]> {
  const { rows } = await district.admin.query<{ row_id: string; n: string }>(
    'SELECT row_id, count(*) AS n FROM sync_log WHERE row_id = ANY($1::uuid[]) GROUP BY row_id',
    [rowIds],
  );
  const counts = new Map(rows.map((r) => [r.row_id, Number(r.n)]));
  return rowIds.map((id) => counts.get(id) ?? 0);
}

const rowIdsOf = (changes: PushChange[]) => changes.map((c) => c.rowId);

/** Each computer's pushed seq on the server, by computer id. */
async function pushedSeqs(
  district: District,
  devices: RegisteredDevice[],
): Promise<Record<string, string>> {
  const { rows } = await district.admin.query<{ id: string; pushed_seq: string }>(
    'SELECT id, pushed_seq FROM devices WHERE id = ANY($1::uuid[])',
    [devices.map((d) => d.id)],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.pushed_seq]));
}

describe('pushes of one school written together', () => {
  it('writes each push of a group with its own outcome: a refused change or a refused batch stays its own', async () => {
    const district = await startDistrict();
    const [first, desk, library, stranger] = await computers(district, 4);
    if (!first || !desk || !library || !stranger) throw new Error('no computers');
    const release = await holdSchoolLog(district);
    const firstChanges = familiesFrom(district, first, ['Adeyemi', 'Baptiste']);
    const firstPush = push(district, first, firstChanges);
    await waitingForLock(district);

    // Two computers of the school push while the first one's write is in flight. The
    // library's batch carries a change by someone not signed in there: refused, alone.
    const deskChanges = familiesFrom(district, desk, ['Chen', 'Dlamini', 'Eriksen']);
    const libraryChanges = [
      ...familiesFrom(district, library, ['Fofana']),
      ...familiesFrom(district, library, ['Ghosh'], 2, newId()),
    ];
    const deskPush = push(district, desk, deskChanges);
    await pushesWaiting(district, 1);
    const libraryPush = push(district, library, libraryChanges);
    await pushesWaiting(district, 2);
    // A batch the server refuses whole (a table no one syncs) never reaches a group.
    const broken = await fetch(`${district.url}/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stranger.token}` },
      body: JSON.stringify({
        basedOn: 0,
        changes: [{ ...familiesFrom(district, stranger, ['Hale'])[0], table: 'passwords' }],
      }),
    });
    expect(broken.status).toBe(400);
    await release();

    const [a, b, c] = await Promise.all([firstPush, deskPush, libraryPush]);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(await metric(district, 'hearth_sync_push_groups_total')).toBe(1);
    expect(await metric(district, 'hearth_sync_grouped_pushes_total')).toBe(2);
    expect(await metric(district, 'hearth_sync_pushes_waiting')).toBe(0);

    expect(b.body.acknowledged).toBe(3);
    expect(b.body.outcomes).toEqual([]);
    expect(c.body.acknowledged).toBe(2);
    expect(c.body.outcomes).toEqual([
      expect.objectContaining({ seq: 2, status: 'rejected', reason: expect.any(String) }),
    ]);
    // Each page holds what was written before it and its own push, and, cut from the log
    // read once after the group's last push, what the rest of its group wrote (committed with
    // it): both pushes of the group see the first push's families and the whole group's.
    const families = new Set(rowIdsOf([...firstChanges, ...deskChanges, ...libraryChanges]));
    const pageRows = (result: typeof b) =>
      (result.body.page?.changes ?? []).map((ch) => ch.rowId).filter((id) => families.has(id));
    const written = [
      ...rowIdsOf(firstChanges),
      ...rowIdsOf(deskChanges),
      ...rowIdsOf(libraryChanges.slice(0, 1)),
    ];
    expect(pageRows(b)).toEqual(written);
    expect(pageRows(c)).toEqual(written);
    expect(await logCounts(district, rowIdsOf([...firstChanges, ...deskChanges]))).toEqual([
      1, 1, 1, 1, 1,
    ]);
    expect(await logCounts(district, rowIdsOf(libraryChanges))).toEqual([1, 0]);
    // Each entry names the computer whose push wrote it, though the group wrote them together.
    const writers = await district.admin.query<{ row_id: string; device_id: string }>(
      'SELECT row_id, device_id FROM sync_log WHERE row_id = ANY($1::uuid[]) ORDER BY seq',
      [written],
    );
    expect(writers.rows).toEqual(
      written.map((rowId, i) => ({
        row_id: rowId,
        device_id: [first, first, desk, desk, desk, library][i]?.id,
      })),
    );
    const refusals = await district.admin.query(
      'SELECT seq FROM sync_rejections WHERE device_id = $1',
      [library.id],
    );
    expect(refusals.rows).toEqual([{ seq: '2' }]);
    expect(await pushedSeqs(district, [stranger])).toEqual({ [stranger.id]: '0' });
  }, 60_000);

  it('answers a push sent again while its first copy waits in a group, writing it once', async () => {
    const district = await startDistrict();
    const [first, desk] = await computers(district, 2);
    if (!first || !desk) throw new Error('no computers');
    const release = await holdSchoolLog(district);
    const firstPush = push(district, first, familiesFrom(district, first, ['Ibarra']));
    await waitingForLock(district);
    // The desk's connection dropped after sending, so it sends the same batch again.
    const changes = familiesFrom(district, desk, ['Jovanovic', 'Kaur']);
    const copies = [push(district, desk, changes), push(district, desk, changes)];
    await pushesWaiting(district, 2);
    await release();
    const answers = await Promise.all([firstPush, ...copies]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // Both copies are acknowledged; the one written second found its changes already there.
    for (const copy of answers.slice(1)) {
      expect(copy.body.acknowledged).toBe(2);
      expect(copy.body.outcomes.filter((o) => o.status !== 'duplicate')).toEqual([]);
    }
    expect(await metric(district, 'hearth_sync_grouped_pushes_total')).toBe(2);
    expect(await logCounts(district, rowIdsOf(changes))).toEqual([1, 1]);
    expect(await pushedSeqs(district, [desk])).toEqual({ [desk.id]: '2' });
  }, 60_000);

  it('writes a family two pushes of one group change: the later one is read again and both changes land', async () => {
    const district = await startDistrict();
    const [first, desk, library] = await computers(district, 3);
    if (!first || !desk || !library) throw new Error('no computers');
    const [created] = familiesFrom(district, first, ['Tanaka']);
    if (!created) throw new Error('no family');
    expect((await push(district, first, [created])).status).toBe(200);
    const edit = (device: RegisteredDevice, values: Record<string, string>): PushChange => ({
      seq: 1,
      table: 'households',
      rowId: created.rowId,
      hlc: formatHlc({ wall: Date.now(), counter: 0, node: device.id }),
      by: device.staffId,
      insert: false,
      values,
    });

    const release = await holdSchoolLog(district);
    const firstPush = push(district, first, familiesFrom(district, first, ['Umarov'], 2));
    await waitingForLock(district);
    // Both read the family as it is now; whichever the group writes first changes it under
    // the other.
    const deskPush = push(district, desk, [edit(desk, { name: 'Tanaka-Ueda' })]);
    await pushesWaiting(district, 1);
    const libraryPush = push(district, library, [edit(library, { address: '4 Birch Lane' })]);
    await pushesWaiting(district, 2);
    await release();

    const answers = await Promise.all([firstPush, deskPush, libraryPush]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    // Each edit is applied (over a value its computer had not seen: it pushed from the start).
    expect(answers.map((a) => a.body.outcomes.map((o) => o.status))).toEqual([
      [],
      ['applied'],
      ['applied'],
    ]);
    expect(await metric(district, 'hearth_sync_push_groups_total')).toBe(1);
    expect(await metric(district, 'hearth_sync_grouped_pushes_total')).toBe(2);
    const { rows } = await district.admin.query<{ data: Record<string, unknown> }>(
      'SELECT data FROM records WHERE id = $1',
      [created.rowId],
    );
    expect(rows[0]?.data).toMatchObject({ name: 'Tanaka-Ueda', address: '4 Birch Lane' });
    const log = await district.admin.query<{ device_id: string }>(
      'SELECT device_id FROM sync_log WHERE row_id = $1 ORDER BY seq',
      [created.rowId],
    );
    expect(log.rows.map((r) => r.device_id)).toEqual([first.id, desk.id, library.id]);
    expect(await pushedSeqs(district, [desk, library])).toEqual({
      [desk.id]: '1',
      [library.id]: '1',
    });
  }, 60_000);

  it('writes the pushes of a group whose statement failed one by one, each answered', async () => {
    const district = await startDistrict();
    const [first, desk, library] = await computers(district, 3);
    if (!first || !desk || !library) throw new Error('no computers');
    const release = await holdSchoolLog(district);
    const firstPush = push(district, first, familiesFrom(district, first, ['Petrov']));
    await waitingForLock(district);
    const deskChanges = familiesFrom(district, desk, ['Quispe', 'Rahman']);
    const libraryChanges = familiesFrom(district, library, ['Sato']);
    const deskPush = push(district, desk, deskChanges);
    await pushesWaiting(district, 1);
    const libraryPush = push(district, library, libraryChanges);
    await pushesWaiting(district, 2);
    const rowLock = await lockDeviceRow(district, library);
    await release();
    await groupWaitingForRow(district);
    // The group's statement fails halfway, for a reason that is no push's own.
    await district.admin.query('SELECT pg_cancel_backend($1)', [await groupBackend(district)]);
    await rowLock.release();
    const answers = await Promise.all([firstPush, deskPush, libraryPush]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[1]?.body.acknowledged).toBe(2);
    expect(answers[2]?.body.acknowledged).toBe(1);
    expect(await metric(district, 'hearth_sync_group_fallbacks_total')).toBe(1);
    expect(await metric(district, 'hearth_sync_push_groups_total')).toBe(0);
    expect(await logCounts(district, rowIdsOf([...deskChanges, ...libraryChanges]))).toEqual([
      1, 1, 1,
    ]);
  }, 60_000);

  /**
   * The server is killed while a group's statement is half done: its first push written in
   * the group's transaction, the second waiting for a computer's row locked from here. What
   * PostgreSQL does next depends on when it notices the server gone: its backend may be
   * ended (as here by hand) and the group roll back, or the statement finish and commit, or
   * fail to answer and roll back, with no one to answer. Either way the group is all or
   * nothing, and the computers sending their batches again to a new server get every change
   * written exactly once.
   */
  it.each(['its backend ended', 'its statement left to finish'] as const)(
    'loses nothing and doubles nothing when the server is killed mid-group (%s)',
    async (ending) => {
      const district = await startDistrict();
      const [first, desk, library] = await computers(district, 3);
      if (!first || !desk || !library) throw new Error('no computers');
      const release = await holdSchoolLog(district);
      const firstChanges = familiesFrom(district, first, ['Lindqvist']);
      const firstPush = push(district, first, firstChanges);
      await waitingForLock(district);
      const deskChanges = familiesFrom(district, desk, ['Mensah', 'Novak']);
      const libraryChanges = familiesFrom(district, library, ['Okonkwo']);
      const unanswered = [push(district, desk, deskChanges).catch(() => null)];
      await pushesWaiting(district, 1);
      unanswered.push(push(district, library, libraryChanges).catch(() => null));
      await pushesWaiting(district, 2);
      // The library's row is locked, so the group stops after writing the desk's push.
      const rowLock = await lockDeviceRow(district, library);
      await release();
      expect((await firstPush).status).toBe(200);
      await groupWaitingForRow(district);
      const backend = await groupBackend(district);
      await district.server.kill();
      expect(await Promise.all(unanswered)).toEqual([null, null]);
      if (ending === 'its backend ended')
        await district.admin.query('SELECT pg_terminate_backend($1)', [backend]);
      await rowLock.release();
      await until(
        'the group statement over',
        async () => (await groupBackend(district)) === undefined,
      );

      const groupRows = rowIdsOf([...deskChanges, ...libraryChanges]);
      const written = await logCounts(district, groupRows);
      if (ending === 'its backend ended') expect(written).toEqual([0, 0, 0]);
      else
        expect([
          [0, 0, 0],
          [1, 1, 1],
        ]).toContainEqual(written);

      // A new server; the computers send what they never heard back about.
      district.server = await startServerProcess(district.databaseUrl, {
        HEARTH_SETUP_CODE: SETUP_CODE,
        METRICS_TOKEN: METRICS,
      });
      district.url = district.server.url;
      const [again, libraryAgain] = await Promise.all([
        push(district, desk, deskChanges),
        push(district, library, libraryChanges),
      ]);
      expect([again.status, libraryAgain.status]).toEqual([200, 200]);
      expect(again.body.acknowledged).toBe(2);
      expect(libraryAgain.body.acknowledged).toBe(1);
      expect(
        await logCounts(district, rowIdsOf([...firstChanges, ...deskChanges, ...libraryChanges])),
      ).toEqual([1, 1, 1, 1]);
      const records = await district.admin.query(
        `SELECT count(*)::int AS n FROM records WHERE id = ANY($1::uuid[])`,
        [groupRows],
      );
      expect(records.rows).toEqual([{ n: 3 }]);
      expect(await pushedSeqs(district, [desk, library])).toEqual({
        [desk.id]: '2',
        [library.id]: '1',
      });
    },
    90_000,
  );
});
