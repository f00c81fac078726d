import { describe, expect, it } from 'vitest';
import { tempCore, ok, fail, snapshot } from '../helpers';
import type { Core } from '../../db/core';

function family(core: Core, pickup: 'allowed' | 'not_allowed' | 'see_office' = 'allowed') {
  const caregiver = ok(core, 'person.create', {
    firstName: 'María',
    lastName: 'Núñez',
    kind: 'caregiver',
    phones: ['(612) 555-0199'],
    homeLanguage: 'es',
    interpreter: 'spoken',
    channels: ['text', 'call'],
  });
  const student = ok(core, 'student.create', { firstName: 'Ana', lastName: 'Núñez', grade: '3' });
  ok(core, 'link.set', {
    studentId: student.id,
    personId: caregiver.id,
    relationship: 'Parent',
    legalGuardian: true,
    pickup,
    officeNote: pickup === 'allowed' ? null : 'Court order on file.',
  });
  return { caregiver, student };
}

describe('front desk operations', () => {
  it('refuses work before the school is set up, and demo data on a real school', () => {
    const core = tempCore();
    expect(fail(core, 'visit.inBuilding', {}).code).toBe('NOT_SET_UP');
    ok(core, 'setup.school', {
      schoolName: 'Lincoln',
      timeZone: 'America/Chicago',
      staffName: 'Pat',
      password: 'correct horse battery',
    });
    const before = snapshot(core);
    expect(fail(core, 'setup.demo', {}).code).toBe('ALREADY_SET_UP');
    expect(snapshot(core)).toBe(before);
    expect(ok(core, 'app.status', {}).setup).toBe('real');
  });

  it('gives the demo school a week and a half of front desk behind it, each visit a walk-in of its family, and an empty building today', () => {
    // A Wednesday, 9 a.m. in Chicago.
    const core = tempCore({ setup: 'demo', now: () => new Date('2026-12-02T15:00:00Z') });
    expect(ok(core, 'visit.inBuilding', {})).toEqual([]);
    expect(ok(core, 'visit.today', {}).visits).toEqual([]);
    const log = ok(core, 'visit.log', { from: '2026-11-19', to: '2026-12-02' });
    expect(log.total).toBeGreaterThanOrEqual(8 * 4);
    const days = new Set(log.rows.map((r) => r.signedInAt.slice(0, 10)));
    // Eight school days before today: no weekend, no today.
    expect([...days].sort()).toEqual([
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-30',
      '2026-12-01',
    ]);
    for (const row of log.rows) {
      const chicago = new Date(Date.parse(row.signedInAt) - 6 * 3_600_000);
      const minute = chicago.getUTCHours() * 60 + chicago.getUTCMinutes();
      expect(minute, row.signedInAt).toBeGreaterThanOrEqual(470);
      expect(minute, row.signedInAt).toBeLessThanOrEqual(920);
      expect(row.minutesStayed, row.signedInAt).toBeGreaterThan(0);
      expect(row.greetedByName).toMatch(/^(Denise Okafor|Marco Villanueva)$/);
      if (row.purpose === 'pickup' || row.purpose === 'drop_off')
        expect(row.students).toHaveLength(1);
    }
    expect(log.byStudent.some((s) => s.lateArrivals > 0)).toBe(true);
    expect(log.byStudent.some((s) => s.earlyDismissals > 0)).toBe(true);
    // Every visit is one walk-in in its family's history, at the time it began.
    const walkIns = core.store.db
      .prepare(
        `SELECT v.signed_in_at, count(c.id) AS n, min(c.occurred_at) AS at FROM visits v
         LEFT JOIN contacts c ON c.visit_id = v.id AND c.kind = 'walk_in' GROUP BY v.id`,
      )
      .all() as { signed_in_at: string; n: number; at: string }[];
    expect(walkIns).toHaveLength(log.total);
    for (const w of walkIns) expect(w).toMatchObject({ n: 1, at: w.signed_in_at });
  });

  it('signs a known visitor in and out, logging a walk-in contact and change-log entries in the same transaction', () => {
    const core = tempCore({ setup: 'school' });
    const { caregiver, student } = family(core);
    const logBefore = (
      core.store.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }
    ).n;
    const visit = ok(core, 'visit.signIn', {
      visitor: { personId: caregiver.id },
      studentIds: [student.id],
      purpose: 'pickup',
      seeing: 'Ms. Alvarez',
      language: 'es',
      interpreterUsed: true,
    });
    expect(visit).toMatchObject({
      visitorName: 'María Núñez',
      purpose: 'pickup',
      signedOutAt: null,
      pickupWarnings: [],
      pickupAcknowledgedAt: null,
      greetedByName: 'Pat Front',
    });
    expect(visit.students.map((s) => s.firstName)).toEqual(['Ana']);
    expect(ok(core, 'visit.inBuilding', {}).map((v) => v.id)).toEqual([visit.id]);

    const [contact] = ok(core, 'contact.forPerson', { personId: caregiver.id });
    expect(contact).toMatchObject({
      kind: 'walk_in',
      direction: 'family_to_school',
      visitId: visit.id,
      language: 'es',
      interpreterUsed: true,
      studentIds: [student.id],
    });
    const logged = core.store.db
      .prepare('SELECT tbl FROM change_log WHERE seq > ? ORDER BY seq')
      .all(logBefore);
    expect(logged).toEqual([{ tbl: 'visits' }, { tbl: 'contacts' }]);

    expect(
      fail(core, 'visit.signIn', { visitor: { personId: caregiver.id }, purpose: 'question' }),
    ).toMatchObject({ code: 'CONFLICT' });
    const out = ok(core, 'visit.signOut', { visitId: visit.id });
    expect(out.signedOutAt).not.toBeNull();
    expect(ok(core, 'visit.inBuilding', {})).toEqual([]);
    expect(fail(core, 'visit.signOut', { visitId: visit.id }).code).toBe('CONFLICT');
    const lastLog = core.store.db
      .prepare('SELECT tbl, fields FROM change_log ORDER BY seq DESC LIMIT 1')
      .get() as { tbl: string; fields: string };
    expect(lastLog.tbl).toBe('visits');
    expect(JSON.parse(lastLog.fields)).toEqual(['signedOutAt']);
  });

  it('requires an explicit acknowledgement for a restricted pickup and records it on the visit', () => {
    for (const pickup of ['not_allowed', 'see_office'] as const) {
      const core = tempCore({ setup: 'school' });
      const { caregiver, student } = family(core, pickup);
      const input = {
        visitor: { personId: caregiver.id },
        studentIds: [student.id],
        purpose: 'pickup' as const,
      };
      const before = snapshot(core);
      const refused = fail(core, 'visit.signIn', input);
      expect(refused.code).toBe('PICKUP_ACK_REQUIRED');
      expect(refused.details).toEqual([
        {
          studentId: student.id,
          studentName: 'Ana Núñez',
          status: pickup,
          officeNote: 'Court order on file.',
          allowed: [],
        },
      ]);
      expect(snapshot(core)).toBe(before);

      const visit = ok(core, 'visit.signIn', { ...input, acknowledgePickupWarnings: true });
      expect(visit.pickupWarnings).toHaveLength(1);
      expect(visit.pickupAcknowledgedAt).toBe(visit.signedInAt);
      // Not a pickup: the same person may come in for a meeting without a warning.
      ok(core, 'visit.signOut', { visitId: visit.id });
      expect(
        ok(core, 'visit.signIn', {
          visitor: { personId: caregiver.id },
          studentIds: [student.id],
          purpose: 'meeting',
        }).pickupWarnings,
      ).toEqual([]);
    }
  });

  it('warns when someone not on a student’s list tries to pick them up, including a new visitor', () => {
    const core = tempCore({ setup: 'school' });
    const { student } = family(core);
    const check = ok(core, 'visit.pickupCheck', {
      personId: ok(core, 'person.create', { firstName: 'Sam', kind: 'community_member' }).id,
      studentIds: [student.id],
    });
    expect(check.map((w) => w.status)).toEqual(['not_listed']);
    const refused = fail(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Stranger Danger' } },
      studentIds: [student.id],
      purpose: 'pickup',
    });
    expect(refused.code).toBe('PICKUP_ACK_REQUIRED');
    expect(ok(core, 'search.people', { text: 'stranger' })).toEqual([]);
  });

  it('will not let a stranger pick up unwarned: a pickup names its students, and a guardian’s yes is recorded', () => {
    const core = tempCore({ setup: 'school' });
    const { caregiver, student } = family(core);
    const before = snapshot(core);
    const unnamed = fail(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Stranger Danger' } },
      purpose: 'pickup',
    });
    expect(unnamed.code).toBe('VALIDATION');
    expect(unnamed.issues).toEqual([
      { path: 'studentIds', message: 'name the students being picked up' },
    ]);
    const stranger = {
      visitor: { newVisitor: { fullName: 'Stranger Danger' } },
      studentIds: [student.id],
      purpose: 'pickup' as const,
    };
    const refused = fail(core, 'visit.signIn', stranger);
    expect(refused.code).toBe('PICKUP_ACK_REQUIRED');
    // The desk sees who may pick Ana up, with a number to call.
    expect(refused.details).toEqual([
      {
        studentId: student.id,
        studentName: 'Ana Núñez',
        status: 'not_listed',
        officeNote: null,
        allowed: [
          {
            personId: caregiver.id,
            name: 'María Núñez',
            relationship: 'Parent',
            phone: '(612) 555-0199',
          },
        ],
      },
    ]);
    expect(snapshot(core)).toBe(before);

    const confirmation = { name: 'María Núñez', personId: caregiver.id, how: 'phone' as const };
    const visit = ok(core, 'visit.signIn', { ...stranger, guardianConfirmation: confirmation });
    expect(visit).toMatchObject({
      guardianConfirmation: confirmation,
      pickupAcknowledgedAt: visit.signedInAt,
      pickupWarnings: [{ status: 'not_listed' }],
    });
    // A pickup the list allows records no confirmation, even if one is sent.
    const allowed = ok(core, 'visit.signIn', {
      visitor: { personId: caregiver.id },
      studentIds: [student.id],
      purpose: 'pickup',
      guardianConfirmation: confirmation,
    });
    expect(allowed.guardianConfirmation).toBeNull();
  });

  it('marks a restricted person whatever they came for, and warns again if they leave as their student is dismissed', () => {
    let now = new Date('2026-12-03T15:00:00Z');
    const core = tempCore({ setup: 'school', now: () => now });
    const { caregiver: restricted, student } = family(core, 'not_allowed');
    const meeting = ok(core, 'visit.signIn', {
      visitor: { personId: restricted.id },
      purpose: 'meeting',
    });
    const caution = {
      studentId: student.id,
      studentName: 'Ana Núñez',
      status: 'not_allowed',
      officeNote: 'Court order on file.',
    };
    expect(meeting.cautions).toEqual([caution]);
    expect(ok(core, 'visit.inBuilding', {})[0]?.cautions).toEqual([caution]);

    // Ana's aunt comes for her early dismissal while María is still in her meeting.
    const aunt = ok(core, 'person.create', {
      firstName: 'Lucía',
      lastName: 'Núñez',
      kind: 'relative',
    });
    ok(core, 'link.set', { studentId: student.id, personId: aunt.id, relationship: 'Aunt' });
    now = new Date('2026-12-03T15:20:00Z');
    const dismissal = ok(core, 'visit.signIn', {
      visitor: { personId: aunt.id },
      studentIds: [student.id],
      purpose: 'pickup',
    });
    ok(core, 'visit.signOut', { visitId: dismissal.id });
    now = new Date('2026-12-03T15:30:00Z');
    const before = snapshot(core);
    const warned = fail(core, 'visit.signOut', { visitId: meeting.id });
    expect(warned.code).toBe('PICKUP_ACK_REQUIRED');
    expect(warned.details).toEqual([caution]);
    expect(snapshot(core)).toBe(before);
    const out = ok(core, 'visit.signOut', { visitId: meeting.id, acknowledgeWarnings: true });
    expect(out).toMatchObject({
      signedOutAt: now.toISOString(),
      signOutWarnings: [caution],
      signOutAcknowledgedAt: now.toISOString(),
    });

    // Long after the dismissal, leaving raises nothing.
    const later = ok(core, 'visit.signIn', {
      visitor: { personId: restricted.id },
      purpose: 'question',
    });
    now = new Date('2026-12-03T16:00:00Z');
    expect(ok(core, 'visit.signOut', { visitId: later.id }).signOutWarnings).toBeNull();
  });

  it('adds an unknown visitor with just a name and optional phone, findable and linkable later', () => {
    const core = tempCore({ setup: 'school' });
    const visit = ok(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Kofi Mensah Boateng', phone: '555-201-3344' } },
      purpose: 'volunteer',
    });
    expect(visit.visitorKind).toBe('visitor');
    const [hit] = ok(core, 'search.people', { text: '2013344' });
    expect(hit?.type === 'person' && hit.person).toMatchObject({
      firstName: 'Kofi',
      lastName: 'Mensah Boateng',
      kind: 'visitor',
    });
    const student = ok(core, 'student.create', {
      firstName: 'Ama',
      lastName: 'Boateng',
      grade: 'K',
    });
    ok(core, 'link.set', {
      studentId: student.id,
      personId: visit.personId as string,
      relationship: 'Uncle',
    });
    expect(
      ok(core, 'student.get', { id: student.id }).caregivers.map((c) => c.person.firstName),
    ).toEqual(['Kofi']);
  });

  it('signs everyone out at the end of the day and keeps today’s log searchable', () => {
    const core = tempCore({ setup: 'school' });
    const { caregiver } = family(core);
    ok(core, 'visit.signIn', {
      visitor: { personId: caregiver.id },
      purpose: 'meeting',
      seeing: 'Counselor',
    });
    ok(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Zoë Quigley' } },
      purpose: 'enrollment',
    });
    expect(ok(core, 'visit.signOutAll', {})).toEqual({ count: 2 });
    expect(ok(core, 'visit.inBuilding', {})).toEqual([]);
    expect(ok(core, 'visit.signOutAll', {})).toEqual({ count: 0 });
    const today = ok(core, 'visit.today', { text: '' });
    expect(today.total).toBe(2);
    expect(today.visits.every((v) => v.signedOutAt)).toBe(true);
    expect(ok(core, 'visit.today', { text: 'zoe' }).visits.map((v) => v.visitorName)).toEqual([
      'Zoë Quigley',
    ]);
    expect(ok(core, 'visit.today', { text: 'counse' }).visits.map((v) => v.visitorName)).toEqual([
      'María Núñez',
    ]);
  });

  it('counts today in the school’s time zone', () => {
    let now = new Date('2026-11-23T05:30:00Z'); // 23:30 on the 22nd in Chicago
    const core = tempCore({ now: () => now });
    ok(core, 'setup.school', {
      schoolName: 'Lincoln',
      timeZone: 'America/Chicago',
      staffName: 'Pat',
      password: 'correct horse battery',
    });
    ok(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Late Visitor' } },
      purpose: 'other',
    });
    now = new Date('2026-11-23T06:30:00Z'); // 00:30 on the 23rd in Chicago
    expect(ok(core, 'visit.today', { text: '' }).total).toBe(0);
  });

  it('changes a link in place rather than adding a second one', () => {
    const core = tempCore({ setup: 'school' });
    const { caregiver, student } = family(core);
    ok(core, 'link.set', {
      studentId: student.id,
      personId: caregiver.id,
      relationship: 'Parent',
      pickup: 'see_office',
      officeNote: 'Call dad first.',
    });
    const caregivers = ok(core, 'student.get', { id: student.id }).caregivers;
    expect(caregivers).toHaveLength(1);
    expect(caregivers[0]).toMatchObject({ pickup: 'see_office', officeNote: 'Call dad first.' });
  });
});
