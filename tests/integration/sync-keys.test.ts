import { describe, expect, it, vi } from 'vitest';
import { deviceSignInResult, type ErrorCode, type StaffKeyRecord } from '../../contract';
import { SyncAgent } from '../../db/sync/agent';
import { SyncFailure, refusalWords } from '../../db/sync/client';
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

describe.each(BACKENDS)('keys across computers on $name', ({ open }) => {
  const { district, device } = districtFixture(open);

  const notesOf = (dev: Device, studentId: string) =>
    callOrThrow(dev.core, 'note.forStudent', { studentId }).map((n) =>
      n.access === 'open' ? n.body : n.waitingForKey ? 'waiting for key' : 'see the team',
    );
  const signInHere = (dev: Device, staffId: string) =>
    callOrThrow(dev.core, 'session.signIn', { staffId, password: DISTRICT_PASSWORD });

  /**
   * Nia writes on the clinic laptop; Noor signs in at the front desk through the district, and
   * the laptop's next sync shares the health key with her.
   */
  async function twoNursesSharing() {
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
    return { d, nia, noor, laptop, desk, student };
  }

  it('a health note written on the clinic laptop opens for the other nurse at the front desk, and for no one else', async () => {
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
    // Nia's laptop learns Noor's district key and shares the health key with her in the same
    // sync; Noor's next sync brings it.
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

    // The same share twice in one upload is taken once, not answered with a server error.
    const noorsShare = (await desk.transport.keys({ shares: [] })).shares.find(
      (s) => s.staffId === noor.id,
    );
    if (!noorsShare) throw new Error('the desk should have the share Nia made for Noor');
    const noorsRow = 'SELECT 1 FROM team_key_shares WHERE staff_id = $1 AND version = $2';
    await d.db.query(noorsRow.replace('SELECT 1', 'DELETE'), [noor.id, noorsShare.version]);
    await laptop.transport.keys({ shares: [noorsShare, noorsShare] });
    expect(await d.db.query(noorsRow, [noor.id, noorsShare.version])).toHaveLength(1);
  });

  it('a nurse taken off the health team loses its keys everywhere, and notes written after open only for the team', async () => {
    const { d, nia, noor, laptop, desk, student } = await twoNursesSharing();

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
    expect(notesOf(desk, student.id)).not.toContain('AFTER-2291 written after Noor left the team');
  });

  it('a share for a key version the district never saw, stamped ahead of its clock, is refused', async () => {
    const { d, noor, laptop, desk } = await twoNursesSharing();
    const [real] = (await desk.transport.keys({ shares: [] })).shares;
    if (!real) throw new Error('Noor should hold a share of the health key');

    // A key planted two days ahead would be every computer's newest until then, so notes
    // written after a rotation (a member leaving) would still be sealed with it.
    const DAY = 86_400_000;
    const ahead = Date.now() + 2 * DAY;
    const offlineEarlier = Date.now() - DAY;
    await laptop.transport.keys({
      shares: [ahead, offlineEarlier].map((version) => ({ ...real, version })),
    });
    const versions = await d.db.query<{ version: string }>(
      'SELECT version FROM team_key_shares WHERE staff_id = $1',
      [noor.id],
    );
    // A new version stamped earlier (made on a computer that was offline) is kept.
    expect(versions.map((v) => Number(v.version)).sort()).toEqual(
      [real.version, offlineEarlier].sort(),
    );
    const noorsVersions = (await desk.transport.keys({ shares: [] })).shares.map((s) => s.version);
    expect(noorsVersions).not.toContain(ahead);
  });

  it('keys the district never received (a first sign-in cut short) reach it at the next sign-in here', async () => {
    const d = await district();
    const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const desk = await device(d, 'Front desk');
    const signInWith = async (staffId: string, password: string, keys?: StaffKeyRecord) => {
      const reply = await d.send(
        'POST',
        '/v1/device/sign-in',
        { staffId, password, ...(keys ? { keys } : {}) },
        desk.token,
      );
      if (reply.status !== 200)
        throw new SyncFailure(
          reply.body.code as ErrorCode,
          refusalWords(reply.status, reply.body),
          false,
        );
      return deviceSignInResult.parse(reply.body).keys;
    };
    // The district checked Nia's password, then the connection dropped before her keys went up.
    expect(await signInWith(nia.id, DISTRICT_PASSWORD)).toBeNull();
    await desk.sync();
    expect(desk.core.sync.rememberSignIn(nia.id, DISTRICT_PASSWORD, null)).not.toBeNull();
    expect(await d.db.query('SELECT 1 FROM staff_keys')).toEqual([]);

    // She signs in here again, offline-capable as always; the agent settles her keys.
    const agent = new SyncAgent(desk.core.sync, desk.core.syncLive, {
      transport: () => desk.transport,
      access: {
        enroll: () => Promise.reject(new Error('already enrolled')),
        signIn: (_c, id, pw, keys) => signInWith(id, pw, keys),
      },
    });
    try {
      signInHere(desk, nia.id);
      await vi.waitFor(
        async () =>
          expect(await d.db.query('SELECT staff_id FROM staff_keys')).toEqual([
            { staff_id: nia.id },
          ]),
        { timeout: 5_000 },
      );
      // Her keys are now the district's, so the check is not repeated at the next sign-in.
      await vi.waitFor(() => expect(desk.core.syncLive.state).toBe('waiting'));
      signInHere(desk, nia.id);
      expect(desk.core.syncLive.pending.keyCheck).toBeNull();
    } finally {
      agent.stop();
    }
  });

  it('a computer that made its own keys for someone moves to their district keys without losing a note', async () => {
    const d = await district();
    const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const desk = await device(d, 'Front desk');
    const laptop = await device(d, 'Clinic laptop');
    // The desk made keys of its own for Nia, and she wrote a health note there with them.
    await d.send(
      'POST',
      '/v1/device/sign-in',
      { staffId: nia.id, password: DISTRICT_PASSWORD },
      desk.token,
    );
    await desk.sync();
    desk.core.sync.rememberSignIn(nia.id, DISTRICT_PASSWORD, null);
    signInHere(desk, nia.id);
    const { student } = addOkaforFamily(desk.core);
    callOrThrow(desk.core, 'note.create', {
      studentId: student.id,
      visibility: 'team:health',
      subject: 'Nurse',
      body: 'DESK-5512 written with the desk’s own keys',
    });
    // Her laptop's keys reached the district first; the desk adopts them.
    await laptop.signIn(nia);
    const [record] = await d.db.query<{ record: StaffKeyRecord }>('SELECT record FROM staff_keys');
    expect(
      desk.core.sync.rememberSignIn(nia.id, DISTRICT_PASSWORD, record?.record ?? null),
    ).toBeNull();
    const recipients = desk.core.store.db
      .prepare('SELECT DISTINCT recipient_key FROM team_keys WHERE staff_id = ?')
      .all(nia.id) as { recipient_key: Buffer }[];
    expect(recipients.map((r) => r.recipient_key.toString('base64'))).toEqual([
      record?.record.publicKey,
    ]);
    signInHere(desk, nia.id);
    expect(notesOf(desk, student.id)).toEqual(['DESK-5512 written with the desk’s own keys']);
    // And the desk's key for that note reaches her laptop.
    await desk.sync();
    await desk.sync();
    await laptop.sync();
    expect(notesOf(laptop, student.id)).toEqual(['DESK-5512 written with the desk’s own keys']);
  });
});
