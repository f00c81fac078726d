import { describe, expect, it } from 'vitest';
import { auditUploadResult, districtAuditEntrySchema, newId } from '../../contract';
import { callOrThrow } from '../../db/core';
import { addOkaforFamily } from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * Every computer's audit log reaches the district (db/sync/audit-upload.ts,
 * server/routes/audit.ts), where administrators read it and nothing can change it.
 */
const BACKENDS = serverBackends();

describe.each(BACKENDS)('the audit log at the district on $name', ({ open }) => {
  const { district, device } = districtFixture(open);

  it('a nurse’s reads on the clinic laptop are listed for the district, once, unchangeable', async () => {
    const d = await district();
    const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const laptop = await device(d, 'Clinic laptop');
    await laptop.signIn(nia);
    const { student } = addOkaforFamily(laptop.core);
    callOrThrow(laptop.core, 'note.create', {
      studentId: student.id,
      visibility: 'team:health',
      subject: 'Nurse',
      body: 'AUDIT-5521 inhaler before recess',
    });
    callOrThrow(laptop.core, 'note.forStudent', { studentId: student.id });
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
});
