import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../contract';
import { callOrThrow, openCore, type Core } from '../../db/core';
import { ensureSearchIndex } from '../../db/search/rebuild';
import { TEST_PASSWORD, TEST_SCHOOL, signInStaff } from '../fixtures';
import { ok, tempCore, tempDir } from '../helpers';

const label = (h: SearchHit) =>
  h.type === 'person'
    ? `${h.person.firstName} ${h.person.lastName ?? ''}`.trim()
    : `student ${h.student.firstName} ${h.student.lastName}`;

describe('people and student search', () => {
  let core: Core;
  beforeAll(() => {
    core = tempCore({ setup: 'school', scope: 'suite' });
    const add = (firstName: string, lastName: string, phones: string[] = []) =>
      ok(core, 'person.create', { firstName, lastName, kind: 'caregiver', phones });
    const jose = add('José', 'García-López', ['+1 (312) 555-0142']);
    add('Thảo', 'Nguyễn', ['612.555.9876']);
    add('Guadalupe', 'De la Cruz');
    add('Joselyn', 'Smith');
    add('Liam', "O'Brien");
    const student = ok(core, 'student.create', {
      firstName: 'Mateo',
      lastName: 'García-López',
      grade: '2',
    });
    ok(core, 'link.set', {
      studentId: student.id,
      personId: jose.id,
      relationship: 'Parent',
      pickup: 'allowed',
    });
  });
  const search = (text: string) => ok(core, 'search.people', { text }).map(label);

  it('ignores accents and case in both directions', () => {
    expect(search('jose')).toContain('José García-López');
    expect(search('JOSÉ')).toContain('José García-López');
    expect(search('nguyen')).toEqual(['Thảo Nguyễn']);
    expect(search('thao ngu')).toEqual(['Thảo Nguyễn']);
  });

  it('finds hyphenated and two-part surnames by any part or the whole', () => {
    expect(search('lopez')).toEqual(['José García-López', 'student Mateo García-López']);
    expect(search('garcia-lopez')).toEqual(['José García-López', 'student Mateo García-López']);
    expect(search('de la cruz')).toEqual(['Guadalupe De la Cruz']);
    expect(search('cruz')).toEqual(['Guadalupe De la Cruz']);
    expect(search('obrien')).toEqual(["Liam O'Brien"]);
    expect(search("o'bri")).toEqual(["Liam O'Brien"]);
  });

  it('finds phone numbers by digits in any format', () => {
    for (const typed of [
      '3125550142',
      '(312) 555-0142',
      '312-555',
      '555 0142',
      '0142',
      '+1 312 555 0142',
    ]) {
      expect(search(typed), typed).toEqual(['José García-López']);
    }
    expect(search('612 555 98')).toEqual(['Thảo Nguyễn']);
    expect(search('99')).toEqual([]);
  });

  it('ranks whole-word matches before beginnings of words', () => {
    const hits = ok(core, 'search.people', { text: 'jose' });
    expect(hits.map((h) => [label(h), h.match])).toEqual([
      ['José García-López', 'exact'],
      ['Joselyn Smith', 'prefix'],
    ]);
  });

  it('shows a person with their students, and a student with their caregivers', () => {
    const hits = ok(core, 'search.people', { text: 'mateo' });
    expect(hits).toHaveLength(1);
    const [student] = hits;
    expect(
      student?.type === 'student' &&
        student.caregivers.map((c) => [c.person.firstName, c.relationship, c.pickup]),
    ).toEqual([['José', 'Parent', 'allowed']]);
    const [person] = ok(core, 'search.people', { text: 'josé garcía' });
    expect(person?.type === 'person' && person.students.map((s) => s.student.firstName)).toEqual([
      'Mateo',
    ]);
  });

  it('returns nothing for text that matches no one, has no words, or looks like search syntax', () => {
    expect(search('zzz')).toEqual([]);
    expect(search('...')).toEqual([]);
    expect(search('"jose" OR *')).toEqual([]);
  });
});

describe('search index rebuild', () => {
  it('rebuilds an index made by older rules from the people and students on the device', () => {
    const file = join(tempDir(), 'hearth.sqlite');
    const first = openCore({ file });
    callOrThrow(first, 'setup.school', TEST_SCHOOL);
    callOrThrow(first, 'person.create', {
      firstName: 'Zoë',
      lastName: 'Ødegaard',
      kind: 'caregiver',
      phones: ['555-0199'],
    });
    callOrThrow(first, 'student.create', { firstName: 'Åsa', lastName: 'Ødegaard', grade: '1' });
    // As if the index had been built by older rules: emptied and marked with another version.
    first.store.db.exec(`
      INSERT INTO people_fts (people_fts) VALUES ('delete-all');
      INSERT INTO students_fts (students_fts) VALUES ('delete-all');
      UPDATE meta SET value = 'old' WHERE key = 'search_index_version';
    `);
    expect(callOrThrow(first, 'search.people', { text: 'odegaard' })).toEqual([]);
    first.close();

    const reopened = openCore({ file });
    signInStaff(reopened, TEST_PASSWORD);
    const names = callOrThrow(reopened, 'search.people', { text: 'odegaard' }).map((h) =>
      h.type === 'person' ? h.person.firstName : h.student.firstName,
    );
    expect(names.sort()).toEqual(['Zoë', 'Åsa'].sort());
    expect(callOrThrow(reopened, 'search.people', { text: '0199' })).toHaveLength(1);
    expect(ensureSearchIndex(reopened.store)).toBe(false);
    reopened.close();
  });
});
