import { beforeAll, describe, expect, it } from 'vitest';
import { API, CALL_NAMES, STAFF_ROLES, newId, type CallName } from '../../contract';
import type { Core } from '../../db/core';
import { TEST_PASSWORD, commonCallSamples, healthCallSamples } from '../fixtures';
import { ok, tempCore } from '../helpers';
import {
  CANARY,
  STAFF_NOTE,
  buildPrivacySchool,
  readableCanaries,
  type Canary,
  type PrivacySchool,
} from '../privacy-school';

/**
 * The privacy rule, checked over the whole API table: for every call and every role,
 * restricted content reaches only its team (or, when private, its author). Every call needs
 * an input here or in the samples shared with the validation test (tests/fixtures.ts), so a
 * new call cannot be added without being checked. Inputs here are chosen to reach the
 * privacy school's restricted records.
 */
let core: Core;
let school: PrivacySchool;

const INPUTS: Record<CallName, () => unknown> = {
  'setup.school': () => ({
    schoolName: 'X',
    timeZone: 'UTC',
    staffName: 'Y',
    password: TEST_PASSWORD,
  }),
  'staff.create': () => ({ displayName: 'New Person', role: 'teacher', password: TEST_PASSWORD }),
  'staff.update': () => ({ id: school.spare.id, role: 'teacher', teams: [] }),
  'staff.setPassword': () => ({ id: school.spare.id, password: TEST_PASSWORD }),
  'session.signIn': () => ({ staffId: school.spare.id, password: 'wrong password' }),
  'search.people': () => ({ text: 'Núñez' }),
  'household.create': () => ({ name: 'Núñez family' }),
  'household.update': () => ({ id: school.householdId, address: '12 Elm St' }),
  'person.update': () => ({ id: school.personId, bestTimes: 'Mornings' }),
  'person.findDuplicates': () => ({ firstName: 'Maria', lastName: 'Nunez' }),
  'person.merge': () => ({ keepId: school.personId, mergeId: school.personId }),
  'family.timeline': () => ({ householdId: school.householdId }),
  'contact.log': () => ({
    householdId: school.householdId,
    kind: 'call',
    direction: 'school_to_family',
    tone: 'information',
    summary: 'Called about the field trip.',
  }),
  'strength.create': () => ({
    householdId: school.householdId,
    category: 'language',
    description: 'Speaks Spanish and Quechua',
    consent: 'staff',
    source: 'walk_in',
  }),
  'strength.search': () => ({ text: 'spanish' }),
  'homeVisit.plan': () => ({
    householdId: school.householdId,
    scheduledAt: '2099-03-01T16:00:00Z',
    place: 'community',
    purpose: 'Meet at the library',
    staffIds: [school.staff.liaison.id],
  }),
  'homeVisit.get': () => ({ id: '01a00000-0000-7000-8000-000000000000' }),
  'homeVisit.saveDraft': () => ({
    id: '01a00000-0000-7000-8000-000000000000',
    draft: { present: '', hopes: '', concerns: '', tone: null, strengths: [], followUps: [] },
  }),
  'homeVisit.complete': () => ({
    id: '01a00000-0000-7000-8000-000000000000',
    present: 'María',
    hopes: 'Ana reads more',
    tone: 'good_news',
  }),
  'homeVisit.close': () => ({ id: '01a00000-0000-7000-8000-000000000000', status: 'cancelled' }),
  'voice.create': () => ({
    householdId: school.householdId,
    kind: 'suggestion',
    summary: 'A family breakfast',
  }),
  'voice.advance': () => ({ id: '01a00000-0000-7000-8000-000000000000', step: 'heard' }),
  'person.create': () => ({ firstName: 'Luis', kind: 'relative' }),
  'person.get': () => ({ id: school.personId }),
  'student.create': () => ({ firstName: 'Leo', lastName: 'Núñez', grade: '1' }),
  'student.update': () => ({ id: school.studentId, pronouns: 'she/her' }),
  'student.get': () => ({ id: school.studentId }),
  'student.findDuplicates': () => ({ id: school.studentId }),
  'student.merge': () => ({ keepId: school.studentId, mergeId: school.studentId }),
  'family.create': () => ({
    name: 'Okafor family',
    members: [{ person: { firstName: 'Ngozi' }, relationship: 'Mother' }],
    students: [{ firstName: 'Chidi', lastName: 'Okafor', grade: 'K' }],
  }),
  'family.list': () => ({ text: 'Núñez' }),
  'timeline.open': () => ({
    householdId: school.householdId,
    source: 'contact',
    id: school.contactId,
  }),
  'link.set': () => ({
    studentId: school.studentId,
    personId: school.personId,
    relationship: 'Parent',
  }),
  'visit.pickupCheck': () => ({ personId: school.personId, studentIds: [school.studentId] }),
  'visit.cautions': () => ({ personId: school.personId }),
  'visit.signIn': () => ({
    visitor: { newVisitor: { fullName: 'A Visitor' } },
    purpose: 'question',
  }),
  'visit.signOut': () => ({ visitId: '01a00000-0000-7000-8000-000000000000' }),
  'visit.today': () => ({}),
  'contact.forPerson': () => ({ personId: school.personId }),
  'note.create': () => ({
    studentId: school.studentId,
    visibility: 'staff',
    subject: 'Checked in',
    body: 'All well.',
  }),
  'note.revise': () => ({ revisionId: school.notes.health, subject: 'Changed', body: 'Changed.' }),
  'note.history': () => ({ noteId: school.notes.health }),
  'note.forStudent': () => ({ studentId: school.studentId }),
  'note.recent': () => ({ visibility: 'team:health' }),
  'followUp.create': () => ({
    studentId: school.studentId,
    visibility: 'staff',
    title: 'Call home',
    assigneeId: school.staff.front_office.id,
    dueOn: '2099-01-01',
  }),
  'followUp.setStatus': () => ({ id: school.followUps.health, status: 'open' }),
  'followUp.forStudent': () => ({ studentId: school.studentId }),
  'family.export': () => ({
    studentId: school.studentId,
    format: 'csv',
    recipient: 'Receiving school',
    purpose: 'Enrollment transfer',
  }),
  'family.exportHousehold': () => ({
    householdId: school.householdId,
    format: 'csv',
    recipient: 'Receiving school',
    purpose: 'Enrollment transfer',
  }),
  'disclosure.forStudent': () => ({ studentId: school.studentId }),
  'audit.list': () => ({}),
  'rollCall.mark': () => ({ id: school.householdId, visitId: school.householdId, accounted: true }),
  ...healthCallSamples(() => ({ student: school.studentId, missing: school.householdId })),
  'session.signInWithDistrict': () => ({ staffId: school.staff.nurse.id, password: 'x' }),
  ...commonCallSamples(() => ({ household: school.householdId })),
};

const CANARIES = Object.entries(CANARY) as [Canary, string][];

function visibleCanaries(result: unknown): Canary[] {
  const text = JSON.stringify(result);
  return CANARIES.filter(([, canary]) => text.includes(canary)).map(([name]) => name);
}

beforeAll(() => {
  core = tempCore({ setup: 'school', scope: 'suite' });
  school = buildPrivacySchool(core);
});

describe('restricted content reaches only its readers', () => {
  it('declares every call’s privacy and has an input for it here', () => {
    expect(Object.keys(INPUTS).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES)
      expect(['none', 'family', 'restricted'], name).toContain(API[name].privacy);
    expect(Object.keys(school.staff).sort()).toEqual([...STAFF_ROLES].sort());
  });

  for (const role of STAFF_ROLES) {
    it(`${role}: every call in the API table shows only what a ${role} may read`, () => {
      school.signInAs(role);
      const allowed = readableCanaries(role);
      const seen = new Set<Canary>();
      for (const name of CALL_NAMES) {
        const result = core.call(name, INPUTS[name]());
        const shown = visibleCanaries(result);
        if (API[name].privacy !== 'restricted') {
          expect(shown, `${name} is declared "${API[name].privacy}"`).toEqual([]);
        }
        // Everyone here holds their teams' keys, so a record waiting for a key would mean
        // the SQL let through ciphertext the viewer may not read: only the crypto held.
        expect(JSON.stringify(result), `${name} returned ciphertext to ${role}`).not.toContain(
          '"waitingForKey":true',
        );
        for (const canary of shown) {
          expect(allowed, `${role} saw ${canary} content through ${name}`).toContain(canary);
          seen.add(canary);
        }
        if (ok(core, 'app.status', {}).staff?.id !== school.staff[role].id) school.signInAs(role);
      }
      // The test can fail: each reader does see their own restricted content somewhere.
      expect([...seen].sort()).toEqual([...allowed].sort());
    });
  }

  it('shows staff outside the team that a restricted note exists, and whom to ask, never its text', () => {
    school.signInAs('front_office');
    const notes = ok(core, 'note.forStudent', { studentId: school.studentId });
    const health = notes.find((n) => n.noteId === school.notes.health);
    expect(health).toMatchObject({
      access: 'restricted',
      visibility: 'team:health',
      waitingForKey: false,
    });
    expect(notes.some((n) => n.access === 'open' && n.body.includes(STAFF_NOTE))).toBe(true);
    // Another staff member's private note is not even listed.
    expect(notes.some((n) => n.noteId === school.notes.private)).toBe(false);
    const followUps = ok(core, 'followUp.forStudent', { studentId: school.studentId });
    expect(followUps.find((f) => f.id === school.followUps.health)).toMatchObject({
      access: 'restricted',
      visibility: 'team:health',
    });
  });

  it('answers for another author’s private record exactly as for one that does not exist', () => {
    school.signInAs('front_office');
    const answer = (name: CallName, input: unknown) => {
      const result = core.call(name, input);
      return result.ok ? 'ok' : { code: result.error.code, message: result.error.message };
    };
    const change = { subject: 'Changed', body: 'Changed.' };
    const calls: [CallName, (id: string) => unknown][] = [
      ['note.revise', (id) => ({ revisionId: id, ...change })],
      ['note.history', (id) => ({ noteId: id })],
      ['followUp.setStatus', (id) => ({ id, status: 'done' })],
    ];
    for (const [name, input] of calls) {
      const hidden = name.startsWith('note.') ? school.notes.private : school.followUps.private;
      expect([name, answer(name, input(hidden))]).toEqual([name, answer(name, input(newId()))]);
    }
  });

  it('refuses to write for a team the writer is not on', () => {
    school.signInAs('front_office');
    const result = core.call('note.create', {
      studentId: school.studentId,
      visibility: 'team:health',
      subject: 'Fever',
      body: 'Sent home.',
    });
    expect(result.ok ? null : result.error.code).toBe('UNAUTHORIZED');
  });
});
