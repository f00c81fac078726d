import { describe, expect, it } from 'vitest';
import { MATCH_CANDIDATES, namesMatch, phonesMatch } from '../../db/ops/cautions';
import { TEST_PASSWORD, signInStaff } from '../fixtures';
import { fail, ok, snapshot, tempCore } from '../helpers';

const TRESPASS = {
  fullName: 'Dale Whitcomb',
  phones: ['(312) 555-0199'],
  reason: 'Trespass notice until June: do not admit; call the principal.',
  photo: null,
  expiresOn: '2027-06-30',
};

describe('the school caution list', () => {
  it('matches names as search folds them, in any order, and phones in any format', () => {
    expect(namesMatch('Dale Whitcomb', 'dale whitcomb')).toBe(true);
    expect(namesMatch('José Ñúñez', 'Jose Nunez')).toBe(true);
    expect(namesMatch('Dale Whitcomb', 'Whitcomb, Dale R.')).toBe(true);
    expect(namesMatch('Dale Robert Whitcomb', 'Dale Whitcomb')).toBe(true);
    expect(namesMatch('Dale Whitcomb', 'Dale Smith')).toBe(false);
    expect(namesMatch('Dale Robert Whitcomb', 'Dale')).toBe(false);
    expect(phonesMatch('(312) 555-0199', '+1 312.555.0199')).toBe(true);
    expect(phonesMatch('555-0199', '312 555 0199')).toBe(true);
    expect(phonesMatch('(312) 555-0199', '(773) 555-0199')).toBe(false);
    expect(phonesMatch('0199', '312 555 0199')).toBe(false);
  });

  it('is checked at sign-in from its index alone, never walking the photos stored with it', () => {
    const core = tempCore({ setup: 'school' });
    const plan = core.store.db
      .prepare(`EXPLAIN QUERY PLAN ${MATCH_CANDIDATES}`)
      .all('school', '2026-12-04') as { detail: string }[];
    expect(plan.map((step) => step.detail)).toEqual([
      expect.stringContaining('USING COVERING INDEX caution_entries_to_match'),
    ]);
  });

  it('is kept by administrators, matches a visitor by a phone written another way, and every showing is audited', () => {
    const core = tempCore({ setup: 'school' });
    const entry = ok(core, 'caution.add', TRESPASS);
    expect(entry).toMatchObject({ ...TRESPASS, current: true, addedByName: 'Pat Front' });

    // The visitor gives another name and the phone in another format: the phone matches.
    const matches = ok(core, 'caution.match', {
      fullName: 'D. Whitcombe',
      phones: ['+1 312.555.0199'],
    });
    expect(matches).toEqual([
      {
        id: entry.id,
        fullName: 'Dale Whitcomb',
        reason: TRESPASS.reason,
        photo: null,
        expiresOn: '2027-06-30',
        matchedBy: 'phone',
      },
    ]);
    expect(ok(core, 'caution.match', { fullName: 'Ana Ruiz', phones: [] })).toEqual([]);

    const audit = ok(core, 'audit.list', {});
    expect(audit.map((e) => [e.action, e.recordType, e.recordIds, e.aboutName])).toEqual([
      ['read', 'caution_list', [entry.id], 'the caution list (1 entry)'],
      ['create', 'caution_list', [entry.id], 'the caution list (1 entry)'],
    ]);

    // Retired, it matches no one, and stays on the list for the school's records.
    ok(core, 'caution.retire', { id: entry.id });
    expect(ok(core, 'caution.match', { fullName: 'Dale Whitcomb', phones: [] })).toEqual([]);
    expect(ok(core, 'caution.list', {})).toMatchObject([{ id: entry.id, current: false }]);
    expect(fail(core, 'caution.update', { id: entry.id, ...TRESPASS }).code).toBe('CONFLICT');
  });

  it('holds through its last day and not after', () => {
    let now = new Date('2027-06-30T20:00:00Z'); // afternoon of June 30 in Chicago
    const core = tempCore({ setup: 'school', now: () => now });
    ok(core, 'caution.add', TRESPASS);
    expect(ok(core, 'caution.match', { fullName: 'Dale Whitcomb', phones: [] })).toHaveLength(1);
    now = new Date('2027-07-01T06:00:00Z'); // 1 a.m. on July 1 in Chicago
    expect(ok(core, 'caution.match', { fullName: 'Dale Whitcomb', phones: [] })).toEqual([]);
  });

  it('is refused to staff who are not administrators, and a bad photo is refused whole', () => {
    const core = tempCore({ setup: 'school' });
    ok(core, 'staff.create', {
      displayName: 'Sam Desk',
      role: 'front_office',
      password: TEST_PASSWORD,
    });
    const before = snapshot(core);
    expect(
      fail(core, 'caution.add', { ...TRESPASS, photo: 'data:text/html;base64,PHNjcmlwdD4=' }),
    ).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'photo' }] });
    expect(snapshot(core)).toBe(before);
    ok(core, 'session.lock', {});
    signInStaff(core, TEST_PASSWORD, (s) => s.displayName === 'Sam Desk');
    expect(fail(core, 'caution.add', TRESPASS).code).toBe('UNAUTHORIZED');
    expect(fail(core, 'caution.list', {}).code).toBe('UNAUTHORIZED');
  });

  it('stops a sign-in until the desk has seen the caution, and the visit keeps which it saw', () => {
    const core = tempCore({ setup: 'school' });
    const entry = ok(core, 'caution.add', TRESPASS);
    const visitor = { newVisitor: { fullName: 'Dale Whitcomb', phone: '312-555-0199' } };
    const before = snapshot(core);
    expect(fail(core, 'visit.signIn', { visitor, purpose: 'meeting' })).toMatchObject({
      code: 'CONFLICT',
      message:
        'Dale Whitcomb is on the school’s caution list. See the caution before signing them in.',
    });
    expect(snapshot(core)).toBe(before);
    const visit = ok(core, 'visit.signIn', {
      visitor,
      purpose: 'meeting',
      seenCautionIds: [entry.id],
    });
    expect(visit.cautionIds).toEqual([entry.id]);
    expect(ok(core, 'visit.inBuilding', {})[0]?.cautionIds).toEqual([entry.id]);
  });
});
