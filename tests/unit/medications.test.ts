import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, medOrder } from '../fixtures';
import { healthSchool } from '../health-school';
import { fail, ok, snapshot } from '../helpers';

/** An order as the nurse types it; the school's clock is Chicago (9:00 at the start). */
const ORDER = { ...medOrder(''), instructions: 'With lunch.' };

function withOrder(order: Partial<Omit<typeof ORDER, 'studentId'>> = {}) {
  const school = healthSchool();
  school.as('Nia Nurse');
  const saved = ok(school.core, 'health.saveMedOrder', {
    ...ORDER,
    ...order,
    studentId: school.student.id,
  });
  const omar = ok(school.core, 'staff.list', {}).find((s) => s.displayName === 'Omar Office');
  return { ...school, order: saved, omarId: omar?.id ?? '' };
}

describe('medications at school', () => {
  it('keeps an order sealed for the health team; the front office may not read or write one', () => {
    const { core, order, student, as } = withOrder();
    expect(order).toMatchObject({
      status: 'active',
      studentName: 'Mia Lopez',
      supplyLeft: 30,
      content: { medication: 'Methylphenidate', times: ['11:30'] },
      doses: [],
    });
    const raw = JSON.stringify(core.store.db.prepare('SELECT * FROM med_orders').all());
    expect(raw).not.toContain('Methylphenidate');
    as('Omar Office');
    const before = snapshot(core);
    expect(fail(core, 'health.medOrders', { studentId: student.id }).code).toBe('UNAUTHORIZED');
    expect(fail(core, 'health.day', {}).code).toBe('UNAUTHORIZED');
    expect(
      fail(core, 'health.recordDose', { orderId: order.id, slot: '11:30', outcome: 'given' }).code,
    ).toBe('UNAUTHORIZED');
    expect(snapshot(core)).toBe(before);
  });

  it('asks a second member to check a dose where the order says so, with their own password', () => {
    const { core, order, omarId } = withOrder({ secondCheck: true });
    const dose = { orderId: order.id, slot: '11:30', outcome: 'given' } as const;
    const before = snapshot(core);
    expect(fail(core, 'health.recordDose', dose)).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'checker', message: 'needs a second staff member' }],
    });
    const nurseId = ok(core, 'app.status', {}).staff?.id ?? '';
    expect(
      fail(core, 'health.recordDose', {
        ...dose,
        checker: { staffId: nurseId, password: TEST_PASSWORD },
      }).code,
    ).toBe('VALIDATION');
    expect(snapshot(core)).toBe(before);
    expect(
      fail(core, 'health.recordDose', { ...dose, checker: { staffId: omarId, password: 'wrong' } })
        .code,
    ).toBe('WRONG_PASSWORD');
    // The wrong password counts against Omar, as at sign-in; nothing else was written.
    expect(
      core.store.db.prepare('SELECT staff_id, failed_attempts FROM sign_in_throttle').all(),
    ).toEqual([{ staff_id: omarId, failed_attempts: 1 }]);
    expect(core.store.db.prepare('SELECT COUNT(*) AS n FROM med_doses').get()).toEqual({ n: 0 });
    const given = ok(core, 'health.recordDose', {
      ...dose,
      checker: { staffId: omarId, password: TEST_PASSWORD },
    });
    expect(given).toMatchObject({
      forDay: '2026-12-04',
      recordedByName: 'Nia Nurse',
      checkedByName: 'Omar Office',
      content: { outcome: 'given', slot: '11:30', checkedBy: omarId },
    });
    // A dose refused needs no check.
    expect(
      ok(core, 'health.recordDose', { ...dose, outcome: 'refused', correctsId: given.id }).content,
    ).toMatchObject({ outcome: 'refused', checkedBy: null });
  });

  it('never edits an entry away: a correction is a new entry, and the supply counts what stands', () => {
    const { core, order, student } = withOrder();
    const given = ok(core, 'health.recordDose', {
      orderId: order.id,
      slot: '11:30',
      outcome: 'given',
    });
    expect(ok(core, 'health.medOrders', { studentId: student.id })[0]?.supplyLeft).toBe(29);
    const correction = ok(core, 'health.recordDose', {
      orderId: order.id,
      slot: '11:30',
      outcome: 'absent',
      note: 'Was on the field trip; entered by mistake.',
      correctsId: given.id,
    });
    const [shown] = ok(core, 'health.medOrders', { studentId: student.id });
    expect(shown?.supplyLeft).toBe(30);
    expect(shown?.doses.map((d) => [d.id, d.correctedById, d.correctsId])).toEqual([
      [correction.id, null, given.id],
      [given.id, correction.id, null],
    ]);
    expect(
      fail(core, 'health.recordDose', {
        orderId: order.id,
        slot: '11:30',
        outcome: 'missed',
        correctsId: given.id,
      }).code,
    ).toBe('CONFLICT');
    expect(
      fail(core, 'health.recordDose', { orderId: order.id, slot: '09:00', outcome: 'given' }),
    ).toMatchObject({ issues: [{ path: 'slot', message: 'is not one of this order’s times' }] });
  });

  it('records when a dose was given, never later than now; a correction keeps that time', () => {
    const { core, order } = withOrder({ times: ['08:30'] });
    const before = snapshot(core);
    // 9:00 in Chicago: 9:15 has not happened yet.
    expect(
      fail(core, 'health.recordDose', {
        orderId: order.id,
        slot: '08:30',
        outcome: 'given',
        at: '09:15',
      }),
    ).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'at', message: 'cannot be in the future' }],
    });
    expect(snapshot(core)).toBe(before);
    const given = ok(core, 'health.recordDose', {
      orderId: order.id,
      slot: '08:30',
      outcome: 'given',
      at: '08:35',
    });
    expect(given.content?.at).toBe('2026-12-04T14:35:00.000Z');
    expect(given.recordedAt).toBe('2026-12-04T15:00:00.000Z');
    const correction = ok(core, 'health.recordDose', {
      orderId: order.id,
      slot: '08:30',
      outcome: 'refused',
      correctsId: given.id,
    });
    expect(correction.content?.at).toBe('2026-12-04T14:35:00.000Z');
  });

  it('counts an evening dose against an evening count, by the school’s day, not UTC’s', () => {
    const { core, order, student, at } = withOrder({ times: [], asNeeded: true, supplyCount: 20 });
    // 8 p.m. in Chicago on 4 December is already 5 December in UTC.
    at('2026-12-05T02:00:00Z');
    ok(core, 'health.saveMedOrder', {
      ...ORDER,
      id: order.id,
      studentId: student.id,
      times: [],
      asNeeded: true,
      supplyCount: 6,
    });
    at('2026-12-05T03:00:00Z');
    ok(core, 'health.recordDose', { orderId: order.id, slot: null, outcome: 'given' });
    expect(ok(core, 'health.medOrders', { studentId: student.id })[0]?.supplyLeft).toBe(5);
    expect(
      ok(core, 'followUp.mine', {}).map((f) => (f.access === 'open' ? f.title : null)),
    ).toEqual(['Methylphenidate: 5 doses left at school. Ask the family for more.']);
  });

  it('raises one follow-up when the supply runs low, and one to renew the order before it ends', () => {
    const { core, order: first, student } = withOrder({ supplyCount: 6 });
    ok(core, 'health.recordDose', { orderId: first.id, slot: '11:30', outcome: 'given' });
    const followUps = () =>
      ok(core, 'followUp.mine', {}).map((f) =>
        f.access === 'open' ? [f.title, f.dueOn, f.visibility, f.status] : ['sealed'],
      );
    expect(followUps()).toEqual([
      [
        'Methylphenidate: 5 doses left at school. Ask the family for more.',
        '2026-12-04',
        'team:health',
        'open',
      ],
    ]);
    ok(core, 'health.recordDose', { orderId: first.id, slot: '11:30', outcome: 'given' });
    expect(followUps()).toHaveLength(1);
    expect(JSON.stringify(core.store.db.prepare('SELECT * FROM follow_ups').all())).not.toContain(
      'Methylphenidate',
    );

    const order = ok(core, 'health.saveMedOrder', {
      ...ORDER,
      studentId: student.id,
      medication: 'Albuterol',
      times: [],
      asNeeded: true,
      endOn: '2026-12-20',
    });
    const renewal = () => followUps().filter((f) => String(f[0]).startsWith('A medication order'));
    expect(renewal()).toEqual([
      [
        'A medication order ends on 2026-12-20: renew it with the family or let it end.',
        '2026-12-15',
        'team:health',
        'open',
      ],
    ]);
    const albuterol = { ...ORDER, studentId: student.id, medication: 'Albuterol', times: [] };
    const moved = ok(core, 'health.saveMedOrder', {
      ...albuterol,
      id: order.id,
      asNeeded: true,
      endOn: '2026-12-27',
    });
    // The new last day: the old follow-up is cancelled, one names the new day.
    const status = (id: string | null) =>
      (
        core.store.db.prepare('SELECT status FROM follow_ups WHERE id = ?').get(id) as {
          status: string;
        }
      ).status;
    expect(status(order.endingFollowUpId)).toBe('cancelled');
    expect(renewal()).toEqual([
      [
        'A medication order ends on 2026-12-27: renew it with the family or let it end.',
        '2026-12-22',
        'team:health',
        'open',
      ],
    ]);
    // Done, then the order changed otherwise: the follow-up stays as the nurse left it.
    ok(core, 'followUp.setStatus', { id: moved.endingFollowUpId ?? '', status: 'done' });
    const again = ok(core, 'health.saveMedOrder', {
      ...albuterol,
      id: order.id,
      asNeeded: true,
      endOn: '2026-12-27',
      instructions: 'Before recess.',
    });
    expect(again.endingFollowUpId).toBe(moved.endingFollowUpId);
    expect(renewal()).toEqual([]);
    expect(ok(core, 'health.stopMedOrder', { id: order.id }).status).toBe('stopped');
    expect(status(moved.endingFollowUpId)).toBe('done');
    // An order stopped before its renewal is dealt with takes the open follow-up with it.
    const ending = ok(core, 'health.saveMedOrder', {
      ...albuterol,
      asNeeded: true,
      endOn: '2027-01-10',
    });
    ok(core, 'health.stopMedOrder', { id: ending.id });
    expect(status(ending.endingFollowUpId)).toBe('cancelled');
    expect(
      fail(core, 'health.recordDose', { orderId: order.id, slot: null, outcome: 'given' }).code,
    ).toBe('CONFLICT');
  });
});

describe('the nurse’s day', () => {
  it('lists doses overdue, due and later, the as-needed orders, and care-plan students away', () => {
    const { core, student, mother, as, at } = withOrder({ times: ['08:00', '09:15', '13:00'] });
    const other = ok(core, 'student.create', { firstName: 'Ana', lastName: 'Diaz', grade: '5' });
    ok(core, 'health.saveMedOrder', {
      ...ORDER,
      studentId: other.id,
      medication: 'Albuterol',
      times: [],
      asNeeded: true,
    });
    // An order that ended yesterday is not due.
    ok(core, 'health.saveMedOrder', {
      ...ORDER,
      studentId: other.id,
      medication: 'Amoxicillin',
      endOn: '2026-12-03',
    });
    ok(core, 'health.saveProfile', {
      studentId: student.id,
      consent: 'declined',
      allergies: [],
      conditions: [{ kind: 'asthma', note: null }],
      carePlan: {
        summary: 'Inhaler, then call 911.',
        keptAt: null,
        prescriber: null,
        reviewOn: null,
      },
    });
    // 9:00 in Chicago.
    const day = ok(core, 'health.day', {});
    expect(day.doses.map((d) => [d.slot, d.state, d.medication])).toEqual([
      ['08:00', 'overdue', 'Methylphenidate'],
      ['09:15', 'due', 'Methylphenidate'],
      ['13:00', 'later', 'Methylphenidate'],
    ]);
    expect(day.asNeeded).toMatchObject([
      { studentName: 'Ana Diaz', medication: 'Albuterol', givenToday: 0 },
    ]);
    expect(day.carePlansAway).toEqual([]);

    const orderId = day.doses[0]?.orderId ?? '';
    ok(core, 'health.recordDose', { orderId, slot: '08:00', outcome: 'missed' });
    at('2026-12-04T16:00:00Z');
    as('Omar Office');
    ok(core, 'visit.signIn', {
      visitor: { personId: mother.id },
      studentIds: [student.id],
      purpose: 'pickup',
    });
    as('Nia Nurse');
    const later = ok(core, 'health.day', {});
    expect(later.doses.map((d) => [d.slot, d.state, d.recorded?.content?.outcome ?? null])).toEqual(
      [
        ['09:15', 'overdue', null],
        ['13:00', 'later', null],
        ['08:00', 'recorded', 'missed'],
      ],
    );
    expect(later.carePlansAway).toMatchObject([
      { studentName: 'Mia Lopez', why: 'dismissed', since: '2026-12-04T16:00:00.000Z' },
    ]);
  });
});

describe('the health team’s report', () => {
  it('counts visits by reason, hour and grade, and the entries that stand by what happened', () => {
    const { core, order, student, as, at } = withOrder({ times: ['11:30', '13:00'] });
    const other = ok(core, 'student.create', { firstName: 'Ana', lastName: 'Diaz', grade: '5' });
    const visit = (studentId: string, reason: 'illness' | 'injury') =>
      ok(core, 'health.visitEnd', {
        id: ok(core, 'health.visitStart', { studentId, reason }).id,
        reason,
        disposition: 'back_to_class',
      });
    visit(student.id, 'illness');
    at('2026-12-04T16:10:00Z');
    visit(other.id, 'injury');
    visit(student.id, 'illness');
    const given = ok(core, 'health.recordDose', {
      orderId: order.id,
      slot: '11:30',
      outcome: 'given',
    });
    ok(core, 'health.recordDose', {
      orderId: order.id,
      slot: '11:30',
      outcome: 'refused',
      correctsId: given.id,
    });
    ok(core, 'health.recordDose', { orderId: order.id, slot: '13:00', outcome: 'missed' });

    expect(ok(core, 'health.report', { from: '2026-12-01', to: '2026-12-04' })).toEqual({
      visits: 3,
      unreadable: 0,
      byReason: [
        { key: 'illness', count: 2 },
        { key: 'injury', count: 1 },
      ],
      byHour: [
        { key: 9, count: 1 },
        { key: 10, count: 2 },
      ],
      byGrade: [
        { key: '3', count: 2 },
        { key: '5', count: 1 },
      ],
      doses: [
        { key: 'refused', count: 1 },
        { key: 'missed', count: 1 },
      ],
    });
    expect(ok(core, 'health.report', { from: '2026-12-05', to: '2026-12-06' }).visits).toBe(0);
    expect(
      fail(core, 'health.report', { from: '2026-12-04', to: '2026-12-01' }).issues,
    ).toMatchObject([{ path: 'to', message: 'must be on or after the first day' }]);
    as('Omar Office');
    expect(fail(core, 'health.report', { from: '2026-12-01', to: '2026-12-04' }).code).toBe(
      'UNAUTHORIZED',
    );
  });
});
