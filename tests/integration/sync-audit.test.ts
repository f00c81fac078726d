import { describe, expect, it } from 'vitest';
import { auditUploadResult, districtAuditEntrySchema, newId } from '../../contract';
import { callOrThrow } from '../../db/core';
import { DISTRICT_PASSWORD, addOkaforFamily, type District } from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * Every computer's audit log reaches the district (db/sync/audit-upload.ts,
 * server/routes/audit.ts), where administrators read it and nothing can change it.
 */
const BACKENDS = serverBackends();

describe.each(BACKENDS)('the audit log at the district on $name', ({ open }) => {
  const { district, device } = districtFixture(open);

  /** The nurse writes a health-team note on the clinic laptop and reads it back. */
  async function nurseNote(d: District, body: string) {
    const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const laptop = await device(d, 'Clinic laptop');
    await laptop.signIn(nia);
    const { student } = addOkaforFamily(laptop.core);
    callOrThrow(laptop.core, 'note.create', {
      studentId: student.id,
      visibility: 'team:health',
      subject: 'Nurse',
      body,
    });
    callOrThrow(laptop.core, 'note.forStudent', { studentId: student.id });
    return { nia, laptop, student };
  }

  it('a nurse’s reads on the clinic laptop are listed for the district, once, unchangeable', async () => {
    const d = await district();
    const { nia, laptop, student } = await nurseNote(d, 'AUDIT-5521 inhaler before recess');
    const local = laptop.core.store.db.prepare('SELECT count(*) AS n FROM audit_events').get() as {
      n: number;
    };
    expect(local.n).toBeGreaterThanOrEqual(2);
    await laptop.sync();

    const listed = await d.send(
      'GET',
      `/v1/admin/audit?schoolId=${d.schoolId}`,
      undefined,
      d.adminToken,
    );
    expect(listed.status).toBe(200);
    const entries = districtAuditEntrySchema.array().parse(listed.body);
    expect(entries).toHaveLength(local.n);
    expect(new Set(entries.map((e) => e.action))).toEqual(new Set(['create', 'read']));
    for (const entry of entries)
      expect(entry).toMatchObject({
        staffId: nia.id,
        studentId: student.id,
        deviceId: laptop.serverDeviceId,
        deviceName: 'Clinic laptop',
      });
    // Newest first, a page at a time.
    const [first, ...rest] = entries;
    const next = await d.send(
      'GET',
      `/v1/admin/audit?schoolId=${d.schoolId}&limit=1&before=${first?.id}`,
      undefined,
      d.adminToken,
    );
    expect(next.body).toEqual(rest.slice(0, 1));
    // The audit log itself holds no note text.
    expect(JSON.stringify(await d.db.query('SELECT * FROM audit_log'))).not.toContain('AUDIT-5521');

    // Sent again (an answer lost on the way back): nothing is stored twice.
    const again = laptop.core.store.db.prepare(
      "UPDATE meta SET value = '0' WHERE key = 'sync_audit_uploaded'",
    );
    again.run();
    await laptop.sync();
    const count = async () =>
      (await d.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]?.n;
    expect(await count()).toBe(local.n);

    // No one rewrites it, not even with SQL.
    await expect(d.db.query(`UPDATE audit_log SET action = 'read'`)).rejects.toThrow(/append-only/);
    await expect(d.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);

    // A malformed upload is refused whole; a device is not an administrator.
    const bad = await d.send(
      'POST',
      '/v1/device/audit',
      {
        entries: [{ ...entries[0], deviceId: undefined, deviceName: undefined, action: 'erase' }],
      },
      laptop.token,
    );
    expect(bad.status).toBe(400);
    expect(await count()).toBe(local.n);
    expect(
      (await d.send('GET', `/v1/admin/audit?schoolId=${d.schoolId}`, undefined, laptop.token))
        .status,
    ).toBe(401);
    expect((await d.send('POST', '/v1/device/audit', { entries: [] })).status).toBe(401);
  });

  it('keeps only entries naming someone who signed in on that computer, and counts the rest', async () => {
    const d = await district();
    const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const omar = await d.addStaff('Omar Office', 'front_office', []);
    const laptop = await device(d, 'Clinic laptop');
    await laptop.signIn(nia);
    await laptop.sync();
    // Another school's nurse, and a made-up id, on top of Omar who never signed in here.
    const otherSchool = newId();
    await d.db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Hillside', 'UTC')`, [
      otherSchool,
    ]);
    const stranger = newId();
    await d.db.query(
      `INSERT INTO staff_accounts (id, school_id, email, display_name, role, password_hash)
       VALUES ($1, $2, 'lee@hillside.example', 'Lee', 'nurse', 'x')`,
      [stranger, otherSchool],
    );
    await d.db.query('INSERT INTO device_users (device_id, staff_id) VALUES ($1, $2)', [
      laptop.serverDeviceId,
      stranger,
    ]);
    const entry = (staffId: string) => ({
      id: newId(),
      at: new Date().toISOString(),
      staffId,
      action: 'read',
      recordType: 'note',
      recordIds: [newId()],
      studentId: newId(),
      personId: null,
    });
    const honest = entry(nia.id);
    const forged = [entry(omar.id), entry(stranger), entry(newId())];
    const reply = await d.send(
      'POST',
      '/v1/device/audit',
      { entries: [honest, ...forged] },
      laptop.token,
    );
    expect(reply.status).toBe(200);
    const result = auditUploadResult.parse(reply.body);
    expect(result.stored).toBe(1);
    expect(result.refused.map((r) => r.id).sort()).toEqual(forged.map((e) => e.id).sort());
    expect(result.refused[0]?.reason).toMatch(/has not signed in on this computer/);
    const kept = await d.db.query<{ id: string }>('SELECT id FROM audit_log WHERE id = ANY($1)', [
      [honest, ...forged].map((e) => e.id),
    ]);
    expect(kept).toEqual([{ id: honest.id }]);
    const [counted] = await d.db.query<{ n: number }>(
      'SELECT audit_refused::int AS n FROM devices WHERE id = $1',
      [laptop.serverDeviceId],
    );
    expect(counted?.n).toBe(3);
  });
  it('lists entries across schools with names, narrowed by action and day, and as CSV, each administrator their own', async () => {
    const d = await district();
    const { laptop } = await nurseNote(d, 'Inhaler before recess');
    await laptop.sync();
    // Hillside's office computer sent one entry in January, by someone the district does not hold.
    const hillside = newId();
    await d.db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Hillside', 'UTC')`, [
      hillside,
    ]);
    const office = await device(d, 'Hillside office', { schoolId: hillside });
    await d.db.query(
      `INSERT INTO audit_log (id, school_id, device_id, staff_id, at, action, record_type,
         record_ids, student_id, person_id)
       VALUES ($1, $2, $3, $4, '2026-01-15T10:00:00Z', 'export', 'family_list', ARRAY[$5::uuid],
         NULL, NULL)`,
      [newId(), hillside, office.serverDeviceId, newId(), newId()],
    );
    const list = async (query: string, token = d.adminToken) => {
      const reply = await d.send('GET', `/v1/admin/audit?${query}`, undefined, token);
      return {
        status: reply.status,
        entries: reply.status === 200 ? districtAuditEntrySchema.array().parse(reply.body) : [],
      };
    };

    const all = await list('');
    expect(new Set(all.entries.map((e) => e.schoolName))).toEqual(
      new Set(['Riverside Elementary', 'Hillside']),
    );
    const riverside = all.entries.filter((e) => e.schoolName === 'Riverside Elementary');
    expect(riverside.length).toBeGreaterThanOrEqual(2);
    for (const entry of riverside)
      expect(entry).toMatchObject({ staffName: 'Nia Nurse', aboutName: 'Tobi Okafor' });
    expect(all.entries.at(-1)).toMatchObject({
      schoolName: 'Hillside',
      staffName: null,
      aboutName: null,
      deviceName: 'Hillside office',
      action: 'export',
    });
    expect((await list('action=read')).entries.every((e) => e.action === 'read')).toBe(true);
    expect((await list('action=read')).entries.length).toBeGreaterThan(0);
    expect((await list('from=2026-01-15&to=2026-01-15')).entries.map((e) => e.schoolName)).toEqual([
      'Hillside',
    ]);
    expect((await list('from=2026-01-16&to=2026-01-16')).entries).toEqual([]);
    expect((await list('to=2026-01-14')).entries).toEqual([]);
    expect((await list('action=erase')).status).toBe(400);
    expect((await list('from=15/01/2026')).status).toBe(400);

    // Hillside's own administrator: Hillside only, asked or not.
    const lee = await d.addStaff('Lee Admin', 'administrator', ['admin'], hillside);
    const session = await d.send('POST', '/v1/admin/sessions', {
      email: lee.email,
      password: DISTRICT_PASSWORD,
    });
    const leeToken = session.body.token as string;
    expect((await list('', leeToken)).entries.map((e) => e.schoolName)).toEqual(['Hillside']);
    expect((await list(`schoolId=${d.schoolId}`, leeToken)).status).toBe(403);

    // The same entries as CSV, with the names.
    const csv = await d.app.inject({
      method: 'GET',
      url: '/v1/admin/audit.csv?action=read',
      headers: { authorization: `Bearer ${d.adminToken}` },
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('hearth-audit-log.csv');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('When (UTC),School,Staff,Action,Record type,About,Computer,Records');
    expect(lines.slice(1)).toHaveLength((await list('action=read')).entries.length);
    expect(lines[1]).toMatch(
      /,Riverside Elementary,Nia Nurse,read,note,Tobi Okafor,Clinic laptop,/,
    );
  });
});
