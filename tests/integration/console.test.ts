import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId } from '../../contract';
import type { AdminStaff } from '../../contract/console';
import { callOrThrow } from '../../db/core';
import type { ServerDb } from '../../server/db';
import { buildServer } from '../../server/app';
import { CONSOLE_COOKIE, CSRF_HEADER } from '../../server/auth/console-session';
import { migrateServer } from '../../server/migrate';
import { CONSOLE_CSP } from '../../server/routes/console';
import { DISTRICT_PASSWORD, type District } from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * The district console's session (an HttpOnly cookie with a CSRF token beside it), the lists
 * its screens read, and its files with their security headers.
 */
const BACKENDS = serverBackends();
const ADMIN = { email: 'pat@district.example', password: DISTRICT_PASSWORD };
const HOST = 'hearth.district.example';

type Method = 'GET' | 'POST' | 'DELETE';

/** A browser's requests: the cookie it was given, the CSRF token the page holds. */
function browser(d: District) {
  let cookie: string | null = null;
  let csrf: string | null = null;
  return {
    async send(
      method: Method,
      url: string,
      payload?: unknown,
      headers: Record<string, string> = {},
    ) {
      const response = await d.app.inject({
        method,
        url,
        payload: payload as object,
        headers: {
          host: HOST,
          ...(cookie ? { cookie: `${CONSOLE_COOKIE}=${cookie}` } : {}),
          ...(csrf && method !== 'GET' ? { [CSRF_HEADER]: csrf } : {}),
          ...headers,
        },
      });
      const set = response.cookies.find((c) => c.name === CONSOLE_COOKIE);
      if (set) cookie = set.value || null;
      const body = (response.body ? JSON.parse(response.body) : null) ?? {};
      if (typeof body.csrfToken === 'string') csrf = body.csrfToken;
      return {
        status: response.statusCode,
        body,
        raw: response.body,
        setCookie: response.headers['set-cookie'],
      };
    },
    forgetCsrf() {
      csrf = null;
    },
  };
}

describe.each(BACKENDS)('the district console on $name', ({ open }) => {
  const { district, device, deskWithWork } = districtFixture(open);
  const codes = async (d: District) =>
    (await d.db.query<{ n: number }>('SELECT count(*)::int AS n FROM enrollment_codes'))[0]?.n;

  it('signs an administrator in with an HttpOnly, SameSite=Strict cookie, and refuses anyone else', async () => {
    const d = await district();
    const pat = browser(d);
    const signedIn = await pat.send('POST', '/v1/console/session', ADMIN);
    expect(signedIn.status).toBe(201);
    expect(signedIn.body).toMatchObject({ staff: { email: ADMIN.email, role: 'administrator' } });
    const cookie = String(signedIn.setCookie);
    expect(cookie).toMatch(/^__Host-hearth-console=ha_/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\//);
    // The session's token is in the cookie alone, never in what the page's script reads.
    expect(JSON.stringify(signedIn.body)).not.toContain('ha_');

    const again = await pat.send('GET', '/v1/console/session');
    expect(again.status).toBe(200);
    expect(again.body.csrfToken).toBe(signedIn.body.csrfToken);

    const nurse = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const notAdmin = await browser(d).send('POST', '/v1/console/session', {
      email: nurse.email,
      password: DISTRICT_PASSWORD,
    });
    expect(notAdmin).toMatchObject({ status: 403, setCookie: undefined });
    const wrong = await browser(d).send('POST', '/v1/console/session', {
      ...ADMIN,
      password: 'not it',
    });
    expect(wrong).toMatchObject({ status: 401, body: { code: 'WRONG_PASSWORD' } });
    expect(await browser(d).send('GET', '/v1/console/session')).toMatchObject({
      status: 200,
      raw: 'null',
    });
  });

  it('refuses a change without the CSRF token or from another origin, and writes nothing', async () => {
    const d = await district();
    const pat = browser(d);
    await pat.send('POST', '/v1/console/session', ADMIN);
    const input = { schoolId: d.schoolId };
    const fromElsewhere = await pat.send('POST', '/v1/admin/enrollment-codes', input, {
      origin: 'https://evil.example',
    });
    expect(fromElsewhere).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(String(fromElsewhere.body.message)).toMatch(/did not come from the district console/);
    pat.forgetCsrf();
    const noToken = await pat.send('POST', '/v1/admin/enrollment-codes', input);
    expect(noToken.status).toBe(403);
    const forged = await pat.send('POST', '/v1/admin/enrollment-codes', input, {
      [CSRF_HEADER]: 'x'.repeat(43),
    });
    expect(forged.status).toBe(403);
    expect(await codes(d)).toBe(0);
    // Reading needs no token; the page then holds it again and may change things.
    await pat.send('GET', '/v1/console/session');
    const made = await pat.send('POST', '/v1/admin/enrollment-codes', input, {
      origin: `https://${HOST}`,
    });
    expect(made.status).toBe(201);
    expect(await codes(d)).toBe(1);
  });

  it('signs out this browser, or everywhere: other browsers and scripts’ tokens too', async () => {
    const d = await district();
    const first = browser(d);
    const second = browser(d);
    await first.send('POST', '/v1/console/session', ADMIN);
    await second.send('POST', '/v1/console/session', ADMIN);
    const out = await first.send('DELETE', '/v1/console/session');
    expect(out.status).toBe(204);
    expect(String(out.setCookie)).toMatch(/__Host-hearth-console=;/);
    expect((await first.send('GET', '/v1/console/session')).raw).toBe('null');
    expect((await second.send('GET', '/v1/console/session')).body).toHaveProperty('staff');
    expect((await d.send('GET', '/v1/admin/schools', undefined, d.adminToken)).status).toBe(200);

    expect((await second.send('POST', '/v1/console/sign-out-everywhere')).status).toBe(204);
    expect((await second.send('GET', '/v1/console/session')).raw).toBe('null');
    expect((await d.send('GET', '/v1/admin/schools', undefined, d.adminToken)).status).toBe(401);
  });

  it('lists a school’s staff with the roster’s accounts marked, and refuses changing what the roster sets', async () => {
    const d = await district();
    const nurse = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const rostered = await d.addStaff('Rosa Roster', 'front_office', []);
    await d.db.query(
      `INSERT INTO roster_sources (kind, source_key, hearth_id, school_id)
       VALUES ('staff', 't-100', $1, $2)`,
      [rostered.id, d.schoolId],
    );
    await d.db.query(`UPDATE staff_accounts SET password_hash = '' WHERE id = $1`, [rostered.id]);
    const pat = browser(d);
    await pat.send('POST', '/v1/console/session', ADMIN);
    const list = await pat.send('GET', `/v1/admin/staff?schoolId=${d.schoolId}`);
    expect(list.status).toBe(200);
    expect(
      (
        list.body as unknown as { displayName: string; hasPassword: boolean; fromRoster: boolean }[]
      ).map((s) => [s.displayName, s.hasPassword, s.fromRoster]),
    ).toEqual([
      ['Nia Nurse', true, false],
      ['Rosa Roster', false, true],
    ]);
    expect((await pat.send('GET', '/v1/admin/staff?schoolId=nope')).status).toBe(400);
    expect((await pat.send('GET', `/v1/admin/staff?schoolId=${newId()}&x=1`)).status).toBe(400);

    const patch = (id: string, body: unknown) =>
      d.app.inject({
        method: 'PATCH',
        url: `/v1/admin/staff/${id}`,
        payload: body as object,
        headers: { authorization: `Bearer ${d.adminToken}` },
      });
    const refused = await patch(rostered.id, { displayName: 'Rosa Other' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ message: expect.stringMatching(/district roster/) });
    // What the roster does not set may change; the roster's fields sent unchanged are fine.
    const allowed = await patch(rostered.id, {
      displayName: 'Rosa Roster',
      role: 'liaison',
      teams: ['support'],
      password: 'a first password',
    });
    expect(allowed.statusCode).toBe(200);
    expect(
      (await patch(nurse.id, { displayName: 'Nia Nurse-Lee', active: false })).statusCode,
    ).toBe(200);
    const [row] = await d.db.query<{ display_name: string; role: string; has_password: boolean }>(
      `SELECT display_name, role, password_hash <> '' AS has_password FROM staff_accounts
       WHERE id = $1`,
      [rostered.id],
    );
    expect(row).toEqual({ display_name: 'Rosa Roster', role: 'liaison', has_password: true });
    // Stopping an account, the roster's too, is the administrators' (a person who left today).
    expect((await patch(rostered.id, { active: false })).statusCode).toBe(200);
    const stopped = (await pat.send('GET', `/v1/admin/staff?schoolId=${d.schoolId}`))
      .body as unknown as AdminStaff[];
    expect(stopped.map((s) => [s.displayName, s.active, s.stoppedInConsoleAt !== null])).toEqual([
      ['Nia Nurse-Lee', false, true],
      ['Rosa Roster', false, true],
    ]);
  });

  it('lists the records of disclosure the schools’ computers kept, with names, by school and day, and as CSV', async () => {
    const { district: d, desk } = await deskWithWork();
    const student = desk.core.store.db.prepare('SELECT id FROM students LIMIT 1').get() as {
      id: string;
    };
    callOrThrow(desk.core, 'family.export', {
      studentId: student.id,
      format: 'print',
      recipient: 'Dr. Rivera, Lincoln Clinic',
      purpose: 'Transfer of care, at the family’s request',
    });
    await desk.sync();
    const pat = browser(d);
    await pat.send('POST', '/v1/console/session', ADMIN);
    const listed = await pat.send('GET', '/v1/admin/disclosures');
    expect(listed.status).toBe(200);
    const [first, ...rest] = listed.body as unknown as Record<string, unknown>[];
    expect(rest).toEqual([]);
    expect(first).toMatchObject({
      schoolName: 'Riverside Elementary',
      studentName: 'Tobi Okafor',
      disclosedByName: 'Omar Office',
      recipient: 'Dr. Rivera, Lincoln Clinic',
      format: 'print',
    });
    const day = String(first?.disclosedAt).slice(0, 10);
    expect(
      (await pat.send('GET', `/v1/admin/disclosures?from=${day}&to=${day}`)).body,
    ).toHaveLength(1);
    expect((await pat.send('GET', '/v1/admin/disclosures?to=2020-01-01')).body).toEqual([]);
    expect((await pat.send('GET', '/v1/admin/disclosures?schoolId=nope')).status).toBe(400);
    expect(
      (await pat.send('GET', `/v1/admin/disclosures?before=${String(first?.id)}`)).body,
    ).toEqual([]);
    const csv = await d.app.inject({
      method: 'GET',
      url: '/v1/admin/disclosures.csv',
      headers: { authorization: `Bearer ${d.adminToken}` },
    });
    expect(csv.body.split('\r\n').slice(0, 2)).toEqual([
      'When (UTC),School,Student,Recipient,Purpose,What,Format,By',
      expect.stringMatching(
        /,Riverside Elementary,Tobi Okafor,"Dr\. Rivera, Lincoln Clinic","Transfer of care, at the family’s request",.+,print,Omar Office$/,
      ),
    ]);
    // Another school's administrator sees none of it.
    const hillside = newId();
    await d.db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Hillside', 'UTC')`, [
      hillside,
    ]);
    const lee = await d.addStaff('Lee Admin', 'administrator', ['admin'], hillside);
    const leeBrowser = browser(d);
    await leeBrowser.send('POST', '/v1/console/session', {
      email: lee.email,
      password: DISTRICT_PASSWORD,
    });
    expect((await leeBrowser.send('GET', '/v1/admin/disclosures')).body).toEqual([]);
    expect(
      (await leeBrowser.send('GET', `/v1/admin/disclosures?schoolId=${d.schoolId}`)).status,
    ).toBe(403);
  });

  it('keeps what each computer says of itself as it syncs: its version and what waits on it', async () => {
    const { district: d, desk } = await deskWithWork();
    const listed = async () =>
      (
        (await d.send('GET', '/v1/admin/devices', undefined, d.adminToken)).body as unknown as {
          name: string;
          appVersion: string | null;
          changesWaiting: number | null;
          conflictsWaiting: number | null;
        }[]
      ).find((x) => x.name === 'Front desk');
    // Told as it signed its member in, before the family was added here.
    expect(await listed()).toMatchObject({ appVersion: '0.0.0-dev', changesWaiting: 0 });
    const pending = desk.core.sync.pending();
    expect(pending).toBeGreaterThan(0);
    // A request before it sends anything, within the minute: the changes now wait, and say so.
    await desk.transport.pull(0, 1);
    expect(await listed()).toMatchObject({
      appVersion: '0.0.0-dev',
      changesWaiting: pending,
      conflictsWaiting: 0,
    });
    // The push says what will wait once its batch is taken: nothing.
    await desk.sync();
    expect(await listed()).toMatchObject({ changesWaiting: 0, conflictsWaiting: 0 });
    // Saying the same again within the minute writes nothing.
    const version = async () =>
      (
        await d.db.query<{ v: string }>(`SELECT xmin::text AS v FROM devices WHERE id = $1`, [
          desk.serverDeviceId,
        ])
      )[0]?.v;
    const before = await version();
    await desk.transport.pull(0, 1);
    expect(await version()).toBe(before);
  });

  it('lists the schools and computers an administrator manages, and the server itself', async () => {
    const d = await district();
    const desk = await device(d, 'Front desk');
    const hillsideId = newId();
    await d.db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Hillside', 'UTC')`, [
      hillsideId,
    ]);
    await device(d, 'Hillside office', { schoolId: hillsideId });
    await d.db.query(
      `INSERT INTO sync_rejections (device_id, seq, reason) VALUES ($1, 1, 'no'), ($1, 2, 'no')`,
      [desk.serverDeviceId],
    );

    const pat = browser(d);
    await pat.send('POST', '/v1/console/session', ADMIN);
    const schools = await pat.send('GET', '/v1/admin/schools');
    expect((schools.body as unknown as { name: string }[]).map((s) => s.name)).toEqual([
      'Hillside',
      'Riverside Elementary',
    ]);
    const devices = (await pat.send('GET', '/v1/admin/devices')).body as unknown as {
      name: string;
      school: { name: string };
      refusedChanges: number;
      lastSeenAt: string | null;
    }[];
    expect(devices.map((x) => [x.name, x.school.name, x.refusedChanges])).toEqual([
      ['Hillside office', 'Hillside', 0],
      ['Front desk', 'Riverside Elementary', 2],
    ]);

    // A school's administrator sees their own school and its computers only.
    const lee = await d.addStaff('Lee Admin', 'administrator', ['admin'], hillsideId);
    const leeBrowser = browser(d);
    await leeBrowser.send('POST', '/v1/console/session', {
      email: lee.email,
      password: DISTRICT_PASSWORD,
    });
    const own = (await leeBrowser.send('GET', '/v1/admin/devices')).body as unknown as {
      name: string;
    }[];
    expect(own.map((x) => x.name)).toEqual(['Hillside office']);
    const ownSchools = (await leeBrowser.send('GET', '/v1/admin/schools')).body as unknown as {
      name: string;
    }[];
    expect(ownSchools.map((s) => s.name)).toEqual(['Hillside']);

    const server = await pat.send('GET', '/v1/admin/server');
    expect(server.body).toMatchObject({
      database: d.db.kind,
      protocols: { min: 1, max: 1 },
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      databaseVersion: expect.stringMatching(/^\d+/),
    });
    for (const path of ['/v1/admin/devices', '/v1/admin/schools', '/v1/admin/server'])
      expect((await browser(d).send('GET', path)).status, path).toBe(401);
  });
});

describe('the district console’s files', () => {
  async function serve(consoleDir: string) {
    const { open } = BACKENDS[0] as { open: () => Promise<ServerDb> };
    const db = await open();
    await migrateServer(db);
    const app = await buildServer({ db, consoleDir });
    return {
      app,
      close: async () => {
        await app.close();
        await db.close();
      },
    };
  }

  it('serves the built console at /console/ with a strict content security policy', async () => {
    const { app, close } = await serve(resolve('dist-server/console'));
    try {
      const redirect = await app.inject({ method: 'GET', url: '/console' });
      expect(redirect.statusCode).toBe(302);
      expect(redirect.headers.location).toBe('/console/');
      const page = await app.inject({ method: 'GET', url: '/console/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<div id="root">');
      expect(page.headers['content-security-policy']).toBe(CONSOLE_CSP);
      expect(CONSOLE_CSP).toContain("script-src 'self'");
      expect(CONSOLE_CSP).toContain("frame-ancestors 'none'");
      expect(CONSOLE_CSP).not.toContain('unsafe');
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      const script = /src="(\/console\/assets\/[^"]+\.js)"/.exec(page.body)?.[1];
      const asset = await app.inject({ method: 'GET', url: script as string });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['cache-control']).toContain('immutable');
      expect(
        (await app.inject({ method: 'GET', url: '/console/../package.json' })).statusCode,
      ).toBe(404);
    } finally {
      await close();
    }
  });

  it('says plainly when the console was not built, and still serves computers', async () => {
    const { app, close } = await serve(resolve('no-such-folder'));
    try {
      const page = await app.inject({ method: 'GET', url: '/console/' });
      expect(page.statusCode).toBe(404);
      expect(page.json()).toMatchObject({ message: expect.stringMatching(/npm run server:build/) });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await close();
    }
  });
});
