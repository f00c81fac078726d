import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { FamiliesImportInput, FamilyListRow } from '../../contract';
import type { Core } from '../../db/core';
import { setMeta } from '../../db/store';
import { SYNC_META } from '../../db/sync/meta';
import { fail, ok, snapshot, tempCore } from '../helpers';

const SAMPLE = join(import.meta.dirname, '../../resources/roster-sample');
const sampleFiles = () =>
  Object.fromEntries(
    readdirSync(SAMPLE).map((name) => [name, readFileSync(join(SAMPLE, name), 'utf8')]),
  );

const asZip = (files: Record<string, string>): FamiliesImportInput => ({
  format: 'oneroster-zip',
  fileName: 'roster.zip',
  zip: Buffer.from(
    zipSync(
      Object.fromEntries(
        Object.entries(files).map(([name, text]) => [`export/${name}`, strToU8(text)]),
      ),
    ),
  ).toString('base64'),
});
const asFolder = (files: Record<string, string>): FamiliesImportInput => ({
  format: 'oneroster-csv',
  files: Object.entries(files).map(([name, text]) => ({ name, text })),
});

function families(core: Core) {
  const { rows } = ok(core, 'family.list', { limit: 50 });
  return rows.map((row: FamilyListRow) => {
    const family = ok(core, 'family.get', { householdId: row.household.id });
    return {
      name: row.household.name,
      people: family.members.map((m) => `${m.firstName} ${m.lastName}`),
      students: family.students.map(({ student }) => `${student.firstName} ${student.grade}`),
    };
  });
}

describe('a OneRoster export imported on a school’s own computer', () => {
  it('brings its students and caregivers in as families, by the server’s own rules', () => {
    const core = tempCore({ setup: 'school' });
    expect(ok(core, 'families.import', asZip(sampleFiles()))).toEqual({
      families: 2,
      people: 3,
      students: 3,
      updated: 0,
      toMerge: 0,
    });
    expect(families(core)).toEqual([
      { name: 'García family', people: ['Rosa García'], students: ['José 3', 'María K'] },
      { name: 'Nguyễn family', people: ['Lan Nguyễn', 'Bao Nguyễn'], students: ['Thảo 5'] },
    ]);
    const links = core.store.db
      .prepare(
        `SELECT p.first_name AS name, l.relationship, l.pickup, l.office_note IS NOT NULL AS noted
         FROM student_person_links l JOIN people p ON p.id = l.person_id ORDER BY p.first_name`,
      )
      .all();
    expect(links).toEqual([
      { name: 'Bao', relationship: 'Relative', pickup: 'see_office', noted: 1 },
      { name: 'Lan', relationship: 'Guardian', pickup: 'allowed', noted: 0 },
      { name: 'Rosa', relationship: 'Parent', pickup: 'allowed', noted: 0 },
      { name: 'Rosa', relationship: 'Parent', pickup: 'allowed', noted: 0 },
    ]);
    const sources = core.store.db
      .prepare('SELECT source, roster_id FROM students ORDER BY roster_id')
      .all();
    expect(sources).toEqual([
      { source: 'roster', roster_id: 'stu-1' },
      { source: 'roster', roster_id: 'stu-2' },
      { source: 'roster', roster_id: 'stu-3' },
    ]);
  });

  it('reads the CSV files of an export’s folder the same as its zip', () => {
    const core = tempCore({ setup: 'school' });
    expect(ok(core, 'families.import', asFolder(sampleFiles()))).toMatchObject({
      families: 2,
      people: 3,
      students: 3,
    });
  });

  it('imported again, doubles no one, follows the roster’s grades and keeps what the school changed', () => {
    const core = tempCore({ setup: 'school' });
    const files = sampleFiles();
    ok(core, 'families.import', asZip(files));
    const rosa = core.store.db
      .prepare(
        `SELECT l.id FROM student_person_links l JOIN people p ON p.id = l.person_id
                WHERE p.first_name = 'Rosa' LIMIT 1`,
      )
      .get() as { id: string };
    core.store.db
      .prepare(`UPDATE student_person_links SET office_note = 'Court order on file' WHERE id = ?`)
      .run(rosa.id);
    const users = (files['users.csv'] ?? '').replace('par-1,03,', 'par-1,04,');
    expect(ok(core, 'families.import', asZip({ ...files, 'users.csv': users }))).toEqual({
      families: 0,
      people: 0,
      students: 0,
      updated: 1,
      toMerge: 0,
    });
    expect(families(core)[0]?.students).toEqual(['José 4', 'María K']);
    const note = core.store.db
      .prepare('SELECT office_note FROM student_person_links WHERE id = ?')
      .get(rosa.id);
    expect(note).toEqual({ office_note: 'Court order on file' });
  });

  it('names each problem by file, line and column and imports nothing', () => {
    const core = tempCore({ setup: 'school' });
    const files = sampleFiles();
    const before = snapshot(core);
    const users = (files['users.csv'] ?? '').replace(',Thảo,', ',,');
    const error = fail(core, 'families.import', asZip({ ...files, 'users.csv': users }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/nothing was added/);
    expect(error.issues).toEqual([
      { path: 'users.csv, line 4, givenName', message: expect.any(String) },
    ]);
    const noUsers = fail(
      core,
      'families.import',
      asFolder({ 'orgs.csv': files['orgs.csv'] ?? '' }),
    );
    expect(noUsers.issues).toEqual([{ path: 'users.csv', message: 'is missing from the roster' }]);
    const notZip = fail(core, 'families.import', {
      format: 'oneroster-zip',
      fileName: 'roster.zip',
      zip: Buffer.from('not a zip').toString('base64'),
    });
    expect(notZip.issues).toEqual([
      { path: '(zip)', message: 'is not a zip file that can be read' },
    ]);
    expect(snapshot(core)).toBe(before);
  });

  it('refuses an export of several schools that does not name this one', () => {
    const core = tempCore({ setup: 'school' });
    const files = sampleFiles();
    const orgs = `${files['orgs.csv']?.trimEnd()}\nschool-2,,,Hillside Middle,school,HM,district-1\n`;
    const error = fail(core, 'families.import', asZip({ ...files, 'orgs.csv': orgs }));
    expect(error.issues).toEqual([
      {
        path: 'orgs.csv, name',
        message: expect.stringMatching(/lists 2 schools and none is named/),
      },
    ]);
  });

  it('counts a roster student who has the name of one added by hand, to be offered as a merge', () => {
    const core = tempCore({ setup: 'school' });
    ok(core, 'student.create', {
      firstName: 'thảo',
      lastName: 'Nguyễn',
      preferredName: null,
      grade: '5',
      homeroom: null,
      dateOfBirth: null,
      pronouns: null,
    });
    expect(ok(core, 'families.import', asZip(sampleFiles()))).toMatchObject({ toMerge: 1 });
  });

  it('is refused on a computer joined to a district, whose roster comes from the district', () => {
    const core = tempCore({ setup: 'school' });
    setMeta(core.store, SYNC_META.serverUrl, 'https://district.example');
    expect(fail(core, 'families.import', asZip(sampleFiles())).code).toBe('CONFLICT');
  });
});

describe('a student added by hand and later brought by the roster', () => {
  function addedByHandThenImported() {
    let now = new Date('2026-11-23T15:00:00Z');
    const core = tempCore({ setup: 'school', now: () => now });
    const household = ok(core, 'family.create', {
      name: 'Nguyễn family',
      members: [{ person: { firstName: 'Lan', lastName: 'Nguyễn' }, relationship: 'Guardian' }],
      students: [{ firstName: 'Thao', lastName: 'Nguyen', grade: '5', dateOfBirth: '2016-05-09' }],
    });
    const local = core.store.db.prepare(`SELECT id FROM students`).get() as { id: string };
    const { id: staffId } = core.store.db.prepare('SELECT id FROM staff').get() as { id: string };
    const [lan] = ok(core, 'family.get', { householdId: household.id }).members;
    const contact = ok(core, 'contact.log', {
      householdId: household.id,
      personId: lan?.id ?? '',
      studentIds: [local.id],
      kind: 'call',
      direction: 'school_to_family',
      tone: 'good_news',
      summary: 'Thao read aloud to the class.',
    });
    const note = ok(core, 'note.create', {
      studentId: local.id,
      visibility: 'staff',
      subject: 'First week',
      body: 'Settled in well.',
    });
    const followUp = ok(core, 'followUp.create', {
      studentId: local.id,
      visibility: 'staff',
      title: 'Check in with Lan',
      assigneeId: staffId,
      dueOn: '2026-12-20',
    });
    now = new Date('2026-11-24T15:00:00Z');
    expect(ok(core, 'families.import', asZip(sampleFiles()))).toMatchObject({ toMerge: 1 });
    const roster = core.store.db
      .prepare(`SELECT id FROM students WHERE roster_id = 'stu-3'`)
      .get() as { id: string };
    return { core, household, local: local.id, roster: roster.id, contact, note, followUp };
  }

  it('is offered as a duplicate of the roster’s record, and of no one else', () => {
    const { core, local, roster } = addedByHandThenImported();
    expect(ok(core, 'student.findDuplicates', { id: local }).map((s) => s.id)).toEqual([roster]);
    expect(ok(core, 'student.findDuplicates', { id: roster }).map((s) => s.id)).toEqual([local]);
  });

  it('merges into the roster’s record: links, contacts, notes and follow-ups move, nothing is lost, and it is audited', () => {
    const { core, household, local, roster, contact, note, followUp } = addedByHandThenImported();
    const merged = ok(core, 'student.merge', { keepId: roster, mergeId: local });
    expect(merged).toMatchObject({ id: roster, firstName: 'Thảo', dateOfBirth: '2016-05-09' });
    const family = ok(core, 'family.get', { householdId: household.id });
    expect(family.students.map(({ student }) => student.id)).toEqual([roster]);
    const contactRow = core.store.db
      .prepare('SELECT student_ids FROM contacts WHERE id = ?')
      .get(contact.id) as { student_ids: string };
    expect(JSON.parse(contactRow.student_ids)).toEqual([roster]);
    const moved = (table: string, id: string) =>
      core.store.db.prepare(`SELECT student_id FROM ${table} WHERE id = ?`).get(id);
    expect(moved('notes', note.noteId)).toEqual({ student_id: roster });
    expect(moved('follow_ups', followUp.id)).toEqual({ student_id: roster });
    const found = ok(core, 'search.people', { text: 'Thao' }).flatMap((hit) =>
      hit.type === 'student' ? [hit.student.id] : [],
    );
    expect(found).toEqual([roster]);
    expect(ok(core, 'student.findDuplicates', { id: roster })).toEqual([]);
    const audit = core.store.db
      .prepare(`SELECT action, record_type FROM audit_events WHERE record_type = 'student'`)
      .all();
    expect(audit).toEqual([{ action: 'merge', record_type: 'student' }]);
    expect(fail(core, 'student.merge', { keepId: roster, mergeId: local }).code).toBe('CONFLICT');
  });

  it('keeps the roster’s record: merging it into the one added by hand is refused and writes nothing', () => {
    const { core, local, roster } = addedByHandThenImported();
    const before = snapshot(core);
    const error = fail(core, 'student.merge', { keepId: local, mergeId: roster });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: 'mergeId', message: 'comes from the roster' }],
    });
    expect(snapshot(core)).toBe(before);
  });
});
