import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, CALL_NAMES, ERROR_CODES, type CallName } from '../../contract';
import { DIRECTION_CONTROLS, UNTYPEABLE, line, phone, text } from '../../contract/fields';
import { spoiled } from '../adversarial';
import type { Core } from '../../db/core';
import { fail, ok, snapshot, tempCore } from '../helpers';
import { commonCallSamples, healthCallSamples } from '../fixtures';

/**
 * Every call in the API table, fed bad input, answers with a typed VALIDATION error and
 * writes nothing. Each call needs a valid sample here or in the samples shared with the
 * privacy test (tests/fixtures.ts), so a new call cannot skip this test.
 */
let core: Core;
let ids: {
  person: string;
  student: string;
  visit: string;
  staff: string;
  note: string;
  followUp: string;
  household: string;
  homeVisit: string;
  voice: string;
  other: string;
};

const VALID: Record<CallName, () => Record<string, unknown>> = {
  'setup.school': () => ({
    schoolName: 'X',
    timeZone: 'America/Chicago',
    staffName: 'Y',
    password: 'correct horse battery',
  }),
  'staff.create': () => ({
    displayName: 'Sam Nurse',
    role: 'nurse',
    teams: ['health'],
    password: 'another good one',
  }),
  'staff.update': () => ({ id: ids.staff, role: 'administrator', teams: ['admin'] }),
  'staff.setPassword': () => ({ id: ids.staff, password: 'a brand new one' }),
  'session.signIn': () => ({ staffId: ids.staff, password: 'correct horse battery' }),
  'search.people': () => ({ text: 'ana', limit: 5 }),
  'household.create': () => ({ name: 'Núñez family', address: '1 Main St' }),
  'household.update': () => ({ id: ids.household, name: 'Núñez-Ortiz family' }),
  'person.update': () => ({ id: ids.person, channels: ['text', 'call'], bestTimes: 'After 5' }),
  'person.findDuplicates': () => ({ firstName: 'Maria', lastName: 'Nunez', phones: ['555-0100'] }),
  'person.merge': () => ({ keepId: ids.person, mergeId: ids.other }),
  'family.timeline': () => ({ householdId: ids.household, kinds: ['call'], limit: 50 }),
  'contact.log': () => ({
    householdId: ids.household,
    personId: ids.person,
    kind: 'call',
    direction: 'school_to_family',
    tone: 'good_news',
    summary: 'Shared how well Ana read today.',
  }),
  'strength.create': () => ({
    householdId: ids.household,
    category: 'skill',
    description: 'Carpentry',
    consent: 'staff',
    source: 'conference',
  }),
  'strength.search': () => ({ text: 'garden', category: 'interest' }),
  'homeVisit.plan': () => ({
    householdId: ids.household,
    scheduledAt: '2099-03-01T16:00:00Z',
    place: 'home',
    purpose: 'Get to know the family',
    staffIds: [ids.staff],
  }),
  'homeVisit.get': () => ({ id: ids.homeVisit }),
  'homeVisit.saveDraft': () => ({
    id: ids.homeVisit,
    draft: { present: 'Mom', hopes: '', concerns: '', tone: null, strengths: [], followUps: [] },
  }),
  'homeVisit.complete': () => ({
    id: ids.homeVisit,
    present: 'María and Ana',
    hopes: 'Ana becomes a vet',
    tone: 'good_news',
  }),
  'homeVisit.close': () => ({ id: ids.homeVisit, status: 'declined', note: 'Prefers school' }),
  'voice.create': () => ({
    householdId: ids.household,
    kind: 'suggestion',
    summary: 'Spanish books in the library',
  }),
  'voice.advance': () => ({ id: ids.voice, step: 'heard' }),
  'person.create': () => ({
    firstName: 'Ana',
    lastName: 'Núñez',
    kind: 'caregiver',
    phones: ['555-0100'],
    email: 'ana@example.org',
  }),
  'person.get': () => ({ id: ids.person }),
  'student.create': () => ({ firstName: 'Leo', lastName: 'Núñez', grade: '4' }),
  'student.update': () => ({ id: ids.student, preferredName: 'Annie', dateOfBirth: '2017-03-04' }),
  'student.get': () => ({ id: ids.student }),
  'student.findDuplicates': () => ({ id: ids.student }),
  'student.merge': () => ({ keepId: ids.student, mergeId: ids.household }),
  'link.set': () => ({ studentId: ids.student, personId: ids.person, relationship: 'Parent' }),
  'family.create': () => ({
    name: 'Okafor family',
    members: [{ person: { firstName: 'Ngozi', lastName: 'Okafor' }, relationship: 'Mother' }],
    students: [{ firstName: 'Chidi', lastName: 'Okafor', grade: 'K' }],
  }),
  'family.list': () => ({ grade: '3', sort: 'last_contact', limit: 20 }),
  'rollCall.mark': () => ({ id: ids.household, visitId: ids.visit, accounted: true }),
  ...healthCallSamples(() => ({ student: ids.student, missing: ids.household })),
  'timeline.open': () => ({ householdId: ids.household, source: 'voice', id: ids.voice }),
  'visit.pickupCheck': () => ({ personId: ids.person, studentIds: [ids.student] }),
  'visit.cautions': () => ({ personId: ids.person }),
  'visit.signIn': () => ({
    visitor: { personId: ids.person },
    purpose: 'meeting',
    seeing: 'Office',
  }),
  'visit.signOut': () => ({ visitId: ids.visit }),
  'visit.today': () => ({ text: 'ana' }),
  'contact.forPerson': () => ({ personId: ids.person, limit: 10 }),
  'note.create': () => ({
    studentId: ids.student,
    personId: ids.person,
    visibility: 'team:admin',
    subject: 'Attendance',
    body: 'Met with the family.',
  }),
  'note.revise': () => ({ revisionId: ids.note, subject: 'Attendance', body: 'Updated.' }),
  'note.history': () => ({ noteId: ids.note }),
  'note.forStudent': () => ({ studentId: ids.student }),
  'note.recent': () => ({ visibility: 'team:admin', limit: 10 }),
  'followUp.create': () => ({
    studentId: ids.student,
    visibility: 'staff',
    title: 'Call back',
    assigneeId: ids.staff,
    dueOn: '2099-01-31',
  }),
  'followUp.setStatus': () => ({ id: ids.followUp, status: 'done' }),
  'followUp.forStudent': () => ({ studentId: ids.student }),
  'family.export': () => ({
    studentId: ids.student,
    format: 'csv',
    recipient: 'District counselor',
    purpose: 'Transfer of records',
  }),
  'family.exportHousehold': () => ({
    householdId: ids.household,
    format: 'csv',
    recipient: 'District counselor',
    purpose: 'Transfer of records',
  }),
  'disclosure.forStudent': () => ({ studentId: ids.student }),
  'audit.list': () => ({ action: 'read', limit: 20 }),
  'session.signInWithDistrict': () => ({ staffId: ids.staff, password: 'x' }),
  ...commonCallSamples(() => ({ household: ids.household })),
};

function badInputs(name: CallName): [string, unknown][] {
  const valid = VALID[name]();
  // A union's fields are those of the option the valid sample is.
  const input = API[name].input as unknown as z.ZodObject | z.ZodDiscriminatedUnion<z.ZodObject[]>;
  const object =
    input instanceof z.ZodDiscriminatedUnion
      ? input.options.find((option) => option.safeParse(valid).success)
      : input;
  const shape = (object?.shape ?? {}) as Record<string, z.ZodType>;
  const cases: [string, unknown][] = [
    ['a number instead of an object', 42],
    ['a string instead of an object', 'input'],
    ['an array instead of an object', [valid]],
    ['an unknown field', { ...valid, sneaky: true }],
  ];
  for (const [field, schema] of Object.entries(shape)) {
    if (!schema.safeParse(undefined).success)
      cases.push([`missing ${field}`, { ...valid, [field]: undefined }]);
    cases.push([`${field} of the wrong type`, { ...valid, [field]: { nested: [1, 2] } }]);
    if (typeof valid[field] === 'string') {
      cases.push([`${field} over every length limit`, { ...valid, [field]: 'x'.repeat(50_001) }]);
      cases.push([`${field} with a control character`, { ...valid, [field]: `Ana\u0007` }]);
      cases.push([`${field} with half a surrogate pair`, { ...valid, [field]: `Ana\uD800` }]);
    }
  }
  return cases;
}

beforeAll(() => {
  core = tempCore({ setup: 'school', scope: 'suite' });
  const household = ok(core, 'household.create', { name: 'Núñez family' });
  const person = ok(core, 'person.create', {
    firstName: 'María',
    kind: 'caregiver',
    householdId: household.id,
  });
  const other = ok(core, 'person.create', { firstName: 'Maria', kind: 'caregiver' });
  const student = ok(core, 'student.create', { firstName: 'Ana', lastName: 'Núñez', grade: '3' });
  const visit = ok(core, 'visit.signIn', {
    visitor: { newVisitor: { fullName: 'Someone Else' } },
    purpose: 'other',
  });
  const [staff] = ok(core, 'staff.list', {});
  const note = ok(core, 'note.create', {
    studentId: student.id,
    visibility: 'staff',
    subject: 'First day',
    body: 'Settled in well.',
  });
  const followUp = ok(core, 'followUp.create', {
    studentId: student.id,
    visibility: 'staff',
    title: 'Check in',
    assigneeId: staff?.id as string,
    dueOn: '2099-01-01',
  });
  const homeVisit = ok(core, 'homeVisit.plan', {
    householdId: household.id,
    scheduledAt: '2099-03-01T16:00:00Z',
    place: 'home',
    purpose: 'Welcome visit',
    staffIds: [staff?.id as string],
  });
  const voice = ok(core, 'voice.create', {
    householdId: household.id,
    kind: 'question',
    summary: 'When is the book fair?',
  });
  ids = {
    household: household.id,
    homeVisit: homeVisit.id,
    voice: voice.id,
    other: other.id,
    person: person.id,
    student: student.id,
    visit: visit.id,
    staff: staff?.id as string,
    note: note.noteId,
    followUp: followUp.id,
  };
});

describe('typed text', () => {
  // The rules written out plainly, one test each: the fields test most text with one pattern
  // first and apply their rules only to text that might break one.
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
  const expected = (s: string, multiLine: boolean) => {
    /* eslint-disable no-control-regex -- matching control characters is the point */
    const control = multiLine
      ? /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/
      : /[\u0000-\u001F\u007F-\u009F]/;
    /* eslint-enable no-control-regex */
    const messages: string[] = [];
    if (control.test(s) || loneSurrogate.test(s)) messages.push(UNTYPEABLE);
    if (!multiLine && /[\u202A-\u202E\u2066-\u2069\u2028\u2029]/.test(s))
      messages.push(DIRECTION_CONTROLS);
    return messages;
  };
  const refusals = (schema: z.ZodType, s: string) => {
    const parsed = schema.safeParse(s);
    return parsed.success
      ? []
      : parsed.error.issues.filter((i) => i.code === 'custom').map((i) => i.message);
  };
  // Characters at every rule's edges, and a whole surrogate pair.
  const edges = [
    ...'\u0000\u0007\t\n\u000B\r\u001F\u007F\u0085\u009F\u00A0\u202A\u202E\u202F\u2066\u2069\u2028\u2029\uD800\uDBFF\uDC00\uDFFF\uD83D\uDE00é ا',
    '\uD83D\uDE00',
  ];
  const edgy = fc.constantFrom(...edges);
  const typed = fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), edgy), { maxLength: 8 })
    .map((parts) => `A${parts.join('')}`);

  it('refuses exactly what the rules refuse, with the rule it broke, on one line and on many', () => {
    for (const edge of edges) {
      const s = `A${edge}b`;
      expect(refusals(line(), s), JSON.stringify(s)).toEqual(expected(s, false));
      expect(refusals(text(), s), JSON.stringify(s)).toEqual(expected(s, true));
    }
    fc.assert(
      fc.property(typed, (s) => {
        expect(refusals(line(1_000), s)).toEqual(expected(s.trim(), false));
        expect(refusals(text(1_000), s)).toEqual(expected(s.trim(), true));
      }),
      { numRuns: 2_000 },
    );
    expect(refusals(line(), 'Ana\u0007\u202E')).toEqual([UNTYPEABLE, DIRECTION_CONTROLS]);
    expect(refusals(line(), 'Ana \uD83D\uDE00')).toEqual([]);
    expect(refusals(text(), 'Line one\n\tline two \u202Bمرحبا\u202C')).toEqual([]);
  });

  it('trims text and says when it is empty or too long, in the words the forms translate', () => {
    const messages = (schema: z.ZodType, s: string) => {
      const parsed = schema.safeParse(s);
      return parsed.success ? parsed.data : parsed.error.issues.map((i) => i.message);
    };
    for (const field of [line(5), text(5)]) {
      expect(messages(field, '  Ana  ')).toBe('Ana');
      expect(messages(field, ' 12345 ')).toBe('12345');
      expect(messages(field, ' \t ')).toEqual(['cannot be empty']);
      expect(messages(field, '123456')).toEqual(['must be at most 5 characters']);
      expect(messages(field, '12345\u0007')).toEqual(['must be at most 5 characters', UNTYPEABLE]);
    }
    expect(messages(line(), 'x'.repeat(201))).toEqual(['must be at most 200 characters']);
    expect(messages(phone, ' (555) 123-4567 ')).toBe('(555) 123-4567');
    expect(messages(phone, '')).toEqual([
      'cannot be empty',
      'must be a phone number (digits, spaces, + ( ) - .)',
    ]);
    expect(messages(phone, 'call me')).toEqual([
      'must be a phone number (digits, spaces, + ( ) - .)',
    ]);
    expect(messages(phone, '555\u202E1234')).toEqual([
      DIRECTION_CONTROLS,
      'must be a phone number (digits, spaces, + ( ) - .)',
    ]);
  });
});

describe('every API call validates its input', () => {
  it('has a valid sample for every call in the table, and each sample is accepted by its schema', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CALL_NAMES].sort());
    for (const name of CALL_NAMES)
      expect(API[name].input.safeParse(VALID[name]()).success, name).toBe(true);
  });

  for (const name of CALL_NAMES) {
    it(`${name}: bad input gets a VALIDATION error naming the field and writes nothing`, () => {
      for (const [what, input] of badInputs(name)) {
        const before = snapshot(core);
        const error = fail(core, name, input);
        expect(error.code, `${name} with ${what}`).toBe('VALIDATION');
        expect(error.issues?.length, `${name} with ${what}`).toBeGreaterThan(0);
        expect(snapshot(core), `${name} with ${what} wrote something`).toBe(before);
      }
    });
  }

  it('answers adversarial input to any call with a typed error, writing nothing, and goes on serving', () => {
    // Calls that end the session or replace the database are left out: a valid input to
    // them would stop the rest of the run from reaching the other calls signed in.
    const ENDS_RUN: readonly CallName[] = [
      'session.lock',
      'backup.restore',
      'setup.startOverToJoin',
    ];
    const names = CALL_NAMES.filter((name) => !ENDS_RUN.includes(name));
    fc.assert(
      fc.property(
        fc
          .constantFrom(...names)
          .chain((name) => fc.tuple(fc.constant(name), spoiled(VALID[name]()))),
        ([name, input]) => {
          const before = snapshot(core);
          const result = core.call(name, input);
          if (result.ok) return;
          expect(ERROR_CODES, `${name}: ${result.error.message}`).toContain(result.error.code);
          expect(result.error.code, name).not.toBe('INTERNAL');
          // A wrong password is the one failure that writes: it is counted, so that the
          // next attempts wait (db/privacy/throttle.ts).
          if (result.error.code === 'WRONG_PASSWORD' || result.error.code === 'TOO_MANY_ATTEMPTS')
            return;
          expect(snapshot(core), `${name} failed but wrote something`).toBe(before);
        },
      ),
      { numRuns: 400, seed: Number(process.env.FUZZ_SEED ?? 20261204) },
    );
    expect(ok(core, 'app.status', {}).staff).not.toBeNull();
  }, 60_000);

  it('names the field in the error', () => {
    const error = fail(core, 'person.create', {
      firstName: '',
      kind: 'caregiver',
      email: 'not-an-email',
    });
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['email', 'firstName']);
  });

  it('rejects an unknown call with a typed error', () => {
    expect(fail(core, 'people.dropAll', {}).code).toBe('UNKNOWN_CALL');
    expect(fail(core, '__proto__', {}).code).toBe('UNKNOWN_CALL');
    expect(fail(core, 'toString', {}).code).toBe('UNKNOWN_CALL');
  });

  it('stores SQL-looking text, emoji and right-to-left text exactly as typed', () => {
    const samples = [
      "Robert'); DROP TABLE people;--",
      '1 OR 1=1; --',
      'Zoë 👩🏽‍👧 Ramírez',
      'فاطمة الزهراء',
      'שרה כהן',
      'Ана Петрова',
    ];
    for (const firstName of samples) {
      const created = ok(core, 'person.create', {
        firstName,
        lastName: null,
        kind: 'community_member',
      });
      expect(ok(core, 'person.get', { id: created.id }).person.firstName).toBe(firstName);
    }
    expect(ok(core, 'search.people', { text: 'فاطمة' }).length).toBeGreaterThan(0);
    expect(ok(core, 'search.people', { text: 'ана' }).length).toBeGreaterThan(0);
    expect(
      (core.store.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n,
    ).toBeGreaterThan(samples.length);
  });

  it('refuses direction controls in names and one-line fields, naming the field, and keeps them in notes', () => {
    const spoofed = 'Ana\u202Egnp.exe'; // shows as "Anaexe.png"
    const countPeople = () =>
      (core.store.db.prepare('SELECT count(*) AS n FROM people').get() as { n: number }).n;
    const people = countPeople();
    for (const [call, input, path] of [
      ['person.create', { firstName: spoofed, kind: 'caregiver' }, 'firstName'],
      ['household.create', { name: 'Rivera \u2067family\u2069' }, 'name'],
      [
        'visit.signIn',
        { visitor: { personId: ids.person }, purpose: 'meeting', seeing: 'Office\u2028Gym' },
        'seeing',
      ],
      ['search.people', { text: '\u202Dana' }, 'text'],
    ] as const) {
      const error = fail(core, call, input);
      expect(error.code).toBe('VALIDATION');
      expect(error.issues).toContainEqual({
        path,
        message: 'contains hidden characters that change how text is shown',
      });
    }
    expect(countPeople()).toBe(people);
    const summary = 'Said: \u202Bمرحبا\u202C, then left.';
    const contact = ok(core, 'contact.log', {
      householdId: ids.household,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'good_news',
      summary,
    });
    expect(
      core.store.db.prepare('SELECT summary FROM contacts WHERE id = ?').get(contact.id),
    ).toEqual({ summary });
  });

  it('rolls back everything a call wrote when it fails part-way', () => {
    const before = snapshot(core);
    // The new visitor is written first; the unknown student then fails the call.
    const error = fail(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Half Written' } },
      studentIds: ['01890a5d-ac96-774b-bcce-b302099a8057'],
      purpose: 'meeting',
    });
    expect(error.code).toBe('NOT_FOUND');
    expect(snapshot(core)).toBe(before);
  });
});
