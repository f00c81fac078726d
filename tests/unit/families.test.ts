import { describe, expect, it } from 'vitest';
import type { TimelineCursor, TimelineEntry, TimelinePage } from '../../contract';
import type { Core } from '../../db/core';
import { fail, ok, snapshot, tempCore } from '../helpers';
import { CANARY, buildPrivacySchool, type PrivacySchool } from '../privacy-school';

/** A school with one staff member per role and the Núñez family, on a clock the test moves. */
function familySchool(start = '2026-11-23T15:00:00Z') {
  let now = new Date(start);
  const core = tempCore({ setup: 'school', now: () => now });
  const school = buildPrivacySchool(core);
  const family = school.householdId;
  return {
    core,
    school,
    family,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

const at = (iso: string) => new Date(iso).toISOString();

const CALL = (family: string) =>
  ({
    householdId: family,
    kind: 'call',
    direction: 'school_to_family',
    tone: 'information',
    summary: 'Called about the field trip.',
  }) as const;

function logCall(core: Core, family: string, extra: Record<string, unknown> = {}) {
  return ok(core, 'contact.log', { ...CALL(family), ...extra });
}

function allEntries(core: Core, family: string, pageSize: number, filter = {}): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  let after: TimelineCursor | null = null;
  for (;;) {
    const page: TimelinePage = ok(core, 'family.timeline', {
      householdId: family,
      limit: pageSize,
      after,
      ...filter,
    });
    entries.push(...page.entries);
    if (!page.next) return entries;
    after = page.next;
  }
}

describe('the family profile', () => {
  it('shows the household, its people and students with every link, and other households', () => {
    const { core, school, family } = familySchool();
    const other = ok(core, 'household.create', { name: 'Ortiz family' });
    const dad = ok(core, 'person.create', {
      firstName: 'Luis',
      lastName: 'Ortiz',
      kind: 'caregiver',
      householdId: other.id,
      homeLanguage: 'es',
      interpreter: 'spoken',
      channels: ['call', 'text'],
    });
    ok(core, 'link.set', {
      studentId: school.studentId,
      personId: dad.id,
      relationship: 'Father',
      pickup: 'see_office',
      officeNote: 'Weekends only',
    });
    const profile = ok(core, 'family.get', { householdId: family });
    expect(profile.household.name).toBe('Núñez family');
    expect(profile.members.map((m) => m.firstName)).toEqual(['María']);
    const [ana] = profile.students;
    expect(ana?.student.firstName).toBe('Ana');
    expect(ana?.links.map((l) => [l.person.firstName, l.inHousehold, l.pickup])).toEqual(
      expect.arrayContaining([
        ['María', true, 'allowed'],
        ['Luis', false, 'see_office'],
      ]),
    );
    expect(ana?.otherFamilies).toEqual([{ id: other.id, name: 'Ortiz family' }]);
    expect(
      ok(core, 'student.get', { id: school.studentId })
        .families.map((f) => f.name)
        .sort(),
    ).toEqual(['Núñez family', 'Ortiz family']);
  });

  it('edits communication preferences, refusing a channel listed twice with a plain message', () => {
    const { core, school } = familySchool();
    const updated = ok(core, 'person.update', {
      id: school.personId,
      homeLanguage: 'es',
      interpreter: 'both',
      channels: ['text', 'paper'],
      bestTimes: 'After 5 pm',
      doNotContact: 'Not at work',
    });
    expect(updated).toMatchObject({
      interpreter: 'both',
      channels: ['text', 'paper'],
      lastName: 'Núñez',
    });
    const before = snapshot(core);
    const error = fail(core, 'person.update', { id: school.personId, channels: ['text', 'text'] });
    expect(error.issues).toEqual([{ path: 'channels', message: 'lists a channel twice' }]);
    expect(fail(core, 'person.update', { id: school.studentId, bestTimes: 'x' }).code).toBe(
      'NOT_FOUND',
    );
    expect(snapshot(core)).toBe(before);
  });

  it('shows the tone of the last contact and whether there was good news this school year', () => {
    const { core, family, setNow } = familySchool('2026-09-10T15:00:00Z');
    let profile = ok(core, 'family.get', { householdId: family });
    // The privacy school's one contact: a conference, for information.
    expect(profile).toMatchObject({
      lastContact: { tone: 'information', kind: 'conference' },
      positiveThisYear: false,
      schoolYearStartsOn: '2026-08-01',
    });
    // Good news last school year does not count for this one.
    logCall(core, family, { tone: 'good_news', occurredAt: '2026-07-20T15:00:00Z' });
    logCall(core, family, { tone: 'concern', occurredAt: '2026-09-01T15:00:00Z' });
    profile = ok(core, 'family.get', { householdId: family });
    expect(profile.lastContact).toMatchObject({ tone: 'concern', kind: 'call' });
    expect(profile.positiveThisYear).toBe(false);
    logCall(core, family, { tone: 'good_news', occurredAt: '2026-09-09T15:00:00Z' });
    expect(ok(core, 'family.get', { householdId: family }).positiveThisYear).toBe(true);
    setNow('2027-08-02T15:00:00Z');
    expect(ok(core, 'family.get', { householdId: family })).toMatchObject({
      positiveThisYear: false,
      schoolYearStartsOn: '2027-08-01',
    });
  });
});

describe('logging a contact', () => {
  it('backdates, names who made it, and refuses the future, unknown ids and oversized text, writing nothing', () => {
    const { core, school, family } = familySchool();
    school.signInAs('administrator');
    const contact = logCall(core, family, {
      personId: school.personId,
      studentIds: [school.studentId],
      occurredAt: '2026-11-20T09:30:00-06:00',
      staffId: school.staff.liaison.id,
      language: 'es',
      interpreterUsed: true,
    });
    // The administrator recorded it for the liaison, and the record says so.
    const admin = ok(core, 'app.status', {}).staff;
    expect(contact).toMatchObject({
      occurredAt: '2026-11-20T15:30:00.000Z',
      staffId: school.staff.liaison.id,
      householdId: family,
      recordedBy: admin?.id,
    });
    // No one else records a contact in someone else's name; their own name needs no note.
    school.signInAs('front_office');
    const unchanged = snapshot(core);
    expect(
      fail(core, 'contact.log', { ...CALL(family), staffId: school.staff.liaison.id }).code,
    ).toBe('UNAUTHORIZED');
    expect(snapshot(core)).toBe(unchanged);
    expect(logCall(core, family)).toMatchObject({
      staffId: school.staff.front_office.id,
      recordedBy: null,
    });
    school.signInAs('administrator');
    const before = snapshot(core);
    const future = fail(core, 'contact.log', {
      householdId: family,
      kind: 'text',
      direction: 'school_to_family',
      tone: 'good_news',
      summary: 'Great day',
      occurredAt: '2026-11-24T15:00:00Z',
    });
    expect(future).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'occurredAt' }] });
    expect(
      fail(core, 'contact.log', {
        householdId: school.studentId,
        kind: 'text',
        direction: 'two_way',
        tone: 'information',
        summary: 'x',
      }).code,
    ).toBe('NOT_FOUND');
    const long = fail(core, 'contact.log', {
      householdId: family,
      kind: 'text',
      direction: 'two_way',
      tone: 'information',
      summary: 'x'.repeat(2_001),
    });
    expect(long.issues).toEqual([{ path: 'summary', message: 'must be at most 2000 characters' }]);
    const empty = fail(core, 'contact.log', {
      householdId: family,
      kind: 'text',
      direction: 'two_way',
      tone: 'information',
      summary: '   ',
    });
    expect(empty.issues).toEqual([{ path: 'summary', message: 'cannot be empty' }]);
    // A follow-up that fails (due in the past) takes its contact down with it.
    const badFollowUp = fail(core, 'contact.log', {
      householdId: family,
      kind: 'call',
      direction: 'two_way',
      tone: 'concern',
      summary: 'Worried about attendance',
      followUp: {
        studentId: school.studentId,
        title: 'Check attendance',
        assigneeId: school.staff.liaison.id,
        dueOn: '2026-11-01',
      },
    });
    expect(badFollowUp.code).toBe('VALIDATION');
    expect(snapshot(core)).toBe(before);
  });

  it('creates the follow-up it calls for, and completing that follow-up can log the closing contact', () => {
    const { core, school, family, setNow } = familySchool();
    school.signInAs('liaison');
    const contact = logCall(core, family, {
      tone: 'concern',
      followUp: {
        studentId: school.studentId,
        title: 'Send bus schedule',
        assigneeId: school.staff.liaison.id,
        dueOn: '2026-11-25',
      },
    });
    const mine = ok(core, 'followUp.mine', {});
    const made = mine.find((f) => f.access === 'open' && f.title === 'Send bus schedule');
    expect(made).toBeDefined();
    const stored = core.store.db
      .prepare('SELECT origin_kind, origin_id, household_id FROM follow_ups WHERE id = ?')
      .get(made?.id);
    expect(stored).toEqual({ origin_kind: 'contact', origin_id: contact.id, household_id: family });
    expect(ok(core, 'followUp.forFamily', { householdId: family }).map((f) => f.id)).toContain(
      made?.id,
    );

    setNow('2026-11-24T15:00:00Z');
    const done = ok(core, 'followUp.setStatus', {
      id: made?.id as string,
      status: 'done',
      closingContact: {
        kind: 'text',
        direction: 'school_to_family',
        tone: 'information',
        summary: 'Texted the bus schedule.',
      },
    });
    expect(done).toMatchObject({ status: 'done' });
    const closedBy = core.store.db
      .prepare('SELECT closed_by_contact_id AS id FROM follow_ups WHERE id = ?')
      .get(made?.id) as { id: string };
    const timeline = ok(core, 'family.timeline', { householdId: family });
    expect(timeline.entries[0]).toMatchObject({
      id: closedBy.id,
      kind: 'text',
      detail: 'Texted the bus schedule.',
    });
  });

  it('lists my follow-ups with overdue ones first', () => {
    const { core, school, family, setNow } = familySchool();
    school.signInAs('liaison');
    const make = (title: string, dueOn: string) =>
      ok(core, 'followUp.create', {
        studentId: school.studentId,
        householdId: family,
        visibility: 'staff',
        title,
        assigneeId: school.staff.liaison.id,
        dueOn,
      });
    make('Later', '2026-12-10');
    make('Soon', '2026-11-24');
    make('Sooner', '2026-11-23');
    setNow('2026-12-01T15:00:00Z');
    const titles = ok(core, 'followUp.mine', {}).flatMap((f) =>
      f.access === 'open' && f.visibility === 'staff' ? [f.title] : [],
    );
    expect(titles).toEqual(['Sooner', 'Soon', 'Later']);
  });
});

describe('the family timeline', () => {
  function busyFamily() {
    const built = familySchool();
    const { core, school, family, setNow } = built;
    setNow('2026-11-01T15:00:00Z');
    logCall(core, family, { tone: 'good_news', occurredAt: '2026-10-01T15:00:00Z' });
    ok(core, 'visit.signIn', { visitor: { personId: school.personId }, purpose: 'question' });
    setNow('2026-11-02T15:00:00Z');
    ok(core, 'strength.create', {
      householdId: family,
      personId: school.personId,
      category: 'skill',
      description: 'Gardening and composting',
      consent: 'staff',
      source: 'conference',
    });
    school.signInAs('teacher');
    ok(core, 'strength.create', {
      householdId: family,
      category: 'talent',
      description: 'CANARY-STRENGTH sings in a choir',
      consent: 'recorder_only',
      source: 'conference',
    });
    setNow('2026-11-03T15:00:00Z');
    ok(core, 'voice.create', {
      householdId: family,
      kind: 'suggestion',
      summary: 'A homework club',
    });
    setNow('2026-11-04T15:00:00Z');
    const visit = ok(core, 'homeVisit.plan', {
      householdId: family,
      scheduledAt: '2026-11-30T23:00:00Z',
      place: 'home',
      purpose: 'Welcome visit',
      staffIds: [school.staff.teacher.id],
    });
    setNow('2026-11-23T15:00:00Z');
    school.signInAs('front_office');
    return { ...built, visit };
  }

  it('merges every kind of entry newest first, hides what the viewer may not see, and filters by kind and tone', () => {
    const { core, school, family } = busyFamily();
    const entries = ok(core, 'family.timeline', { householdId: family }).entries;
    const kinds = entries.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['call', 'walk_in', 'strength', 'voice', 'home_visit', 'note']),
    );
    const times = entries.map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    // Restricted notes show that they exist and their team, never their subject; another
    // staff member's private note and recorder-only strength are not there at all.
    const text = JSON.stringify(entries);
    for (const canary of [...Object.values(CANARY), 'CANARY-STRENGTH'])
      expect(text).not.toContain(canary);
    const notes = entries.filter((e) => e.kind === 'note');
    expect(notes.map((n) => n.visibility).sort()).toEqual([
      'staff',
      'team:admin',
      'team:health',
      'team:support',
    ]);
    expect(notes.find((n) => n.visibility === 'team:health')?.title).toBeNull();
    expect(entries.find((e) => e.kind === 'strength')).toMatchObject({
      title: 'Gardening and composting',
      subkind: 'skill',
      personName: 'María Núñez',
    });

    expect(
      ok(core, 'family.timeline', { householdId: family, kinds: ['strength', 'voice'] })
        .entries.map((e) => e.kind)
        .sort(),
    ).toEqual(['strength', 'voice']);
    const good = ok(core, 'family.timeline', { householdId: family, tones: ['good_news'] }).entries;
    expect(good.map((e) => [e.kind, e.tone])).toEqual([['call', 'good_news']]);

    school.signInAs('teacher');
    const teacherText = JSON.stringify(
      ok(core, 'family.timeline', { householdId: family }).entries,
    );
    expect(teacherText).toContain('CANARY-STRENGTH');
    expect(teacherText).not.toContain(CANARY.private);
  });

  it('pages through every entry exactly once, in order', () => {
    const { core, family } = busyFamily();
    for (let i = 0; i < 25; i++)
      logCall(core, family, { occurredAt: at(`2026-11-22T10:${String(i).padStart(2, '0')}:00Z`) });
    // Same instant twice: the id breaks the tie, so neither is skipped or repeated.
    logCall(core, family, { occurredAt: '2026-11-22T09:00:00Z' });
    logCall(core, family, { occurredAt: '2026-11-22T09:00:00Z' });
    const all = allEntries(core, family, 500);
    const paged = allEntries(core, family, 4);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect(new Set(paged.map((e) => e.id)).size).toBe(paged.length);
  });
});

describe('strengths', () => {
  function withStrengths() {
    const built = familySchool();
    const { core, family, school } = built;
    const add = (
      description: string,
      category: 'skill' | 'language' | 'interest',
      consent: 'staff' | 'recorder_only' = 'staff',
    ) =>
      ok(core, 'strength.create', {
        householdId: family,
        category,
        description,
        consent,
        source: 'survey',
      });
    ok(core, 'person.update', {
      id: school.personId,
      channels: ['text', 'call'],
      homeLanguage: 'es',
      bestTimes: 'Evenings',
    });
    add('Carpentry, built the reading loft', 'skill');
    add('Habla español y quechua', 'language');
    add('Vegetable gardening', 'interest');
    add('Garden design, private for now', 'interest', 'recorder_only');
    return built;
  }

  it('finds strengths by word beginnings, across accents, within a category, with how to reach the family', () => {
    const { core } = withStrengths();
    const hits = ok(core, 'strength.search', { text: 'garden' });
    expect(hits.map((h) => h.strength.description).sort()).toEqual([
      'Garden design, private for now',
      'Vegetable gardening',
    ]);
    expect(hits[0]?.contact).toMatchObject({
      firstName: 'María',
      channels: ['text', 'call'],
      homeLanguage: 'es',
      bestTimes: 'Evenings',
    });
    expect(hits[0]?.familyName).toBe('Núñez family');
    expect(
      ok(core, 'strength.search', { text: 'ESPANOL' }).map((h) => h.strength.category),
    ).toEqual(['language']);
    expect(ok(core, 'strength.search', { text: 'carp', category: 'language' })).toEqual([]);
    expect(
      ok(core, 'strength.search', { category: 'skill' }).map((h) => h.strength.description),
    ).toEqual(['Carpentry, built the reading loft']);
  });

  it('keeps a strength the family did not want shared with its recorder only', () => {
    const { core, school, family } = withStrengths();
    school.signInAs('nurse');
    expect(
      ok(core, 'strength.search', { text: 'garden' }).map((h) => h.strength.description),
    ).toEqual(['Vegetable gardening']);
    expect(
      ok(core, 'family.get', { householdId: family }).strengths.map((s) => s.consent),
    ).not.toContain('recorder_only');
  });
});

describe('home visits', () => {
  function planned(s: PrivacySchool, core: Core, family: string) {
    s.signInAs('liaison');
    return ok(core, 'homeVisit.plan', {
      householdId: family,
      scheduledAt: '2026-11-25T23:00:00Z',
      place: 'home',
      purpose: 'Welcome to the school',
      staffIds: [s.staff.liaison.id, s.staff.nurse.id],
    });
  }
  const draft = {
    present: 'María and Ana',
    hopes: 'Ana wants to be a vet',
    concerns: '',
    tone: null,
    strengths: [
      { category: 'skill' as const, description: 'Sews', consent: 'staff' as const, personId: '' },
    ],
    followUps: [],
  };

  it('plans a visit, lists it as upcoming for those going, and keeps the draft of its record', () => {
    const { core, school, family } = familySchool();
    const visit = planned(school, core, family);
    expect(visit.staffNames).toEqual(['Pat liaison', 'Pat nurse']);
    expect(ok(core, 'homeVisit.mine', {}).map((v) => v.id)).toEqual([visit.id]);
    school.signInAs('teacher');
    expect(ok(core, 'homeVisit.mine', {})).toEqual([]);
    expect(fail(core, 'homeVisit.saveDraft', { id: visit.id, draft }).code).toBe('UNAUTHORIZED');
    school.signInAs('liaison');
    ok(core, 'homeVisit.saveDraft', { id: visit.id, draft });
    expect(ok(core, 'homeVisit.get', { id: visit.id })).toMatchObject({
      draft,
      draftSavedAt: expect.any(String),
    });
    // Each person's draft is their own.
    school.signInAs('nurse');
    expect(ok(core, 'homeVisit.get', { id: visit.id }).draft).toBeNull();
    expect(ok(core, 'family.get', { householdId: family }).visits.map((v) => v.id)).toEqual([
      visit.id,
    ]);
  });

  it('completes a visit in one step: record, strengths, follow-ups and a contact, and drops the draft', () => {
    const { core, school, family } = familySchool();
    const visit = planned(school, core, family);
    ok(core, 'homeVisit.saveDraft', { id: visit.id, draft });
    const before = snapshot(core);
    const incomplete = fail(core, 'homeVisit.complete', {
      id: visit.id,
      present: 'María',
      hopes: '',
      tone: 'good_news',
    });
    expect(incomplete.issues).toEqual([{ path: 'hopes', message: 'cannot be empty' }]);
    expect(snapshot(core)).toBe(before);
    const done = ok(core, 'homeVisit.complete', {
      id: visit.id,
      present: 'María and Ana',
      hopes: 'Ana wants to be a vet',
      concerns: 'Bus stop is far',
      tone: 'good_news',
      strengths: [
        {
          category: 'skill',
          description: 'Sews costumes',
          consent: 'staff',
          personId: school.personId,
        },
      ],
      followUps: [
        {
          studentId: school.studentId,
          title: 'Ask about a closer bus stop',
          assigneeId: school.staff.liaison.id,
          dueOn: '2026-12-01',
        },
      ],
    });
    expect(done).toMatchObject({
      status: 'completed',
      hopes: 'Ana wants to be a vet',
      closedBy: school.staff.liaison.id,
    });
    const profile = ok(core, 'family.get', { householdId: family });
    expect(profile.strengths[0]).toMatchObject({
      description: 'Sews costumes',
      source: 'home_visit',
      homeVisitId: visit.id,
    });
    expect(profile.lastContact).toMatchObject({ kind: 'home_visit', tone: 'good_news' });
    expect(profile.positiveThisYear).toBe(true);
    expect(profile.visits).toEqual([]);
    const followUps = ok(core, 'followUp.forFamily', { householdId: family });
    expect(followUps.map((f) => (f.access === 'open' ? f.title : null))).toContain(
      'Ask about a closer bus stop',
    );
    expect(ok(core, 'homeVisit.get', { id: visit.id }).draft).toBeNull();
    expect(
      fail(core, 'homeVisit.complete', {
        id: visit.id,
        present: 'x',
        hopes: 'y',
        tone: 'information',
      }).code,
    ).toBe('CONFLICT');
  });

  it('can be declined by the family, with the reason, and then takes no record', () => {
    const { core, school, family } = familySchool();
    const visit = planned(school, core, family);
    const closed = ok(core, 'homeVisit.close', {
      id: visit.id,
      status: 'declined',
      note: 'Prefers to meet at school',
    });
    expect(closed).toMatchObject({ status: 'declined', outcomeNote: 'Prefers to meet at school' });
    expect(ok(core, 'homeVisit.mine', {})).toEqual([]);
    expect(fail(core, 'homeVisit.saveDraft', { id: visit.id, draft }).code).toBe('CONFLICT');
    const entry = ok(core, 'family.timeline', { householdId: family, kinds: ['home_visit'] })
      .entries[0];
    expect(entry).toMatchObject({ status: 'declined', detail: 'Prefers to meet at school' });
  });
});

describe('family voice', () => {
  it('moves an item through heard, acted and told in order, each with who and when', () => {
    const { core, school, family, setNow } = familySchool();
    const older = ok(core, 'voice.create', {
      householdId: family,
      kind: 'concern',
      summary: 'Crossing guard needed',
      raisedAt: '2026-10-01T15:00:00Z',
    });
    const item = ok(core, 'voice.create', {
      householdId: family,
      personId: school.personId,
      kind: 'suggestion',
      summary: 'Spanish books in the library',
    });
    expect(ok(core, 'voice.open', {}).map((v) => v.id)).toEqual([older.id, item.id]);
    expect(fail(core, 'voice.advance', { id: item.id, step: 'told' }).code).toBe('CONFLICT');
    school.signInAs('coordinator');
    setNow('2026-11-24T15:00:00Z');
    expect(ok(core, 'voice.advance', { id: item.id, step: 'heard' })).toMatchObject({
      heardByName: 'Pat coordinator',
      heardAt: '2026-11-24T15:00:00.000Z',
    });
    ok(core, 'voice.advance', { id: item.id, step: 'acted', note: 'Ordered 40 books' });
    const told = ok(core, 'voice.advance', {
      id: item.id,
      step: 'told',
      note: 'Told María at pickup',
    });
    expect(told).toMatchObject({
      actedNote: 'Ordered 40 books',
      toldNote: 'Told María at pickup',
      toldByName: 'Pat coordinator',
      personName: 'María Núñez',
    });
    expect(ok(core, 'voice.open', {}).map((v) => v.id)).toEqual([older.id]);
    expect(fail(core, 'voice.advance', { id: item.id, step: 'told' }).code).toBe('CONFLICT');
    expect(
      fail(core, 'voice.create', {
        householdId: family,
        kind: 'question',
        summary: 'x',
        raisedAt: '2027-01-01T00:00:00Z',
      }).code,
    ).toBe('VALIDATION');
  });
});

describe('duplicates', () => {
  it('warns about the same phone in another format, the same email, or a similar name', () => {
    const { core, family } = familySchool();
    const jose = ok(core, 'person.create', {
      firstName: 'José',
      lastName: 'García-López',
      kind: 'caregiver',
      phones: ['+1 (312) 555-0142'],
      email: 'Jose.Garcia@example.org',
      householdId: family,
    });
    const reasons = (typed: Parameters<typeof ok<'person.findDuplicates'>>[2]) =>
      ok(core, 'person.findDuplicates', typed).find((c) => c.person.id === jose.id)?.reasons ?? [];
    expect(reasons({ firstName: 'Pepe', lastName: 'Smith', phones: ['312.555.0142'] })).toEqual([
      'phone',
    ]);
    expect(reasons({ firstName: 'P', lastName: 'S', email: 'jose.garcia@EXAMPLE.org' })).toEqual([
      'email',
    ]);
    expect(reasons({ firstName: 'Jose', lastName: 'Garcia' })).toEqual(['name']);
    expect(reasons({ firstName: 'Jos', lastName: 'Garsia' })).toEqual(['name']);
    expect(reasons({ firstName: 'Ana', lastName: 'García' })).toEqual([]);
    expect(reasons({ firstName: 'José', lastName: 'Ruiz', phones: ['555-0199'] })).toEqual([]);
  });

  it('merges two people keeping every link, contact, strength and caution, and audits the merge', () => {
    const { core, school, family } = familySchool();
    const dup = ok(core, 'person.create', {
      firstName: 'Maria',
      lastName: 'Nunez',
      kind: 'caregiver',
      phones: ['555-0100'],
      email: 'maria@example.org',
    });
    const brother = ok(core, 'student.create', { firstName: 'Leo', lastName: 'Núñez', grade: '1' });
    ok(core, 'link.set', {
      studentId: school.studentId,
      personId: dup.id,
      relationship: 'Mother',
      pickup: 'see_office',
      officeNote: 'Call first',
    });
    ok(core, 'link.set', {
      studentId: brother.id,
      personId: dup.id,
      relationship: 'Mother',
      legalGuardian: true,
    });
    ok(core, 'visit.signIn', { visitor: { personId: dup.id }, purpose: 'meeting' });
    ok(core, 'strength.create', {
      householdId: family,
      personId: dup.id,
      category: 'interest',
      description: 'Soccer coach',
      consent: 'staff',
      source: 'walk_in',
    });

    const kept = ok(core, 'person.merge', { keepId: school.personId, mergeId: dup.id });
    expect(kept).toMatchObject({
      phones: ['555-0100'],
      email: 'maria@example.org',
      householdId: family,
    });
    const student = ok(core, 'student.get', { id: school.studentId });
    expect(student.caregivers.map((c) => [c.person.id, c.pickup, c.officeNote])).toEqual([
      [school.personId, 'see_office', 'Call first'],
    ]);
    expect(
      ok(core, 'student.get', { id: brother.id }).caregivers.map((c) => [
        c.person.id,
        c.legalGuardian,
      ]),
    ).toEqual([[school.personId, true]]);
    const person = ok(core, 'person.get', { id: school.personId });
    expect(person.contacts.map((c) => c.kind)).toContain('walk_in');
    expect(ok(core, 'family.get', { householdId: family }).strengths[0]?.personId).toBe(
      school.personId,
    );
    expect(
      ok(core, 'search.people', { text: 'maria nunez' })
        .filter((h) => h.type === 'person')
        .map((h) => h.type === 'person' && h.person.id),
    ).toEqual([school.personId]);
    expect(fail(core, 'person.merge', { keepId: school.personId, mergeId: dup.id }).code).toBe(
      'CONFLICT',
    );
    expect(fail(core, 'person.update', { id: dup.id, bestTimes: 'x' }).code).toBe('CONFLICT');

    school.signInAs('administrator');
    const [entry] = ok(core, 'audit.list', { action: 'merge' });
    expect(entry).toMatchObject({
      recordType: 'person',
      recordIds: [school.personId, dup.id],
      personId: school.personId,
      aboutName: 'María Núñez',
    });
  });
});
