import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, newId } from '../../contract';
import { spoiled } from '../adversarial';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * Every route of the district server, fed a valid request with one value made adversarial
 * (tests/adversarial.ts): a typed error or a success, never a 500, nothing written when it
 * fails, and the server still serving afterwards.
 */
const BACKENDS = serverBackends();

/** Tables a failed request must leave as they were (sign-in attempts are counted apart). */
const TABLES = [
  'schools',
  'staff_accounts',
  'admin_sessions',
  'devices',
  'device_users',
  'enrollment_codes',
  'records',
  'sync_log',
  'sync_rejections',
  'audit_log',
  'staff_keys',
  'team_key_shares',
];

describe.each(BACKENDS)('the district server under adversarial input on $name', ({ open }) => {
  const { district, device } = districtFixture(open);

  it('answers every route with a typed error or success, writes nothing when refusing, and goes on serving', async () => {
    const d = await district();
    const nurse = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const laptop = await device(d, 'Clinic laptop');
    await laptop.signIn(nurse);
    const hlc = `${String(Date.now()).padStart(15, '0')}.000000.fuzz`;
    type Route = {
      method: 'GET' | 'POST' | 'PATCH';
      path: string;
      token: string | undefined;
      valid: Record<string, unknown>;
    };
    const admin = d.adminToken;
    const routes: Route[] = [
      {
        method: 'POST',
        path: '/v1/admin/sessions',
        token: undefined,
        valid: { email: 'pat@district.example', password: 'wrong password here' },
      },
      {
        method: 'POST',
        path: '/v1/console/session',
        token: undefined,
        valid: { email: 'pat@district.example', password: 'wrong password here' },
      },
      {
        method: 'POST',
        path: '/v1/admin/enrollment-codes',
        token: admin,
        valid: { schoolId: d.schoolId },
      },
      {
        method: 'POST',
        path: '/v1/devices/enroll',
        token: undefined,
        valid: { code: 'ABCD-EFGH-JKLM', deviceName: 'Laptop' },
      },
      {
        method: 'POST',
        path: '/v1/admin/schools',
        token: admin,
        valid: { name: 'Hillside', timeZone: 'UTC' },
      },
      {
        method: 'POST',
        path: '/v1/admin/staff',
        token: admin,
        valid: {
          schoolId: d.schoolId,
          email: 'new@district.example',
          displayName: 'New',
          role: 'teacher',
          teams: [],
          password: 'a new password',
        },
      },
      {
        method: 'PATCH',
        path: `/v1/admin/staff/${nurse.id}`,
        token: admin,
        valid: { displayName: 'Nia N.' },
      },
      {
        method: 'POST',
        path: '/v1/device/sign-in',
        token: laptop.token,
        valid: { email: 'nia.nurse@district.example', password: 'wrong password here' },
      },
      { method: 'POST', path: '/v1/device/keys', token: laptop.token, valid: { shares: [] } },
      {
        method: 'POST',
        path: '/v1/device/audit',
        token: laptop.token,
        valid: {
          entries: [
            {
              id: newId(),
              at: new Date().toISOString(),
              staffId: nurse.id,
              action: 'read',
              recordType: 'note',
              recordIds: [newId()],
              studentId: newId(),
              personId: null,
            },
          ],
        },
      },
      {
        method: 'POST',
        path: '/v1/sync/push',
        token: laptop.token,
        valid: {
          basedOn: 0,
          changes: [
            {
              seq: 1,
              table: 'households',
              rowId: newId(),
              hlc,
              by: nurse.id,
              insert: true,
              values: { schoolId: d.schoolId, name: 'Fuzzed', address: null },
            },
          ],
        },
      },
      { method: 'GET', path: '/v1/sync/pull', token: laptop.token, valid: { after: 0 } },
      {
        method: 'GET',
        path: '/v1/admin/audit',
        token: admin,
        valid: { schoolId: d.schoolId },
      },
      { method: 'GET', path: '/v1/admin/staff', token: admin, valid: { schoolId: d.schoolId } },
      {
        method: 'GET',
        path: '/v1/admin/disclosures',
        token: admin,
        valid: { schoolId: d.schoolId, from: '2026-01-01', to: '2026-12-31', limit: 10 },
      },
      {
        method: 'GET',
        path: '/v1/admin/audit.csv',
        token: admin,
        valid: { schoolId: d.schoolId, action: 'read', from: '2026-01-01' },
      },
      {
        method: 'GET',
        path: '/v1/admin/insights',
        token: admin,
        valid: { schoolId: d.schoolId, from: '2026-08-01', to: '2026-12-01' },
      },
    ];
    const counts = async () =>
      JSON.stringify(
        await Promise.all(
          TABLES.map(async (t) => (await d.db.query(`SELECT count(*)::int AS n FROM ${t}`))[0]),
        ),
      );
    // Every byte percent-encoded, as a client sends it (a lone surrogate goes as UTF-8's
    // replacement character).
    const percent = (text: string) =>
      [...Buffer.from(text)].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
    const query = (input: Record<string, unknown>) =>
      Object.entries(input)
        .map(
          ([k, v]) =>
            `${percent(k)}=${percent(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`,
        )
        .join('&');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes).chain((r) => fc.tuple(fc.constant(r), spoiled(r.valid))),
        async ([route, input]) => {
          const before = await counts();
          const reply =
            route.method === 'GET'
              ? await d.send('GET', `${route.path}?${query(input)}`, undefined, route.token)
              : await d.send(route.method, route.path, input, route.token);
          const what = `${route.method} ${route.path}`;
          expect(reply.status, `${what}: ${JSON.stringify(reply.body).slice(0, 200)}`).toBeLessThan(
            500,
          );
          if (reply.status < 300) return;
          expect(ERROR_CODES, what).toContain(reply.body.code);
          expect(await counts(), `${what} refused but wrote`).toBe(before);
        },
      ),
      { numRuns: 150, seed: Number(process.env.FUZZ_SEED ?? 20261204) },
    );
    expect((await d.send('GET', '/health')).status).toBe(200);
  }, 60_000);
});
