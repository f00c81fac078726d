import { describe, expect, it } from 'vitest';
import { callOrThrow } from '../../db/core';
import { DISTRICT_PASSWORD, addOkaforFamily, type Device } from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * Team keys and staff keys travel through the district (contract/keys.ts): a health note
 * written on one computer opens for the health team on another, a person's own keys are the
 * same on every computer, and the server holds nothing it could open.
 */
const BACKENDS = serverBackends();

describe.each(BACKENDS)('keys across computers on $name', ({ open, skip }) => {
  const { district, device } = districtFixture(open);

  const notesOf = (dev: Device, studentId: string) =>
    callOrThrow(dev.core, 'note.forStudent', { studentId }).map((n) =>
      n.access === 'open' ? n.body : n.waitingForKey ? 'waiting for key' : 'see the team',
    );
  const signInHere = (dev: Device, staffId: string) =>
    callOrThrow(dev.core, 'session.signIn', { staffId, password: DISTRICT_PASSWORD });

  it.skipIf(skip)(
    'a health note written on the clinic laptop opens for the other nurse at the front desk, and for no one else',
    async () => {
      const d = await district();
      const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
      const noor = await d.addStaff('Noor Nurse', 'nurse', ['health']);
      const omar = await d.addStaff('Omar Office', 'front_office', []);
      const laptop = await device(d, 'Clinic laptop');
      const desk = await device(d, 'Front desk');

      await laptop.signIn(nia);
      const { student } = addOkaforFamily(laptop.core);
      for (const [visibility, body] of [
        ['team:health', 'HEALTH-7731 inhaler before recess'],
        ['private', 'PRIVATE-4410 call the clinic back'],
      ] as const)
        callOrThrow(laptop.core, 'note.create', {
          studentId: student.id,
          visibility,
          subject: 'Nurse',
          body,
        });
      await laptop.sync();

      // Noor signs in at the desk: the note is there, sealed, waiting for a key.
      await desk.signIn(noor);
      expect(notesOf(desk, student.id)).toEqual(['waiting for key']);
      // Nia's laptop learns Noor's district key and shares the health key with her.
      await laptop.sync();
      await laptop.sync();
      await desk.sync();
      expect(notesOf(desk, student.id)).toEqual(['HEALTH-7731 inhaler before recess']);

      // The front office at the same desk sees only that a health note exists.
      await desk.signIn(omar);
      expect(notesOf(desk, student.id)).toEqual(['see the team']);

      // Nia at the desk has the same keys as on her laptop: her private note opens too.
      await desk.signIn(nia);
      await desk.sync();
      expect(notesOf(desk, student.id).sort()).toEqual([
        'HEALTH-7731 inhaler before recess',
        'PRIVATE-4410 call the clinic back',
      ]);

      // The server keeps keys and shares, none of which opens anything without a password.
      const server = JSON.stringify([
        await d.db.query('SELECT * FROM staff_keys'),
        await d.db.query('SELECT * FROM team_key_shares'),
        await d.db.query('SELECT data FROM records'),
      ]);
      expect(server).toContain('sealedPrivateKey');
      for (const secret of ['HEALTH-7731', 'PRIVATE-4410', 'inhaler', DISTRICT_PASSWORD])
        expect(server).not.toContain(secret);
      const shares = await d.db.query<{ staff_id: string }>(
        'SELECT DISTINCT staff_id FROM team_key_shares ORDER BY staff_id',
      );
      expect(shares.map((s) => s.staff_id).sort()).toEqual([nia.id, noor.id].sort());
    },
  );

  it.skipIf(skip)(
    'a nurse taken off the health team loses its keys everywhere, and notes written after open only for the team',
    async () => {
      const d = await district();
      const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
      const noor = await d.addStaff('Noor Nurse', 'nurse', ['health']);
      const laptop = await device(d, 'Clinic laptop');
      const desk = await device(d, 'Front desk');
      await laptop.signIn(nia);
      const { student } = addOkaforFamily(laptop.core);
      await laptop.sync();
      await desk.signIn(noor);
      await laptop.sync();
      await laptop.sync();

      const removed = await d.send(
        'PATCH',
        `/v1/admin/staff/${noor.id}`,
        { teams: [] },
        d.adminToken,
      );
      expect(removed.status).toBe(200);
      expect(
        await d.db.query('SELECT 1 FROM team_key_shares WHERE staff_id = $1', [noor.id]),
      ).toEqual([]);
      await desk.sync();
      expect(
        desk.core.store.db
          .prepare('SELECT count(*) AS n FROM team_keys WHERE staff_id = ?')
          .get(noor.id),
      ).toEqual({ n: 0 });

      // Nia writes after the change, with a new key that Noor never receives.
      await laptop.sync();
      signInHere(laptop, nia.id);
      callOrThrow(laptop.core, 'note.create', {
        studentId: student.id,
        visibility: 'team:health',
        subject: 'Nurse',
        body: 'AFTER-2291 written after Noor left the team',
      });
      await laptop.sync();
      await desk.sync();
      expect(
        JSON.stringify(
          await d.db.query('SELECT * FROM team_key_shares WHERE staff_id = $1', [noor.id]),
        ),
      ).toBe('[]');
      signInHere(desk, noor.id);
      expect(notesOf(desk, student.id)).not.toContain(
        'AFTER-2291 written after Noor left the team',
      );
    },
  );
});
