import { describe, expect, it, vi } from 'vitest';
import { MAX_PUSH_CHANGES, newId, pushResultSchema, type PushChange } from '../../contract';
import { callOrThrow } from '../../db/core';
import { startSyncAgent } from '../../db/sync/agent';
import { SyncFailure } from '../../db/sync/client';
import {
  DISTRICT_PASSWORD,
  householdCreation,
  injectTransport,
  type Device,
  type District,
} from '../district';
import { districtFixture } from '../district-fixture';
import { medOrder } from '../fixtures';
import { serverBackends } from '../server-backends';

/**
 * What sync lets through: only what a device's staff may see comes down, restricted content
 * stays sealed on the server and out of its logs, and every push is checked (school, team,
 * author, device) with refusals reported, never dropped.
 */
const BACKENDS = serverBackends();

const count = (device: Device, sql: string, ...params: unknown[]) =>
  (device.core.store.db.prepare(sql).get(...params) as { n: number }).n;

describe.each(BACKENDS)('sync privacy and permissions on $name', ({ open }) => {
  const { district, device } = districtFixture(open);

  async function school() {
    const d = await district();
    const nurse = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const office = await d.addStaff('Omar Office', 'front_office', []);
    const clinic = await device(d, 'Clinic');
    const desk = await device(d, 'Front desk');
    await clinic.signIn(nurse);
    await desk.signIn(office);
    const student = callOrThrow(clinic.core, 'student.create', {
      firstName: 'Tobi',
      lastName: 'Okafor',
      grade: '3',
    });
    return { d, nurse, office, clinic, desk, student };
  }

  async function serverText(d: District) {
    const rows = await d.db.query<{ text: string }>(
      `SELECT string_agg(data::text, ' ') AS text FROM records
       UNION ALL SELECT string_agg(wire, ' ') FROM sync_log`,
    );
    return rows.map((r) => r.text).join(' ');
  }

  it('carries a visit to the nurse, a health profile and medications sealed: the desk learns only that the student is with the nurse, and the flag the family agreed to', async () => {
    const { d, clinic, desk, student } = await school();
    callOrThrow(clinic.core, 'health.visitStart', {
      studentId: student.id,
      reason: 'injury',
      assessment: 'NURSE-VISIT-5150 sprained wrist',
    });
    callOrThrow(clinic.core, 'health.saveProfile', {
      studentId: student.id,
      consent: 'agreed',
      allergies: [{ allergen: 'NURSE-ALLERGY-8812', severity: 'severe', reaction: null }],
      conditions: [],
      carePlan: { summary: 'Epinephrine', keptAt: null, prescriber: null, reviewOn: null },
    });
    const order = callOrThrow(clinic.core, 'health.saveMedOrder', {
      ...medOrder(student.id),
      medication: 'NURSE-MED-3141 methylphenidate',
    });
    callOrThrow(clinic.core, 'health.recordDose', {
      orderId: order.id,
      slot: '11:30',
      outcome: 'refused',
      note: 'NURSE-DOSE-2718 spat it out',
    });
    await clinic.sync();
    await desk.sync();
    expect(callOrThrow(desk.core, 'health.withNurse', {})).toMatchObject([
      { studentId: student.id, releaseToCaregiver: false },
    ]);
    expect(callOrThrow(desk.core, 'health.flag', { studentId: student.id })).toEqual({
      carePlan: true,
    });
    const onDesk = JSON.stringify(
      desk.core.store.db
        .prepare('SELECT * FROM health_visits, health_profiles, med_orders, med_doses')
        .all(),
    );
    expect(count(desk, 'SELECT count(*) AS n FROM med_doses')).toBe(1);
    const text = await serverText(d);
    for (const secret of [
      'NURSE-VISIT-5150',
      'sprained',
      'NURSE-ALLERGY-8812',
      'injury',
      'NURSE-MED-3141',
      'NURSE-DOSE-2718',
    ]) {
      expect(onDesk).not.toContain(secret);
      expect(text).not.toContain(secret);
      expect(d.logs()).not.toContain(secret);
    }
  });

  it('sends restricted notes sealed, only to devices whose staff may see them, and takes them back when scope shrinks', async () => {
    const { d, office, clinic, desk, student } = await school();
    const note = (visibility: 'staff' | 'team:health' | 'private', body: string) =>
      callOrThrow(clinic.core, 'note.create', {
        studentId: student.id,
        visibility,
        subject: 'Check-in',
        body,
      });
    note('staff', 'Shared with all staff');
    note('team:health', 'HEALTH-BODY-7731 inhaler twice daily');
    note('private', 'PRIVATE-BODY-4410 my own reminder');
    await clinic.sync();
    await desk.sync();

    expect(count(desk, 'SELECT count(*) AS n FROM notes')).toBe(1);
    expect(count(desk, `SELECT count(*) AS n FROM notes WHERE visibility = 'staff'`)).toBe(1);
    const text = await serverText(d);
    expect(text).toContain('Shared with all staff');
    expect(text).toContain('"sealed"');
    for (const secret of [
      'HEALTH-BODY-7731',
      'PRIVATE-BODY-4410',
      'inhaler',
      desk.token,
      DISTRICT_PASSWORD,
    ]) {
      expect(text).not.toContain(secret);
      expect(d.logs()).not.toContain(secret);
    }

    // Omar joins the health team: his desk pulls again from the start and gets the sealed note.
    const patch = (teams: string[]) =>
      d.send('PATCH', `/v1/admin/staff/${office.id}`, { teams }, d.adminToken);
    expect((await patch(['health'])).status).toBe(200);
    await desk.sync();
    expect(count(desk, `SELECT count(*) AS n FROM notes WHERE visibility = 'team:health'`)).toBe(1);
    expect(count(desk, `SELECT count(*) AS n FROM notes WHERE visibility = 'private'`)).toBe(0);
    expect(
      desk.core.store.db.prepare(`SELECT body FROM notes WHERE visibility = 'team:health'`).get(),
    ).toEqual({ body: null });
    // And leaves it: the next sync removes what he no longer may see.
    await patch([]);
    await desk.sync();
    expect(count(desk, `SELECT count(*) AS n FROM notes WHERE visibility = 'team:health'`)).toBe(0);
    expect(count(desk, 'SELECT count(*) AS n FROM notes')).toBe(1);
    expect(count(clinic, 'SELECT count(*) AS n FROM notes')).toBe(3);
  });

  it('refuses changes a device may not make, says why, and the device undoes them', async () => {
    const { d, nurse, office, clinic, desk, student } = await school();
    await clinic.sync();
    const created = callOrThrow(clinic.core, 'note.create', {
      studentId: student.id,
      visibility: 'team:health',
      subject: 'Allergy',
      body: 'Peanuts',
    });
    if (created.access !== 'open') throw new Error('the nurse reads her own note');
    const healthNote = created;
    await clinic.sync();
    await desk.sync();
    const noteRecord = (
      await d.db.query<{ data: Record<string, unknown> }>(
        `SELECT data FROM records WHERE tbl = 'notes' AND id = $1`,
        [healthNote.revisionId],
      )
    )[0]?.data as Record<string, unknown>;
    const staffNote = {
      ...noteRecord,
      id: newId(),
      noteId: '',
      visibility: 'staff',
      subject: 'x',
      body: 'y',
      sealed: null,
    };
    staffNote.noteId = staffNote.id;
    const change = (over: Partial<PushChange>): PushChange => ({
      seq: 1,
      table: 'households',
      rowId: newId(),
      hlc: `${String(Date.now()).padStart(15, '0')}.000000.forged`,
      by: office.id,
      insert: true,
      values: { id: '', schoolId: d.schoolId, name: 'Forged', address: null },
      ...over,
    });
    // A modified copy of Hearth, signed in as Omar, sending whatever it likes.
    const rogue = await device(d, 'Rogue');
    await rogue.signIn(office);
    const push = (changes: PushChange[]) => rogue.transport.push({ basedOn: 0, changes });
    const other = await d.send(
      'POST',
      '/v1/admin/schools',
      { name: 'Hillside', timeZone: 'UTC' },
      d.adminToken,
    );
    const noteEdit = change({
      seq: 103,
      table: 'notes',
      rowId: healthNote.revisionId,
      insert: false,
      values: { subject: 'Changed' },
    });
    const result = await push([
      change({ seq: 101, by: nurse.id }),
      change({ seq: 102, values: { schoolId: other.body.id, name: 'Elsewhere', address: null } }),
      noteEdit,
      change({
        seq: 104,
        table: 'notes',
        rowId: staffNote.id,
        values: { ...staffNote, authorId: nurse.id },
      }),
      change({
        seq: 105,
        table: 'notes',
        rowId: newId(),
        values: { ...noteRecord, authorId: office.id },
      }),
      change({
        seq: 106,
        table: 'staff',
        rowId: office.id,
        insert: false,
        values: { role: 'administrator' },
      }),
      change({
        seq: 107,
        table: 'contacts',
        values: {
          id: '',
          schoolId: d.schoolId,
          personId: null,
          studentIds: [],
          kind: 'call',
          direction: 'school_to_family',
          tone: 'concern',
          language: null,
          interpreterUsed: false,
          summary: 'Said to be the nurse',
          staffId: nurse.id,
          occurredAt: new Date().toISOString(),
          visitId: null,
          householdId: null,
          homeVisitId: null,
          correctsId: null,
          recordedBy: null,
        },
      }),
      // Each member chooses their own language, and only that.
      change({
        seq: 108,
        table: 'staff',
        rowId: office.id,
        insert: false,
        values: { language: 'es' },
      }),
      change({
        seq: 109,
        table: 'staff',
        rowId: nurse.id,
        insert: false,
        values: { language: 'es' },
      }),
      change({ seq: 110 }),
    ]);
    expect(result.acknowledged).toBe(110);
    const reasons = Object.fromEntries(result.outcomes.map((o) => [o.seq, [o.status, o.reason]]));
    expect(reasons).toEqual({
      101: [
        'rejected',
        'It was made by someone who has not signed in to the district on this computer.',
      ],
      102: ['rejected', 'A record cannot be moved to another school.'],
      103: ['rejected', 'Notes are never changed once written; an edit adds a new revision.'],
      104: ['rejected', 'A note can only be written by its author.'],
      105: ['rejected', 'Only members of that team can write notes for it.'],
      106: ['rejected', 'Schools and staff are managed by the district, not on this computer.'],
      109: ['rejected', 'Schools and staff are managed by the district, not on this computer.'],
      107: [
        'rejected',
        'Only an administrator records a contact someone else made, and the contact says so.',
      ],
    });
    // The note the desk may not read is not described to it: no values, "missing".
    expect(result.outcomes.find((o) => o.seq === 103)).toMatchObject({
      current: {},
      missing: true,
    });
    expect(
      await d.db.query(`SELECT data->>'name' AS name FROM records WHERE tbl = 'households'`),
    ).toEqual([{ name: 'Forged' }]);
    expect(
      await d.db.query(
        `SELECT id, data->>'language' AS language FROM records WHERE tbl = 'staff' AND id IN ($1, $2) ORDER BY data->>'language'`,
        [office.id, nurse.id],
      ),
    ).toEqual([
      { id: office.id, language: 'es' },
      { id: nurse.id, language: null },
    ]);
    // A retry gets the same answers and applies nothing twice.
    const again = await push([noteEdit]);
    expect(again.outcomes[0]).toMatchObject({ status: 'rejected', reason: reasons[103]?.[1] });

    // A real device: Omar is deactivated while his desk is offline with a new family on it.
    callOrThrow(desk.core, 'household.create', { name: 'Ngata', address: null });
    await d.send('PATCH', `/v1/admin/staff/${office.id}`, { active: false }, d.adminToken);
    await desk.sync();
    expect(desk.core.store.db.prepare('SELECT tbl, reason FROM sync_rejections').all()).toEqual([
      {
        tbl: 'households',
        reason: 'It was made by someone who has not signed in to the district on this computer.',
      },
    ]);
    expect(count(desk, `SELECT count(*) AS n FROM households WHERE name = 'Ngata'`)).toBe(0);
    expect(desk.core.sync.pending()).toBe(0);
  });

  it('refuses text with a lone surrogate, which no keyboard types and storage would change', async () => {
    const { d, office, desk } = await school();
    await desk.sync();
    const rowId = newId();
    const reply = await d.send(
      'POST',
      '/v1/sync/push',
      {
        basedOn: 0,
        changes: [
          householdCreation({
            rowId,
            schoolId: d.schoolId,
            by: office.id,
            node: 'desk',
            name: 'Okafor \uD800',
          }),
        ],
      },
      desk.token,
    );
    expect(reply.status).toBe(200);
    const { outcomes } = pushResultSchema.parse(reply.body);
    expect(outcomes).toMatchObject([{ seq: 1, status: 'rejected' }]);
    expect(outcomes[0]?.reason).toMatch(/name: contains characters/);
    expect(await d.db.query('SELECT 1 FROM records WHERE id = $1', [rowId])).toEqual([]);
  });

  it('refuses malformed, oversized and unauthenticated batches whole', async () => {
    const { d, office, desk } = await school();
    await desk.sync();
    const before = await d.db.query('SELECT count(*)::int AS n FROM sync_log');
    const valid = {
      seq: 1,
      table: 'households',
      rowId: newId(),
      hlc: `${String(Date.now()).padStart(15, '0')}.000000.desk`,
      by: office.id,
      insert: true,
      values: { schoolId: d.schoolId, name: 'Ok', address: null },
    };
    const attempts: [unknown, number, string][] = [
      [
        { basedOn: 0, changes: [valid, { ...valid, seq: 2, table: 'sqlite_master' }] },
        400,
        'VALIDATION',
      ],
      [
        { basedOn: 0, changes: [valid, { ...valid, seq: 2, values: { 'name; DROP TABLE x': 1 } }] },
        400,
        'VALIDATION',
      ],
      [{ basedOn: 0, changes: [{ ...valid, seq: 2 }, valid] }, 400, 'VALIDATION'],
      [
        {
          basedOn: 0,
          changes: Array.from({ length: MAX_PUSH_CHANGES + 1 }, (_, i) => ({
            ...valid,
            seq: i + 1,
          })),
        },
        400,
        'VALIDATION',
      ],
      [
        {
          basedOn: 0,
          changes: [{ ...valid, values: { ...valid.values, address: 'x'.repeat(9_000_000) } }],
        },
        413,
        'VALIDATION',
      ],
      [
        {
          basedOn: 0,
          changes: [
            {
              ...valid,
              hlc: `${String(Date.now() + 26 * 3600_000).padStart(15, '0')}.000000.desk`,
            },
          ],
        },
        400,
        'CLOCK_AHEAD',
      ],
    ];
    for (const [body, status, code] of attempts) {
      const reply = await d.send('POST', '/v1/sync/push', body, desk.token);
      expect([reply.status, reply.body.code]).toEqual([status, code]);
    }
    expect(await d.db.query('SELECT count(*)::int AS n FROM sync_log')).toEqual(before);
    expect(
      await d.db.query(`SELECT pushed_seq::int AS n FROM devices WHERE id = $1`, [
        desk.serverDeviceId,
      ]),
    ).toEqual([{ n: 0 }]);

    // No token, a made-up one, and a revoked device.
    expect((await d.send('GET', '/v1/sync/pull?after=0')).status).toBe(401);
    expect((await d.send('GET', '/v1/sync/pull?after=0', undefined, 'hd_forged')).status).toBe(401);
    // A stranger's batch, well-formed or not, hears only that they are not signed in.
    for (const token of [undefined, 'hd_forged'])
      for (const body of [{ basedOn: 0, changes: [] }, { changes: 'not a batch' }])
        expect(await d.send('POST', '/v1/sync/push', body, token)).toMatchObject({
          status: 401,
          body: { code: 'UNAUTHORIZED' },
        });
    await d.send('POST', `/v1/admin/devices/${desk.serverDeviceId}/revoke`, {}, d.adminToken);
    for (const body of [{ basedOn: 0, changes: [] }, { changes: 'not a batch' }])
      expect(await d.send('POST', '/v1/sync/push', body, desk.token)).toMatchObject({
        status: 401,
        body: { code: 'DEVICE_REVOKED' },
      });
    const failure = await desk.sync().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect(failure).toMatchObject({ code: 'DEVICE_REVOKED', retry: false });
    // The app's background sync hears the same, locks the desk, and refuses sign-in.
    const agent = startSyncAgent(desk.core, { transport: () => desk.transport });
    await vi.waitFor(() => expect(desk.core.syncLive.state).toBe('stopped'));
    agent.stop();
    expect(callOrThrow(desk.core, 'app.status', {}).staff).toBeNull();
    const signIn = desk.core.call('session.signIn', {
      staffId: office.id,
      password: DISTRICT_PASSWORD,
    });
    expect(signIn).toMatchObject({ ok: false, error: { code: 'DEVICE_REVOKED' } });
  });

  it('keeps each school to its own records', async () => {
    const { d, clinic, student } = await school();
    await clinic.sync();
    const other = await d.send(
      'POST',
      '/v1/admin/schools',
      { name: 'Hillside', timeZone: 'UTC' },
      d.adminToken,
    );
    const hillNurse = await d.addStaff('Hana Hill', 'nurse', ['health'], other.body.id as string);
    const hill = await device(d, 'Hillside clinic', { schoolId: other.body.id as string });
    await hill.signIn(hillNurse);
    await hill.sync();
    expect(count(hill, 'SELECT count(*) AS n FROM students')).toBe(0);
    expect(count(hill, 'SELECT count(*) AS n FROM schools')).toBe(1);
    expect(count(hill, 'SELECT count(*) AS n FROM staff')).toBe(1);
    // Writing to Riverside's student from Hillside is refused exactly as writing to a student
    // no one has: it learns nothing, not even that the id exists.
    const change = (seq: number, rowId: string) => ({
      seq,
      table: 'students',
      rowId,
      hlc: `${String(Date.now()).padStart(15, '0')}.000000.hill`,
      by: hillNurse.id,
      insert: false,
      values: { grade: '4' },
    });
    const result = await injectTransport(d, hill.token).push({
      basedOn: 0,
      changes: [change(1, student.id), change(2, newId())],
    });
    const refused = {
      status: 'rejected',
      reason: 'That record is not on the district server.',
      current: {},
      overwrote: {},
      missing: true,
    };
    expect(result.outcomes).toEqual([
      { seq: 1, ...refused },
      { seq: 2, ...refused },
    ]);
  });
});
