import { connect } from 'node:net';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../contract';
import { REQUEST_TIMEOUT_MS, buildServer } from '../../server/app';
import { hashPassword } from '../../server/auth/passwords';
import { openPostgres, type ServerDb } from '../../server/db';
import { NewerDatabaseError, SERVER_SCHEMA_VERSION, migrateServer } from '../../server/migrate';
import { hotStatements, warmWrites } from '../../server/sync/warm';
import { injectSender } from '../district';
import { TEST_SETUP_CODE } from '../fixtures';
import { freePort } from '../helpers';
import { serverBackends } from '../server-backends';

/**
 * The district server's accounts, enrollment and device endpoints, against the embedded
 * PostgreSQL (PGlite) and a real PostgreSQL (tests/postgres-cluster.ts).
 */
const BACKENDS = serverBackends();

const ADMIN = {
  setupCode: TEST_SETUP_CODE,
  schoolName: 'Riverside Elementary',
  timeZone: 'America/Chicago',
  adminName: 'Pat Admin',
  email: 'pat@district.example',
  password: 'district admin password',
};

describe.each(BACKENDS)('district server on $name', ({ open }) => {
  let db: ServerDb;
  let app: FastifyInstance;
  let logs: string;
  const closers: (() => Promise<unknown>)[] = [];

  async function start() {
    db = await open();
    await migrateServer(db);
    logs = '';
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs += chunk.toString();
        done();
      },
    });
    app = await buildServer({ db, logger: { level: 'info', stream }, setupCode: TEST_SETUP_CODE });
    closers.push(
      () => app.close(),
      () => db.close(),
    );
  }
  afterEach(async () => {
    while (closers.length) await closers.shift()?.();
  });

  const send = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, token?: string) =>
    injectSender(app)(method, url, payload, token);

  async function bootstrapped() {
    await start();
    const boot = await send('POST', '/v1/bootstrap', ADMIN);
    expect(boot.status).toBe(201);
    const session = await send('POST', '/v1/admin/sessions', {
      email: ADMIN.email.toUpperCase(),
      password: ADMIN.password,
    });
    expect(session.status).toBe(201);
    return { schoolId: boot.body.schoolId as string, adminToken: session.body.token as string };
  }

  /** A second school with its own administrator and nurse, made directly in the database. */
  async function secondSchool() {
    const schoolId = newId();
    await db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Hillside', 'UTC')`, [
      schoolId,
    ]);
    const hash = await hashPassword('hillside password');
    for (const [email, role] of [
      ['lee@hillside.example', 'administrator'],
      ['nurse@hillside.example', 'nurse'],
    ])
      await db.query(
        `INSERT INTO staff_accounts (id, school_id, email, display_name, role, password_hash)
         VALUES ($1, $2, $3, $3, $4, $5)`,
        [newId(), schoolId, email, role, hash],
      );
    return schoolId;
  }

  async function enrolledDevice(schoolId: string, adminToken: string, name = 'Front desk 1') {
    const code = await send('POST', '/v1/admin/enrollment-codes', { schoolId }, adminToken);
    expect(code.status).toBe(201);
    const device = await send('POST', '/v1/devices/enroll', {
      code: code.body.code,
      deviceName: name,
    });
    expect(device.status).toBe(201);
    return {
      code: code.body.code as string,
      ...(device.body as { deviceId: string; token: string }),
    };
  }

  it('answers health and readiness, migrates once, and refuses a database from a newer server', async () => {
    await start();
    expect(await send('GET', '/health')).toEqual({
      status: 200,
      body: { status: 'ok', database: db.kind, schema: SERVER_SCHEMA_VERSION },
    });
    expect(await send('GET', '/ready')).toEqual({
      status: 200,
      body: { status: 'ready', schema: SERVER_SCHEMA_VERSION },
    });
    await migrateServer(db); // a second start changes nothing
    expect(await db.query('SELECT version FROM server_migrations ORDER BY version')).toEqual(
      Array.from({ length: SERVER_SCHEMA_VERSION }, (_, i) => ({ version: i + 1 })),
    );
    await db.query(`INSERT INTO server_migrations (version, name) VALUES (99, 'future')`);
    await expect(migrateServer(db)).rejects.toThrow(NewerDatabaseError);
    await expect(migrateServer(db)).rejects.toThrow(/newer version of the Hearth server/);
    // Alive, but not ready to serve a database at another schema.
    expect((await send('GET', '/health')).status).toBe(200);
    expect(await send('GET', '/ready')).toMatchObject({
      status: 503,
      body: {
        status: 'not_ready',
        message: expect.stringContaining(
          `at schema 99, set up by a newer version of the Hearth server; this server knows up to ${SERVER_SCHEMA_VERSION}. Upgrade this server.`,
        ),
      },
    });
  });

  it('opens its pool and prepares the sync statements, writes included, before the first computer asks', async () => {
    await start();
    const rows = async () =>
      (
        await db.query<Record<string, number>>(
          `SELECT (SELECT count(*)::int FROM schools) AS schools,
             (SELECT count(*)::int FROM staff_accounts) AS staff,
             (SELECT count(*)::int FROM devices) AS devices,
             (SELECT count(*)::int FROM records) AS records,
             (SELECT count(*)::int FROM sync_log) AS log`,
        )
      )[0];
    const before = await rows();
    // The writes push as a computer would, alone and in a group, and are rolled back: the
    // last push would be refused (and the warm-up fail) if the group's had not been written.
    await db.warm(hotStatements(), warmWrites());
    expect(await rows()).toEqual(before);
    if (db.kind === 'pglite') return;
    expect(db.poolStats()).toMatchObject({ connections: 10, idle: 10, waiting: 0 });
    // Whichever connection answers already holds them, prepared (and this query too).
    const prepared = await db.query<{ statement: string }>(
      'SELECT statement FROM pg_prepared_statements',
    );
    expect(prepared.map((p) => p.statement)).toEqual(
      expect.arrayContaining([
        ...hotStatements().map((h) => h.text),
        ...warmWrites().map((w) => w.text),
      ]),
    );
  });

  it('drops a client that starts a request and never finishes it, and serves the next', async () => {
    db = await open();
    closers.push(() => db.close());
    const standard = await buildServer({ db });
    expect(standard.server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(standard.server.headersTimeout).toBe(60_000);
    await standard.close();
    const quick = await buildServer({ db, requestTimeoutMs: 500 });
    closers.unshift(() => quick.close());
    await quick.listen({ port: 0, host: '127.0.0.1' });
    const { port } = quick.server.address() as { port: number };
    // Headers at once, then 10 of the 100 bytes it promised, then nothing.
    const slow = connect(port, '127.0.0.1');
    const answer = new Promise<{ said: string; ms: number }>((resolve) => {
      const started = Date.now();
      let said = '';
      slow.on('data', (chunk: Buffer) => (said += chunk.toString()));
      slow.on('close', () => resolve({ said, ms: Date.now() - started }));
    });
    slow.write(
      'POST /v1/sync/push HTTP/1.1\r\nHost: district\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\n\r\n{"changes"',
    );
    const { said, ms } = await answer;
    expect(said).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeGreaterThanOrEqual(400);
    expect(ms).toBeLessThan(5_000);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
  });

  it('is alive but not ready while its database cannot be reached or is not set up', async () => {
    const nowhere = openPostgres(`postgres://hearth@127.0.0.1:${await freePort()}/hearth`, {
      maxConnections: 1,
    });
    const lost = await buildServer({ db: nowhere });
    try {
      expect((await lost.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
      const ready = await lost.inject({ method: 'GET', url: '/ready' });
      expect([ready.statusCode, ready.json()]).toEqual([
        503,
        {
          status: 'not_ready',
          message: 'The district server cannot reach its database.',
          said: { id: expect.any(String) },
        },
      ]);
    } finally {
      await lost.close();
      await nowhere.close();
    }
    db = await open();
    closers.push(() => db.close());
    const fresh = await buildServer({ db });
    try {
      const ready = await fresh.inject({ method: 'GET', url: '/ready' });
      expect([ready.statusCode, ready.json()]).toMatchObject([
        503,
        {
          message: expect.stringContaining(
            `at schema 0; this server needs ${SERVER_SCHEMA_VERSION}. It is updated when a server of this version starts.`,
          ),
        },
      ]);
    } finally {
      await fresh.close();
    }
  });

  it('migration 5 keeps every log entry, as devices receive it', async () => {
    db = await open();
    closers.push(() => db.close());
    await migrateServer(db, 4);
    const school = newId();
    const row = newId();
    await db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'A', 'UTC')`, [school]);
    await db.query(
      `INSERT INTO sync_log (school_id, audience, tbl, row_id, hlc, vals, removed)
       VALUES ($1, 'school', 'households', $2, 'h1', '{"name": "Okafor", "address": null}', false),
              ($1, 'school', 'households', $2, 'h2', '{}', true)`,
      [school, row],
    );
    await migrateServer(db);
    const entries = await db.query<{ seq: string; wire: string }>(
      'SELECT seq, wire FROM sync_log ORDER BY seq',
    );
    expect(entries.map((e) => JSON.parse(e.wire) as unknown)).toEqual([
      {
        seq: Number(entries[0]?.seq),
        table: 'households',
        rowId: row,
        hlc: 'h1',
        values: { name: 'Okafor', address: null },
        removed: false,
      },
      {
        seq: Number(entries[1]?.seq),
        table: 'households',
        rowId: row,
        hlc: 'h2',
        values: {},
        removed: true,
      },
    ]);
  });

  it('migration 12 takes direction controls out of one-line fields, and keeps them in notes', async () => {
    db = await open();
    closers.push(() => db.close());
    await migrateServer(db, 11);
    const school = newId();
    const person = newId();
    const rlo = '\u202E';
    await db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, $2, 'UTC')`, [
      school,
      `Riverside${rlo}`,
    ]);
    const data = {
      id: person,
      firstName: `Ana${rlo}gnp.exe`,
      lastName: rlo,
      doNotContact: `No ${rlo}calls`,
    };
    await db.query(
      `INSERT INTO records (tbl, id, school_id, audience, data, clocks, seqs)
       VALUES ('people', $1, $2, 'school', $3, '{}', '{}')`,
      [person, school, JSON.stringify(data)],
    );
    await db.query(
      `INSERT INTO sync_log (school_id, audience, tbl, row_id, hlc, removed, wire)
       VALUES ($1, 'school', 'people', $2, 'h1', false, $3)`,
      [
        school,
        person,
        JSON.stringify({
          seq: 1,
          table: 'people',
          rowId: person,
          hlc: 'h1',
          values: data,
          removed: false,
        }),
      ],
    );
    await migrateServer(db);
    const clean = {
      id: person,
      firstName: 'Anagnp.exe',
      lastName: '?',
      doNotContact: `No ${rlo}calls`,
    };
    const [record] = await db.query<{ data: unknown }>('SELECT data FROM records');
    expect(record?.data).toEqual(clean);
    const [entry] = await db.query<{ wire: string }>('SELECT wire FROM sync_log');
    expect((JSON.parse(entry?.wire ?? '{}') as { values: unknown }).values).toEqual(clean);
    expect(await db.query('SELECT name FROM schools')).toEqual([{ name: 'Riverside' }]);
  });

  it('appends a batch under the school whose log it locks and the device it is given, and refuses a school it does not have, writing nothing', async () => {
    db = await open();
    closers.push(() => db.close());
    await migrateServer(db);
    const [school, other] = [newId(), newId()];
    for (const id of [school, other])
      await db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'A', 'UTC')`, [id]);
    const row = newId();
    const batch = (schoolId: string) => [
      JSON.stringify([
        {
          school_id: schoolId,
          audience: 'school',
          tbl: 'households',
          row_id: row,
          hlc: 'h1',
          vals: { id: row, name: 'Okafor' },
          removed: false,
          // Not read: the entries are the device's that sync_append is given.
          device_id: newId(),
        },
      ]),
      JSON.stringify([
        {
          tbl: 'households',
          id: row,
          school_id: schoolId,
          audience: 'school',
          data: { id: row, name: 'Okafor' },
          clocks: { id: 'h1', name: 'h1' },
          seqs: {},
        },
      ]),
    ];
    const append = (lockedSchool: string, entriesOf: string) =>
      db.query('SELECT sync_append($1::uuid, NULL, $2::jsonb, $3::jsonb)', [
        lockedSchool,
        ...batch(entriesOf),
      ]);

    await expect(append(newId(), other)).rejects.toMatchObject({ code: '23503' });
    expect(await db.query('SELECT seq FROM sync_log')).toEqual([]);
    expect(await db.query('SELECT id FROM records')).toEqual([]);

    // A batch naming another school and a device is still written under the school whose log
    // lock it holds, and as the server's own (no device given).
    await append(school, other);
    const [entry] = await db.query<{ seq: string; school_id: string; device_id: string | null }>(
      'SELECT seq, school_id, device_id FROM sync_log',
    );
    expect(entry?.school_id).toBe(school);
    expect(entry?.device_id).toBeNull();
    expect(await db.query('SELECT school_id, seqs FROM records')).toEqual([
      { school_id: school, seqs: { id: Number(entry?.seq), name: Number(entry?.seq) } },
    ]);
  });

  it('bootstraps the first administrator once, checking every field', async () => {
    await start();
    const bad = await send('POST', '/v1/bootstrap', { ...ADMIN, email: 'not an email', extra: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    expect((bad.body.issues as { path: string }[]).map((i) => i.path).sort()).toEqual([
      '',
      'email',
    ]);
    expect(await db.query('SELECT id FROM staff_accounts')).toEqual([]);
    expect(await db.query('SELECT id FROM schools')).toEqual([]);
    // Whoever reaches a fresh server first does not become its administrator without the code.
    for (const setupCode of ['', 'TEST-SETU-P001']) {
      const guessed = await send('POST', '/v1/bootstrap', { ...ADMIN, setupCode });
      expect(guessed).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    }
    expect(await db.query('SELECT id FROM staff_accounts')).toEqual([]);
    expect(logs).not.toContain(TEST_SETUP_CODE);

    const [first, second] = await Promise.all([
      send('POST', '/v1/bootstrap', ADMIN),
      send('POST', '/v1/bootstrap', { ...ADMIN, email: 'someone@else.example' }),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    expect(await db.query('SELECT email FROM staff_accounts')).toHaveLength(1);
    const malformed = await app.inject({
      method: 'POST',
      url: '/v1/bootstrap',
      headers: { 'content-type': 'application/json' },
      payload: '{"schoolName": ',
    });
    expect(malformed.statusCode).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ code: 'VALIDATION' });
  });

  it('enrolls a device with a one-time code that expires, and revoking it locks the device out', async () => {
    const { schoolId, adminToken } = await bootstrapped();
    expect((await send('POST', '/v1/admin/enrollment-codes', { schoolId })).status).toBe(401);
    const { code, deviceId, token } = await enrolledDevice(schoolId, adminToken);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    // Single use.
    const reused = await send('POST', '/v1/devices/enroll', { code, deviceName: 'Laptop' });
    expect(reused).toMatchObject({ status: 400, body: { code: 'ENROLLMENT_CODE_INVALID' } });
    // Typed loosely (lower case, no dashes) it still works; once expired it does not.
    const fresh = await send('POST', '/v1/admin/enrollment-codes', { schoolId }, adminToken);
    const loose = (fresh.body.code as string).toLowerCase().replace(/-/g, '');
    await db.query(
      `UPDATE enrollment_codes SET expires_at = now() - interval '1 second' WHERE used_at IS NULL`,
    );
    const expired = await send('POST', '/v1/devices/enroll', {
      code: loose,
      deviceName: 'Laptop',
    });
    expect(expired.body.code).toBe('ENROLLMENT_CODE_INVALID');
    const again = await send('POST', '/v1/admin/enrollment-codes', { schoolId }, adminToken);
    const typed = (again.body.code as string).toLowerCase().replace(/-/g, '');
    expect(
      (await send('POST', '/v1/devices/enroll', { code: typed, deviceName: 'Laptop' })).status,
    ).toBe(201);

    const status = await send('GET', '/v1/device/status', undefined, token);
    expect(status).toMatchObject({ status: 200, body: { deviceId, school: { id: schoolId } } });
    // A token that is not this device's, or a device id dressed up as a token, gets nothing.
    expect((await send('GET', '/v1/device/status', undefined, `hd_${deviceId}`)).status).toBe(401);
    expect((await send('GET', '/v1/device/status', undefined, adminToken)).status).toBe(401);

    expect(
      (await send('POST', `/v1/admin/devices/${deviceId}/revoke`, {}, adminToken)).status,
    ).toBe(204);
    const revoked = await send('GET', '/v1/device/status', undefined, token);
    expect(revoked).toMatchObject({ status: 401, body: { code: 'DEVICE_REVOKED' } });
    const signIn = await send(
      'POST',
      '/v1/device/sign-in',
      { email: ADMIN.email, password: ADMIN.password },
      token,
    );
    expect(signIn.body.code).toBe('DEVICE_REVOKED');
  });

  it('never lets an administrator deactivate or demote themselves', async () => {
    const { adminToken } = await bootstrapped();
    await secondSchool();
    const lee = await send('POST', '/v1/admin/sessions', {
      email: 'lee@hillside.example',
      password: 'hillside password',
    });
    const leeToken = lee.body.token as string;
    const [account] = await db.query<{ id: string }>(
      `SELECT id FROM staff_accounts WHERE email = 'lee@hillside.example'`,
    );
    for (const patch of [{ active: false }, { role: 'nurse' }]) {
      const refused = await send('PATCH', `/v1/admin/staff/${account?.id}`, patch, leeToken);
      expect(refused).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    }
    const [still] = await db.query<{ active: boolean; role: string }>(
      'SELECT active, role FROM staff_accounts WHERE id = $1',
      [account?.id],
    );
    expect(still).toEqual({ active: true, role: 'administrator' });
    // The district's administrator may change them.
    const byDistrict = await send(
      'PATCH',
      `/v1/admin/staff/${account?.id}`,
      { active: false },
      adminToken,
    );
    expect(byDistrict.status).toBe(200);
  });

  it('keeps each school to its own devices and staff', async () => {
    const { schoolId, adminToken } = await bootstrapped();
    const hillside = await secondSchool();
    const lee = await send('POST', '/v1/admin/sessions', {
      email: 'lee@hillside.example',
      password: 'hillside password',
    });
    const leeToken = lee.body.token as string;
    // A school administrator cannot enroll devices into, or revoke devices of, another school.
    const other = await send('POST', '/v1/admin/enrollment-codes', { schoolId }, leeToken);
    expect(other).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const riverside = await enrolledDevice(schoolId, adminToken);
    const revoke = await send(
      'POST',
      `/v1/admin/devices/${riverside.deviceId}/revoke`,
      {},
      leeToken,
    );
    // Another school's device answers as one that does not exist.
    const nowhere = await send('POST', `/v1/admin/devices/${newId()}/revoke`, {}, leeToken);
    expect([revoke.status, revoke.body]).toEqual([nowhere.status, nowhere.body]);
    expect(revoke.status).toBe(404);
    const riversideNurse = newId();
    await db.query(
      `INSERT INTO staff_accounts (id, school_id, email, display_name, role, password_hash)
       VALUES ($1, $2, 'nia@riverside.example', 'Nia', 'nurse', 'x')`,
      [riversideNurse, schoolId],
    );
    const patched = await send(
      'PATCH',
      `/v1/admin/staff/${riversideNurse}`,
      { active: false },
      leeToken,
    );
    const nobody = await send('PATCH', `/v1/admin/staff/${newId()}`, { active: false }, leeToken);
    expect([patched.status, patched.body]).toEqual([404, nobody.body]);
    // The district administrator manages both.
    const hillsideDevice = await enrolledDevice(hillside, adminToken, 'Hillside nurse office');

    // Staff sign in only on their own school's devices; a nurse is not an administrator.
    const nurse = { email: 'nurse@hillside.example', password: 'hillside password' };
    expect(
      (await send('POST', '/v1/device/sign-in', nurse, hillsideDevice.token)).body,
    ).toMatchObject({
      staff: { role: 'nurse', schoolId: hillside },
    });
    expect((await send('POST', '/v1/device/sign-in', nurse, riverside.token)).status).toBe(403);
    expect((await send('POST', '/v1/admin/sessions', nurse)).status).toBe(403);
    const wrong = await send(
      'POST',
      '/v1/device/sign-in',
      { ...nurse, password: 'nope' },
      hillsideDevice.token,
    );
    expect(wrong).toMatchObject({ status: 401, body: { code: 'WRONG_PASSWORD' } });
  });

  it('backs off wrong passwords per account across every instance, saying how long to wait', async () => {
    await bootstrapped();
    const other = await buildServer({ db, logger: false });
    closers.unshift(() => other.close());
    const attempt = (i: number, password: string) =>
      injectSender(i % 2 === 0 ? app : other)('POST', '/v1/admin/sessions', {
        email: i % 3 === 0 ? ADMIN.email.toUpperCase() : ADMIN.email,
        password,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await attempt(i, `guess ${i}`)).status);
    // Three wrong passwords are free; the fourth starts a wait that every instance keeps.
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const waiting = await attempt(6, ADMIN.password);
    expect(waiting).toMatchObject({
      status: 429,
      body: {
        code: 'TOO_MANY_ATTEMPTS',
        message: /^Too many wrong passwords\. Wait [1-5] seconds/,
      },
    });
    // Once the wait is over the right password signs in, and the account starts again.
    await db.query(`UPDATE sign_in_backoff SET blocked_until = now() - interval '1 second'`);
    expect((await attempt(7, ADMIN.password)).status).toBe(201);
    expect((await attempt(8, 'guess again')).status).toBe(401);
    // The table names no email and no address.
    expect(JSON.stringify(await db.query('SELECT * FROM sign_in_backoff'))).not.toMatch(
      /district\.example|127\.0\.0\.1/,
    );
  });

  it('backs off an address that tries many accounts', async () => {
    await bootstrapped();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (
          await send('POST', '/v1/admin/sessions', {
            email: `guess${i}@district.example`,
            password: 'x',
          })
        ).status,
      );
    expect(statuses.slice(0, 21)).toEqual(Array(21).fill(401));
    expect(statuses[21]).toBe(429);
    // While the address waits, even the right password is not checked.
    const right = { email: ADMIN.email, password: ADMIN.password };
    expect((await send('POST', '/v1/admin/sessions', right)).status).toBe(429);
  });

  it('backs off sign-in and keeps secrets out of the database and the logs', async () => {
    const { schoolId, adminToken } = await bootstrapped();
    const device = await enrolledDevice(schoolId, adminToken);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await send('POST', '/v1/admin/sessions', { email: ADMIN.email, password: `guess ${i}` }))
          .status,
      );
    expect(statuses.slice(0, 4)).toEqual(Array(4).fill(401));
    expect(statuses.at(-1)).toBe(429);

    const stored = JSON.stringify(
      await db.query(`SELECT
        (SELECT json_agg(s) FROM staff_accounts s) AS staff,
        (SELECT json_agg(d) FROM devices d) AS devices,
        (SELECT json_agg(a) FROM admin_sessions a) AS sessions,
        (SELECT json_agg(e) FROM enrollment_codes e) AS codes`),
    );
    for (const secret of [ADMIN.password, adminToken, device.token, device.code])
      expect(stored.includes(secret)).toBe(false);
    for (const secret of [ADMIN.password, ADMIN.email, adminToken, device.token, device.code])
      expect(logs.includes(secret)).toBe(false);
    // One line a request, when it is answered, with what it was and how it went.
    const lines = logs
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const enrolled = lines.filter(
      (line) => (line.req as { route?: string } | undefined)?.route === '/v1/devices/enroll',
    );
    expect(enrolled).toHaveLength(1);
    expect(enrolled[0]).toMatchObject({
      msg: 'request completed',
      req: { method: 'POST', route: '/v1/devices/enroll' },
      res: { statusCode: 201 },
      responseTime: expect.any(Number),
    });
    expect(lines.filter((line) => line.msg === 'incoming request')).toEqual([]);
  });
});
