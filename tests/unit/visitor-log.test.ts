import { describe, expect, it } from 'vitest';
import { fail, ok, snapshot, tempCore } from '../helpers';

describe('the visitor log', () => {
  it('lists visits by days, purpose and name, with how long people stayed and comings and goings by student', () => {
    let now = new Date('2026-12-01T14:00:00Z');
    const core = tempCore({ setup: 'school', now: () => now });
    const mia = ok(core, 'student.create', { firstName: 'Mia', lastName: 'Lopez', grade: '3' });
    const person = ok(core, 'person.create', {
      firstName: 'Rosa',
      lastName: 'Lopez',
      kind: 'caregiver',
    });
    ok(core, 'link.set', {
      studentId: mia.id,
      personId: person.id,
      relationship: 'Mother',
      pickup: 'allowed',
    });
    const visit = (purpose: 'pickup' | 'drop_off' | 'meeting', at: string, minutes: number) => {
      now = new Date(at);
      const v = ok(core, 'visit.signIn', {
        visitor: { personId: person.id },
        studentIds: purpose === 'meeting' ? [] : [mia.id],
        purpose,
        seeing: purpose === 'meeting' ? 'Ms. Alvarez' : null,
      });
      now = new Date(Date.parse(at) + minutes * 60_000);
      ok(core, 'visit.signOut', { visitId: v.id });
      return v;
    };
    visit('drop_off', '2026-12-01T14:30:00Z', 4);
    visit('pickup', '2026-12-02T19:00:00Z', 10);
    visit('meeting', '2026-12-03T16:00:00Z', 45);
    // 11 p.m. UTC on Dec 3 is 5 p.m. in Chicago: still Dec 3 for the school.
    visit('pickup', '2026-12-03T23:00:00Z', 6);
    now = new Date('2026-12-04T15:00:00Z');

    const all = ok(core, 'visit.log', { from: '2026-12-01', to: '2026-12-03' });
    expect(all.total).toBe(4);
    expect(all.rows.map((r) => [r.purpose, r.minutesStayed])).toEqual([
      ['pickup', 6],
      ['meeting', 45],
      ['pickup', 10],
      ['drop_off', 4],
    ]);
    expect(all.medianMinutes).toBe(8);
    expect(all.byStudent).toEqual([
      { student: expect.objectContaining({ id: mia.id }), lateArrivals: 1, earlyDismissals: 2 },
    ]);
    expect(ok(core, 'visit.log', { from: '2026-12-02', to: '2026-12-02' }).total).toBe(1);
    expect(
      ok(core, 'visit.log', { from: '2026-12-01', to: '2026-12-03', purpose: 'pickup' }).total,
    ).toBe(2);
    expect(
      ok(core, 'visit.log', { from: '2026-12-01', to: '2026-12-03', text: 'alvarez' }).total,
    ).toBe(1);
    expect(ok(core, 'visit.log', { from: '2026-12-01', to: '2026-12-03', text: 'mia' }).total).toBe(
      3,
    );
  });

  it('exports as CSV, and the export is recorded with the visits it holds', () => {
    const now = new Date('2026-12-03T15:00:00Z');
    const core = tempCore({ setup: 'school', now: () => now });
    const v = ok(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: '=HYPERLINK("x") Ruiz' } },
      purpose: 'question',
      seeing: 'Office, front desk',
    });
    const exported = ok(core, 'visit.exportLog', { from: '2026-12-03', to: '2026-12-03' });
    expect(exported.count).toBe(1);
    expect(exported.csv.split('\r\n')).toEqual([
      'Date,Signed in,Signed out,Minutes,Visitor,Purpose,Students,Came to see,Greeted by,Warned',
      `2026-12-03,09:00,,,"'=HYPERLINK(""x"") Ruiz",Question,,"Office, front desk",Pat Front,no`,
      '',
    ]);
    expect(ok(core, 'audit.list', { action: 'export' })).toMatchObject([
      {
        recordType: 'visit_log',
        recordIds: [v.id],
        staffName: 'Pat Front',
        aboutName: 'the visitor log (1 visit)',
      },
    ]);
  });

  it('refuses days the wrong way round or more than a year apart, and writes nothing', () => {
    const core = tempCore({ setup: 'school' });
    const before = snapshot(core);
    expect(fail(core, 'visit.exportLog', { from: '2026-12-03', to: '2026-12-01' })).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'to', message: 'must be on or after the first day' }],
    });
    expect(fail(core, 'visit.log', { from: '2025-01-01', to: '2026-12-01' }).issues).toEqual([
      { path: 'to', message: 'must be within 400 days of the first day' },
    ]);
    expect(snapshot(core)).toBe(before);
  });
});
