import { describe, expect, it } from 'vitest';
import {
  FAMILIES_CSV_COLUMNS,
  FAMILIES_CSV_TEMPLATE,
  type CallInput,
  type FamilyListCursor,
  type FamilyListPage,
  type FamilyListRow,
  uploadedAuditEntrySchema,
} from '../../contract';
import type { Core } from '../../db/core';
import { setMeta } from '../../db/store';
import { auditToUpload } from '../../db/sync/audit-upload';
import { SYNC_META } from '../../db/sync/meta';
import { fail, ok, snapshot, tempCore } from '../helpers';
import { buildPrivacySchool } from '../privacy-school';

/** A new school (no roster, no district) on a clock the test moves. */
function newSchool(start = '2026-11-23T15:00:00Z') {
  let now = new Date(start);
  const core = tempCore({ setup: 'school', now: () => now });
  return {
    core,
    setNow: (iso: string) => {
      now = new Date(iso);
    },
  };
}

function addFamily(core: Core, input: Partial<CallInput<'family.create'>> & { name: string }) {
  return ok(core, 'family.create', input);
}

function listAll(core: Core, filter: Partial<CallInput<'family.list'>> = {}, limit = 2) {
  const rows: FamilyListRow[] = [];
  let after: FamilyListCursor | null = null;
  for (;;) {
    const page: FamilyListPage = ok(core, 'family.list', { ...filter, after, limit });
    rows.push(...page.rows);
    if (!page.next) return rows;
    after = page.next;
  }
}

const names = (rows: FamilyListRow[]) => rows.map((r) => r.household.name);

describe('adding a family by hand', () => {
  it('makes the household, its people and students, and links every person to every student', () => {
    const { core } = newSchool();
    const household = addFamily(core, {
      name: 'Okafor family',
      address: '14 Birch Lane',
      members: [
        {
          person: { firstName: 'Ngozi', lastName: 'Okafor', phones: ['+1 558 555 5024'] },
          relationship: 'Mother',
          legalGuardian: true,
          livesWith: true,
        },
        {
          person: { firstName: 'Emeka', lastName: 'Okafor', kind: 'relative' },
          relationship: 'Uncle',
          pickup: 'see_office',
          officeNote: 'Call Ngozi first',
        },
      ],
      students: [
        { firstName: 'Chidi', lastName: 'Okafor', grade: 'K', dateOfBirth: '2021-02-03' },
        { firstName: 'Ada', lastName: 'Okafor', grade: '3', pronouns: 'she/her' },
      ],
    });
    const family = ok(core, 'family.get', { householdId: household.id });
    expect(family.household.address).toBe('14 Birch Lane');
    expect(family.members.map((m) => [m.firstName, m.kind, m.householdId])).toEqual([
      ['Ngozi', 'caregiver', household.id],
      ['Emeka', 'relative', household.id],
    ]);
    expect(family.students.map((s) => s.student.firstName)).toEqual(['Ada', 'Chidi']);
    for (const { links } of family.students)
      expect(links.map((l) => [l.person.firstName, l.relationship, l.pickup])).toEqual([
        ['Ngozi', 'Mother', 'allowed'],
        ['Emeka', 'Uncle', 'see_office'],
      ]);
    const ada = family.students.find((s) => s.student.firstName === 'Ada');
    const record = ok(core, 'student.get', { id: ada?.student.id ?? '' });
    expect(record.student).toMatchObject({ source: 'local', pronouns: 'she/her', grade: '3' });
  });

  it('refuses a birth date in the future or before 1900 at its field, and writes nothing', () => {
    const { core } = newSchool();
    const before = snapshot(core);
    const future = fail(core, 'family.create', {
      name: 'Lee family',
      members: [{ person: { firstName: 'Min' }, relationship: 'Father' }],
      students: [{ firstName: 'Jun', lastName: 'Lee', grade: '1', dateOfBirth: '2027-01-01' }],
    });
    expect(future.code).toBe('VALIDATION');
    expect(future.issues).toEqual([
      { path: 'students.0.dateOfBirth', message: 'cannot be in the future' },
    ]);
    const ancient = fail(core, 'student.create', {
      firstName: 'Jun',
      lastName: 'Lee',
      grade: '1',
      dateOfBirth: '1899-12-31',
    });
    expect(ancient.issues?.[0]?.path).toBe('dateOfBirth');
    expect(snapshot(core)).toBe(before);
  });

  it('refuses to take someone from another family, naming them, and leaves both families as they were', () => {
    const { core } = newSchool();
    const first = addFamily(core, {
      name: 'Diaz family',
      members: [{ person: { firstName: 'Rosa', lastName: 'Diaz' }, relationship: 'Mother' }],
    });
    const rosa = ok(core, 'family.get', { householdId: first.id }).members[0];
    const before = snapshot(core);
    const error = fail(core, 'family.create', {
      name: 'Second Diaz family',
      members: [{ person: { personId: rosa?.id ?? '' }, relationship: 'Mother' }],
    });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Diaz family');
    expect(error.issues?.[0]?.path).toBe('members.0.person');
    expect(snapshot(core)).toBe(before);
  });

  it('links a student added later to the people chosen, and edits a link in place', () => {
    const { core } = newSchool();
    const household = addFamily(core, {
      name: 'Haddad family',
      members: [{ person: { firstName: 'Lina', lastName: 'Haddad' }, relationship: 'Mother' }],
    });
    const lina = ok(core, 'family.get', { householdId: household.id }).members[0]?.id ?? '';
    const student = ok(core, 'student.create', {
      firstName: 'Omar',
      lastName: 'Haddad',
      grade: '2',
      links: [{ personId: lina, relationship: 'Mother', legalGuardian: true }],
    });
    ok(core, 'link.set', {
      studentId: student.id,
      personId: lina,
      relationship: 'Mother',
      legalGuardian: true,
      emergencyContact: true,
    });
    const [link] = ok(core, 'student.get', { id: student.id }).caregivers;
    expect(link).toMatchObject({ legalGuardian: true, emergencyContact: true });
    expect(
      core.store.sql('SELECT count(*) AS n FROM student_person_links').get() as { n: number },
    ).toEqual({ n: 1 });
  });
});

describe('enrollment at the front desk', () => {
  it('turns the visitor into a caregiver of a new family and files the walk-in in its history', () => {
    const { core } = newSchool();
    const visit = ok(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Amina Yusuf', phone: '555 0142' } },
      purpose: 'enrollment',
    });
    const household = addFamily(core, {
      name: 'Yusuf family',
      visitId: visit.id,
      members: [
        { person: { personId: visit.personId ?? '' }, relationship: 'Mother', legalGuardian: true },
      ],
      students: [{ firstName: 'Hodan', lastName: 'Yusuf', grade: '1' }],
    });
    const family = ok(core, 'family.get', { householdId: household.id });
    expect(family.members.map((m) => [m.firstName, m.kind])).toEqual([['Amina', 'caregiver']]);
    expect(family.students[0]?.student.firstName).toBe('Hodan');
    const timeline = ok(core, 'family.timeline', { householdId: household.id });
    expect(timeline.entries.map((e) => e.kind)).toEqual(['walk_in']);
    expect(family.lastContact?.kind).toBe('walk_in');
  });

  it('refuses a visit whose visitor is not one of the family’s people', () => {
    const { core } = newSchool();
    const visit = ok(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Amina Yusuf' } },
      purpose: 'enrollment',
    });
    const before = snapshot(core);
    const error = fail(core, 'family.create', {
      name: 'Other family',
      visitId: visit.id,
      members: [{ person: { firstName: 'Someone' }, relationship: 'Aunt' }],
    });
    expect(error.issues?.[0]?.path).toBe('visitId');
    expect(snapshot(core)).toBe(before);
  });
});

describe('names and grades the roster owns', () => {
  it('refuses a change to a roster student’s name or grade on a joined computer, but not other details', () => {
    const { core } = newSchool();
    const student = ok(core, 'student.create', { firstName: 'Ana', lastName: 'Núñez', grade: '3' });
    // As a roster import would have written it.
    core.store.sql("UPDATE students SET source = 'roster' WHERE id = ?").run(student.id);
    expect(ok(core, 'student.update', { id: student.id, grade: '4' }).grade).toBe('4');
    setMeta(core.store, SYNC_META.serverUrl, 'https://district.example');
    const error = fail(core, 'student.update', { id: student.id, grade: '5', lastName: 'Nunez' });
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['grade', 'lastName']);
    expect(ok(core, 'student.update', { id: student.id, pronouns: 'she/her' }).pronouns).toBe(
      'she/her',
    );
  });
});

describe('the families list', () => {
  /**
   * Four families counted by hand (school year from 1 Aug 2026; today 23 Nov 2026):
   * - Abara: Igbo, needs an interpreter, grade 2, good news on 1 Nov, an open voice item.
   * - Brown: English, grade 2 and 5, a concern on 20 Nov (good news last school year only).
   * - Castillo: Spanish, first channel text, grade K, a pickup caution, never contacted.
   * - Dang: no people's language, no students, a call on 1 Sep (information).
   */
  function fourFamilies() {
    const school = newSchool('2026-11-23T15:00:00Z');
    const { core, setNow } = school;
    const family = (
      name: string,
      person: Record<string, unknown>,
      grades: string[],
      link: Record<string, unknown> = {},
    ) =>
      addFamily(core, {
        name,
        members: [{ person: { firstName: 'P', ...person }, relationship: 'Parent', ...link }],
        students: grades.map((grade, i) => ({
          firstName: `Kid${i}`,
          lastName: name.split(' ')[0] ?? name,
          grade,
        })),
      }).id;
    const abara = family('Abara family', { homeLanguage: 'ig', interpreter: 'spoken' }, ['2']);
    const brown = family('Brown family', { homeLanguage: 'en' }, ['2', '5']);
    const castillo = family('Castillo family', { homeLanguage: 'es', channels: ['text'] }, ['K'], {
      pickup: 'not_allowed',
    });
    const dang = family('Dang family', {}, []);
    const contact = (
      householdId: string,
      tone: 'good_news' | 'concern' | 'information',
      at: string,
    ) =>
      ok(core, 'contact.log', {
        householdId,
        kind: 'call',
        direction: 'school_to_family',
        tone,
        summary: 'A call.',
        occurredAt: at,
      });
    contact(abara, 'good_news', '2026-11-01T15:00:00Z');
    contact(brown, 'good_news', '2026-05-01T15:00:00Z');
    contact(brown, 'concern', '2026-11-20T15:00:00Z');
    contact(dang, 'information', '2026-09-01T15:00:00Z');
    ok(core, 'voice.create', { householdId: abara, kind: 'question', summary: 'Bus times?' });
    setNow('2026-11-23T15:00:00Z');
    return { core, ids: { abara, brown, castillo, dang } };
  }

  it('lists every family by name, a page at a time, with what the row shows', () => {
    const { core } = fourFamilies();
    const rows = listAll(core);
    expect(names(rows)).toEqual(['Abara family', 'Brown family', 'Castillo family', 'Dang family']);
    const [abara, brown, castillo, dang] = rows;
    expect(abara).toMatchObject({
      homeLanguages: ['ig'],
      interpreter: true,
      goodNewsThisYear: true,
      openVoice: 1,
      pickupCautions: 0,
      lastContact: { tone: 'good_news' },
    });
    expect(brown?.students.map((s) => s.grade).sort()).toEqual(['2', '5']);
    expect(brown?.goodNewsThisYear).toBe(false);
    expect(castillo).toMatchObject({ channel: 'text', lastContact: null, pickupCautions: 1 });
    expect(dang?.students).toEqual([]);
  });

  it('filters by each fact, alone and together', () => {
    const { core } = fourFamilies();
    expect(names(listAll(core, { grade: '2' }))).toEqual(['Abara family', 'Brown family']);
    expect(names(listAll(core, { language: 'es' }))).toEqual(['Castillo family']);
    expect(names(listAll(core, { interpreter: true }))).toEqual(['Abara family']);
    expect(names(listAll(core, { channel: 'text' }))).toEqual(['Castillo family']);
    // No contact in 30 days: Castillo never, Dang on 1 Sep.
    expect(names(listAll(core, { notContactedDays: 30 }))).toEqual([
      'Castillo family',
      'Dang family',
    ]);
    expect(names(listAll(core, { lastTone: 'concern' }))).toEqual(['Brown family']);
    expect(names(listAll(core, { noGoodNews: true }))).toEqual([
      'Brown family',
      'Castillo family',
      'Dang family',
    ]);
    expect(names(listAll(core, { openVoice: true }))).toEqual(['Abara family']);
    expect(names(listAll(core, { pickupCaution: true }))).toEqual(['Castillo family']);
    expect(names(listAll(core, { grade: '2', noGoodNews: true }))).toEqual(['Brown family']);
  });

  it('sorts by last contact, never-contacted first, across pages', () => {
    const { core } = fourFamilies();
    expect(names(listAll(core, { sort: 'last_contact' }, 1))).toEqual([
      'Castillo family',
      'Dang family',
      'Abara family',
      'Brown family',
    ]);
  });

  it('keeps its facts in step when a voice item is closed and a contact is logged', () => {
    const { core, ids } = fourFamilies();
    const [item] = ok(core, 'voice.open', {});
    for (const step of ['heard', 'acted', 'told'] as const)
      ok(core, 'voice.advance', { id: item?.id ?? '', step, note: 'Sent the bus schedule.' });
    expect(names(listAll(core, { openVoice: true }))).toEqual([]);
    ok(core, 'contact.log', {
      householdId: ids.castillo,
      kind: 'text',
      direction: 'school_to_family',
      tone: 'good_news',
      summary: 'Great first week!',
    });
    expect(names(listAll(core, { noGoodNews: true }))).toEqual(['Brown family', 'Dang family']);
  });

  it('searches caregivers and students, and lists visitors who are in no family', () => {
    const { core } = fourFamilies();
    ok(core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Castillo Reyes' } },
      purpose: 'question',
    });
    const page = ok(core, 'family.list', { text: 'castillo' });
    expect(names(page.rows)).toEqual(['Castillo family']);
    expect(page.unplaced.map((p) => [p.name, p.kind])).toEqual([['Castillo Reyes', 'visitor']]);
    expect(names(ok(core, 'family.list', { text: 'kid1' }).rows)).toEqual(['Brown family']);
  });
});

describe('dates before 1970', () => {
  it('logs a contact backdated to 1969 and shows it on the timeline', () => {
    const { core } = newSchool();
    const household = addFamily(core, { name: 'Old family' });
    const contact = ok(core, 'contact.log', {
      householdId: household.id,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'information',
      summary: 'An old call.',
      occurredAt: '1969-07-20T20:17:00Z',
    });
    expect(contact.occurredAt).toBe('1969-07-20T20:17:00.000Z');
    const timeline = ok(core, 'family.timeline', { householdId: household.id });
    expect(timeline.entries.map((e) => e.at)).toEqual(['1969-07-20T20:17:00.000Z']);
  });
});

describe('reading back what was logged', () => {
  function schoolWithFamily() {
    let now = new Date('2026-11-20T15:00:00Z');
    const core = tempCore({ setup: 'school', now: () => now });
    const school = buildPrivacySchool(core);
    return {
      core,
      school,
      setNow: (iso: string) => {
        now = new Date(iso);
      },
    };
  }

  it('opens a completed home visit from its contact: the record, its strengths and follow-ups', () => {
    const { core, school, setNow } = schoolWithFamily();
    school.signInAs('liaison');
    const visit = ok(core, 'homeVisit.plan', {
      householdId: school.householdId,
      scheduledAt: '2026-11-21T23:00:00Z',
      place: 'home',
      purpose: 'Welcome visit',
      staffIds: [school.staff.liaison.id],
    });
    setNow('2026-11-22T15:00:00Z');
    ok(core, 'homeVisit.complete', {
      id: visit.id,
      present: 'María and Ana',
      hopes: 'Ana wants to be a vet',
      tone: 'good_news',
      strengths: [{ category: 'skill', description: 'Sews costumes', consent: 'staff' }],
      followUps: [
        {
          studentId: school.studentId,
          title: 'Housing referral',
          assigneeId: school.staff.liaison.id,
          dueOn: '2026-12-01',
          visibility: 'team:support',
        },
      ],
    });
    const [entry] = ok(core, 'family.timeline', {
      householdId: school.householdId,
      kinds: ['home_visit'],
    }).entries;
    expect(entry?.source).toBe('contact');
    const opened = ok(core, 'timeline.open', {
      householdId: school.householdId,
      source: 'contact',
      id: entry?.id ?? '',
    });
    if (opened.source !== 'contact') throw new Error('expected a contact');
    expect(opened.homeVisit).toMatchObject({ hopes: 'Ana wants to be a vet', status: 'completed' });
    expect(opened.strengths.map((s) => s.description)).toEqual(['Sews costumes']);
    expect(opened.followUps).toMatchObject([{ access: 'open', title: 'Housing referral' }]);
    // The front office learns only that a support follow-up exists.
    school.signInAs('front_office');
    const seen = ok(core, 'timeline.open', {
      householdId: school.householdId,
      source: 'contact',
      id: entry?.id ?? '',
    });
    if (seen.source !== 'contact') throw new Error('expected a contact');
    expect(seen.followUps).toMatchObject([{ access: 'restricted', visibility: 'team:support' }]);
    expect(JSON.stringify(seen)).not.toContain('Housing referral');
  });

  it('opens a walk-in with who came, why, and who greeted them', () => {
    const { core, school } = schoolWithFamily();
    school.signInAs('front_office');
    const visit = ok(core, 'visit.signIn', {
      visitor: { personId: school.personId },
      studentIds: [school.studentId],
      purpose: 'meeting',
      seeing: 'Counselor',
    });
    const contact = core.store.sql('SELECT id FROM contacts WHERE visit_id = ?').get(visit.id) as {
      id: string;
    };
    const opened = ok(core, 'timeline.open', {
      householdId: school.householdId,
      source: 'contact',
      id: contact.id,
    });
    if (opened.source !== 'contact') throw new Error('expected a contact');
    expect(opened.walkIn).toMatchObject({ purpose: 'meeting', seeing: 'Counselor' });
    expect(opened.contact.studentNames).toEqual(['Ana Núñez']);
    expect(opened.contact.personName).toBe('María Núñez');
  });

  it('corrects a contact with a new one that names it; both stay and each shows the other', () => {
    const { core, school } = schoolWithFamily();
    school.signInAs('teacher');
    const original = ok(core, 'contact.log', {
      householdId: school.householdId,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'concern',
      summary: 'Called about missing homework.',
    });
    const correction = ok(core, 'contact.log', {
      householdId: school.householdId,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'information',
      summary: 'Correction: it was the library book, not homework.',
      correctsId: original.id,
    });
    // A correction of the correction is listed with the original too.
    const again = ok(core, 'contact.log', {
      householdId: school.householdId,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'information',
      summary: 'Correction: two library books.',
      correctsId: correction.id,
    });
    expect(again.correctsId).toBe(original.id);
    const opened = ok(core, 'timeline.open', {
      householdId: school.householdId,
      source: 'contact',
      id: original.id,
    });
    if (opened.source !== 'contact') throw new Error('expected a contact');
    expect(opened.contact.summary).toBe('Called about missing homework.');
    expect(opened.corrections.map((c) => c.summary)).toEqual([
      'Correction: it was the library book, not homework.',
      'Correction: two library books.',
    ]);
    const fix = ok(core, 'timeline.open', {
      householdId: school.householdId,
      source: 'contact',
      id: correction.id,
    });
    if (fix.source !== 'contact') throw new Error('expected a contact');
    expect(fix.corrects?.id).toBe(original.id);
    const other = ok(core, 'household.create', { name: 'Other family' });
    const before = snapshot(core);
    const refused = fail(core, 'contact.log', {
      householdId: other.id,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'information',
      summary: 'Wrong family.',
      correctsId: original.id,
    });
    expect(refused.issues?.[0]?.path).toBe('correctsId');
    expect(snapshot(core)).toBe(before);
  });

  it('answers an entry of another family as not found', () => {
    const { core, school } = schoolWithFamily();
    const other = ok(core, 'household.create', { name: 'Other family' });
    expect(
      fail(core, 'timeline.open', {
        householdId: other.id,
        source: 'contact',
        id: school.contactId,
      }).code,
    ).toBe('NOT_FOUND');
  });
});

describe('importing a families file on this computer', () => {
  const header = FAMILIES_CSV_COLUMNS.join(',');
  const row = (cells: Partial<Record<(typeof FAMILIES_CSV_COLUMNS)[number], string>>) =>
    FAMILIES_CSV_COLUMNS.map((c) => cells[c] ?? '').join(',');
  const base = {
    family_name: 'Okafor family',
    address: '14 Birch Lane',
    student_last_name: 'Okafor',
    caregiver_1_first_name: 'Ngozi',
    caregiver_1_last_name: 'Okafor',
    caregiver_1_relationship: 'Mother',
  };

  it('imports the template as it is', () => {
    const { core } = newSchool();
    expect(
      ok(core, 'families.import', {
        format: 'families-csv',
        fileName: 'template.csv',
        text: FAMILIES_CSV_TEMPLATE,
      }),
    ).toEqual({ families: 1, people: 1, students: 1, updated: 0, toMerge: 0 });
  });

  it('groups rows into families, links every caregiver to every student, and counts what came in', () => {
    const { core } = newSchool();
    const text = [
      header,
      row({
        ...base,
        student_first_name: 'Chidi',
        grade: 'K',
        caregiver_1_language: 'ig',
        caregiver_1_interpreter: 'yes',
        caregiver_2_first_name: 'Emeka',
        caregiver_2_relationship: 'Father',
      }),
      row({ ...base, student_first_name: 'Ada', grade: '3' }),
      row({
        family_name: 'Lee family',
        student_first_name: 'Jun',
        student_last_name: 'Lee',
        grade: '1',
        caregiver_1_first_name: 'Min',
        caregiver_1_relationship: 'Grandmother',
        caregiver_1_phone: '+1 558 555 5024',
      }),
    ].join('\n');
    expect(
      ok(core, 'families.import', { format: 'families-csv', fileName: 'families.csv', text }),
    ).toEqual({
      families: 2,
      people: 3,
      students: 3,
      updated: 0,
      toMerge: 0,
    });
    const [okafor] = ok(core, 'family.list', { text: 'okafor' }).rows;
    const family = ok(core, 'family.get', { householdId: okafor?.household.id ?? '' });
    expect(family.members.map((m) => [m.firstName, m.homeLanguage, m.interpreter])).toEqual([
      ['Ngozi', 'ig', 'spoken'],
      ['Emeka', null, 'none'],
    ]);
    expect(family.students.map((s) => s.links.map((l) => l.relationship).sort())).toEqual([
      ['Father', 'Mother'],
      ['Father', 'Mother'],
    ]);
    expect(names(ok(core, 'family.list', { text: '5585555024' }).rows)).toEqual(['Lee family']);
  });

  it('names each problem by file, line and column, and imports nothing', () => {
    const { core } = newSchool();
    const before = snapshot(core);
    const text = [
      header,
      row({ ...base, student_first_name: 'Chidi', grade: 'K' }),
      row({ ...base, student_first_name: 'Ada', grade: '3', caregiver_1_phone: 'call me' }),
      row({ ...base, student_first_name: '', grade: '3' }),
      row({
        ...base,
        student_first_name: 'Obi',
        grade: '2',
        date_of_birth: '2019-13-40',
        caregiver_1_email: 'not-an-email',
      }),
    ].join('\n');
    const error = fail(core, 'families.import', {
      format: 'families-csv',
      fileName: 'families.csv',
      text,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.issues).toEqual([
      {
        path: 'families.csv, line 3, caregiver_1_phone',
        message: 'must be a phone number (digits, spaces, + ( ) - .)',
      },
      { path: 'families.csv, line 4, student_first_name', message: 'cannot be empty' },
      { path: 'families.csv, line 5, date_of_birth', message: 'must be a date' },
      { path: 'families.csv, line 5, caregiver_1_email', message: 'must be an email address' },
    ]);
    expect(snapshot(core)).toBe(before);
  });

  it('refuses a file without the columns it needs, or with ones it does not know', () => {
    const { core } = newSchool();
    const error = fail(core, 'families.import', {
      format: 'families-csv',
      fileName: 'families.csv',
      text: 'family_name,student_first_name,favourite_colour\nOkafor family,Chidi,green\n',
    });
    expect(error.issues?.map((i) => i.path)).toEqual([
      'families.csv, line 1, student_last_name',
      'families.csv, line 1, grade',
      'families.csv, line 1, caregiver_1_first_name',
      'families.csv, line 1, caregiver_1_relationship',
      'families.csv, line 1, favourite_colour',
    ]);
  });

  it('refuses the same file twice, so nobody is doubled', () => {
    const { core } = newSchool();
    ok(core, 'families.import', {
      format: 'families-csv',
      fileName: 'families.csv',
      text: FAMILIES_CSV_TEMPLATE,
    });
    const before = snapshot(core);
    const error = fail(core, 'families.import', {
      format: 'families-csv',
      fileName: 'families.csv',
      text: FAMILIES_CSV_TEMPLATE,
    });
    expect(error.issues).toEqual([
      {
        path: 'families.csv, line 2, family_name',
        message: 'the Okafor family at this address is already in Hearth',
      },
    ]);
    expect(snapshot(core)).toBe(before);
  });
});

describe('a home visit from before 1970', () => {
  it('is planned, completed and recorded like any other', () => {
    const { core } = newSchool();
    const household = addFamily(core, { name: 'Old family' });
    const [staff] = ok(core, 'staff.list', {});
    const visit = ok(core, 'homeVisit.plan', {
      householdId: household.id,
      scheduledAt: '1969-05-01T16:00:00Z',
      place: 'home',
      purpose: 'A visit from long ago',
      staffIds: [staff?.id ?? ''],
    });
    const done = ok(core, 'homeVisit.complete', {
      id: visit.id,
      present: 'Everyone',
      hopes: 'To remember it',
      tone: 'good_news',
    });
    expect(done.status).toBe('completed');
    const [entry] = ok(core, 'family.timeline', { householdId: household.id }).entries;
    expect(entry).toMatchObject({ kind: 'home_visit', at: '1969-05-01T16:00:00.000Z' });
  });
});

describe('exporting the families list', () => {
  it('writes every family the filter lets through, neutralises formulas, and audits which households left', () => {
    const { core } = newSchool();
    addFamily(core, {
      name: '=HYPERLINK("x") family',
      members: [{ person: { firstName: 'Ana', homeLanguage: 'es' }, relationship: 'Mother' }],
      students: [{ firstName: 'Leo', lastName: 'Ruiz', grade: '2' }],
    });
    const other = addFamily(core, { name: 'Brown family' });
    const all = ok(core, 'family.exportList', {});
    expect(all.count).toBe(2);
    const lines = all.csv.trim().split('\r\n');
    expect(lines[0]).toContain('Family,Address,Caregivers,Students');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"") family"`);
    expect(lines[1]).toContain('Leo Ruiz (2)');
    expect(ok(core, 'family.exportList', { language: 'es' }).count).toBe(1);
    const [latest] = ok(core, 'audit.list', {});
    expect(latest).toMatchObject({
      action: 'export',
      recordType: 'family_list',
      studentId: null,
      personId: null,
      aboutName: 'the families list (1 family)',
    });
    const uploads = auditToUpload(core.store, 10).entries.filter(
      (e) => e.recordType === 'family_list',
    );
    expect(uploads).toHaveLength(2);
    for (const entry of uploads)
      expect(uploadedAuditEntrySchema.safeParse(entry).success).toBe(true);
    expect(uploads[0]?.recordIds).toContain(other.id);
  });
});

describe('the demo school agrees with itself', () => {
  it('gives no two people of a family one first name, and language strengths name the family’s language', () => {
    const core = tempCore({ setup: 'demo' });
    const clashes = core.store.db
      .prepare(
        `SELECT count(*) AS n FROM (
           SELECT p.household_id, s.first_name FROM students s
           JOIN student_person_links l ON l.student_id = s.id JOIN people p ON p.id = l.person_id
           WHERE p.household_id IS NOT NULL GROUP BY p.household_id, s.first_name
           HAVING count(DISTINCT s.id) > 1)`,
      )
      .get() as { n: number };
    expect(clashes.n).toBe(0);
    const mismatched = core.store.db
      .prepare(
        `SELECT s.description, p.home_language FROM strengths s JOIN people p ON p.id = s.person_id
         WHERE s.category = 'language'`,
      )
      .all() as { description: string; home_language: string | null }[];
    expect(mismatched.length).toBeGreaterThan(0);
    const names = new Intl.DisplayNames(['en'], { type: 'language' });
    for (const { description, home_language } of mismatched)
      if (home_language && home_language !== 'en')
        expect(description).toContain(names.of(home_language) ?? home_language);
  });
});

describe('a printed or exported record', () => {
  it('names to whom it was given and why, as its record of disclosure does', () => {
    const { core } = newSchool();
    const student = ok(core, 'student.create', { firstName: 'Ana', lastName: 'Núñez', grade: '3' });
    const out = ok(core, 'family.export', {
      studentId: student.id,
      format: 'csv',
      recipient: 'Lincoln Middle School',
      purpose: 'Enrollment transfer',
    });
    expect(out.record).toMatchObject({
      recipient: 'Lincoln Middle School',
      purpose: 'Enrollment transfer',
    });
    expect(out.csv).toContain('Given to');
    expect(out.csv).toContain('Lincoln Middle School,Enrollment transfer');
    expect(out.disclosure.recipient).toBe('Lincoln Middle School');
  });

  it('of a whole family is each student’s record, each with a disclosure of its own naming the family', () => {
    const { core } = newSchool();
    const household = addFamily(core, {
      name: 'Okafor family',
      members: [{ person: { firstName: 'Ngozi', lastName: 'Okafor' }, relationship: 'Mother' }],
      students: [
        { firstName: 'Chidi', lastName: 'Okafor', grade: 'K' },
        { firstName: 'Ada', lastName: 'Okafor', grade: '3' },
      ],
    });
    const out = ok(core, 'family.exportHousehold', {
      householdId: household.id,
      format: 'csv',
      recipient: 'Family resource centre',
      purpose: 'Referral, with the mother’s written consent',
    });
    expect(out.records.map((r) => r.student.firstName).sort()).toEqual(['Ada', 'Chidi']);
    expect(out.disclosures).toHaveLength(2);
    for (const d of out.disclosures) {
      expect(d.recipient).toBe('Family resource centre');
      expect(d.description).toMatch(/part of the Okafor family’s record/);
    }
    const csv = out.csv ?? '';
    expect(csv.match(/^Student,/gm)).toHaveLength(2);
    expect(csv.match(/^Given to,/gm)).toHaveLength(1);
    for (const { student } of out.records)
      expect(ok(core, 'disclosure.forStudent', { studentId: student.id })).toHaveLength(1);
  });

  it('of a family with no students is refused, and nothing is recorded', () => {
    const { core } = newSchool();
    const household = addFamily(core, {
      name: 'Lee family',
      members: [{ person: { firstName: 'Min', lastName: 'Lee' }, relationship: 'Father' }],
    });
    const before = snapshot(core);
    const error = fail(core, 'family.exportHousehold', {
      householdId: household.id,
      format: 'print',
      recipient: 'Someone',
      purpose: 'Something',
    });
    expect(error.issues).toEqual([{ path: 'householdId', message: 'has no students' }]);
    expect(snapshot(core)).toBe(before);
  });
});
