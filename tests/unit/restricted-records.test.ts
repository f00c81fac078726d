import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sealed } from '../../contract';
import { openCore, type Core } from '../../db/core';
import { TEST_PASSWORD, TEST_SCHOOL } from '../fixtures';
import { fail, ok, snapshot, tempCore, tempDir } from '../helpers';
import { CANARY, buildPrivacySchool } from '../privacy-school';

function schoolWithNotes(options: Parameters<typeof tempCore>[0] = {}) {
  const core = tempCore({ setup: 'school', ...options });
  return { core, school: buildPrivacySchool(core) };
}

const auditOf = (core: Core, staffId: string) =>
  ok(core, 'audit.list', { staffId, limit: 500 }).map(
    (e) => `${e.action} ${e.recordType} ${e.recordIds.join(',')}`,
  );

describe('the audit log', () => {
  it('records each read and change of a restricted record, and nothing for content a viewer could not see', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('nurse');
    const notes = ok(core, 'note.forStudent', { studentId: school.studentId });
    const health = notes.find((n) => n.noteId === school.notes.health);
    if (health?.access !== 'open') throw new Error('the nurse should read the health note');
    ok(core, 'note.revise', {
      revisionId: health.revisionId,
      subject: 'Asthma plan',
      body: 'Updated plan.',
    });
    ok(core, 'followUp.setStatus', { id: school.followUps.health, status: 'done' });
    school.signInAs('front_office');
    ok(core, 'note.forStudent', { studentId: school.studentId });
    school.signInAs('administrator');
    const nurse = auditOf(core, school.staff.nurse.id);
    expect(nurse).toContain(`read note ${school.notes.health}`);
    expect(nurse.filter((e) => e.startsWith('revise note'))).toHaveLength(1);
    expect(nurse).toContain(`status follow_up ${school.followUps.health}`);
    expect(nurse).toContain(`create note ${school.notes.health}`);
    // The front office saw only "see the nurse": nothing to audit.
    expect(auditOf(core, school.staff.front_office.id)).toEqual([]);
    const [entry] = ok(core, 'audit.list', { staffId: school.staff.nurse.id, limit: 1 });
    expect(entry).toMatchObject({
      staffName: 'Pat nurse',
      deviceId: core.deviceId,
      aboutName: 'Ana Núñez',
    });
  });

  it('can be read only by administrators and changed by nothing, not even SQL', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('nurse');
    expect(fail(core, 'audit.list', {}).code).toBe('UNAUTHORIZED');
    expect(() => core.store.db.prepare("UPDATE audit_events SET action = 'x'").run()).toThrow(
      /audit log cannot be changed/,
    );
    expect(() => core.store.db.prepare('DELETE FROM audit_events').run()).toThrow(
      /audit log cannot be changed/,
    );
  });
});

describe('restricted content at rest', () => {
  it('never writes a restricted body in plaintext to the database file or its WAL', () => {
    const dir = tempDir();
    const file = join(dir, 'plain.sqlite');
    // An unencrypted file, so the bytes on disk are the database's own: only the per-record
    // encryption stands between the disk and the text.
    const core = openCore({ file, checkOutputs: true });
    ok(core, 'setup.school', TEST_SCHOOL);
    buildPrivacySchool(core);
    const bytes = () =>
      Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    const check = () => {
      const raw = bytes();
      for (const canary of Object.values(CANARY)) expect(raw.includes(canary), canary).toBe(false);
      // The grep works: text visible to all staff is there in the clear.
      expect(raw.includes('Visible to every staff member')).toBe(true);
    };
    check();
    core.store.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    check();
  });
});

describe('sealed content', () => {
  it('opens only on the record it was sealed for, even after the session has opened it once', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('nurse');
    ok(core, 'note.forStudent', { studentId: school.studentId });
    // Someone with the database key copies the health note's ciphertext onto a staff note.
    core.store.db
      .prepare(
        "UPDATE notes SET visibility = 'team:health', subject = NULL, body = NULL, sealed = (SELECT sealed FROM notes WHERE id = ?) WHERE id = ?",
      )
      .run(school.notes.health, school.notes.staff);
    const copied = ok(core, 'note.forStudent', { studentId: school.studentId }).find(
      (n) => n.noteId === school.notes.staff,
    );
    expect(copied).toMatchObject({ access: 'restricted', waitingForKey: true });
  });
});

describe('team keys', () => {
  it('waits for a teammate to share the key with a new member, then opens everything', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('administrator');
    const newNurse = ok(core, 'staff.create', {
      displayName: 'Nia Nurse',
      role: 'nurse',
      teams: ['health'],
      password: TEST_PASSWORD,
    });
    ok(core, 'session.signIn', { staffId: newNurse.id, password: TEST_PASSWORD });
    const before = ok(core, 'note.forStudent', { studentId: school.studentId });
    expect(before.find((n) => n.noteId === school.notes.health)).toMatchObject({
      access: 'restricted',
      waitingForKey: true,
    });
    expect(
      fail(core, 'note.create', {
        studentId: school.studentId,
        visibility: 'team:health',
        subject: 'x',
        body: 'y',
      }).code,
    ).toBe('KEYS_UNAVAILABLE');
    school.signInAs('nurse');
    ok(core, 'session.signIn', { staffId: newNurse.id, password: TEST_PASSWORD });
    const after = ok(core, 'note.forStudent', { studentId: school.studentId });
    expect(JSON.stringify(after)).toContain(CANARY.health);
  });

  it('rotates a team key when a member leaves: they lose their copies and new notes use the new key', () => {
    const { core, school } = schoolWithNotes();
    const leaver = school.staff.student_support.id;
    const keyRows = (staffId: string) =>
      core.store.db
        .prepare("SELECT version FROM team_keys WHERE team = 'support' AND staff_id = ?")
        .all(staffId);
    expect(keyRows(leaver)).toHaveLength(1);
    school.signInAs('administrator');
    ok(core, 'staff.update', { id: leaver, teams: [] });
    expect(keyRows(leaver)).toEqual([]);
    school.signInAs('liaison');
    // Versions are numbered by when they were made, so two computers never share a number.
    const versions = keyRows(school.staff.liaison.id)
      .map((r) => (r as { version: number }).version)
      .sort((a, b) => a - b);
    expect(versions).toHaveLength(2);
    const [first = 0, newest = 0] = versions;
    expect(newest).toBeGreaterThan(first);
    const note = ok(core, 'note.create', {
      studentId: school.studentId,
      visibility: 'team:support',
      subject: 'After the change',
      body: 'Written with the new key.',
    });
    const row = core.store.db.prepare('SELECT sealed FROM notes WHERE id = ?').get(note.noteId) as {
      sealed: string;
    };
    expect((JSON.parse(row.sealed) as Sealed).keyVersion).toBe(newest);
    // Remaining members read old and new notes alike.
    school.signInAs('coordinator');
    const text = JSON.stringify(ok(core, 'note.forStudent', { studentId: school.studentId }));
    expect(text).toContain(CANARY.support);
    expect(text).toContain('Written with the new key.');
  });

  it('replaces keys on a password reset: the old password stops working and a teammate re-shares', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('administrator');
    ok(core, 'staff.setPassword', { id: school.staff.coordinator.id, password: 'a new password' });
    expect(
      fail(core, 'session.signIn', {
        staffId: school.staff.coordinator.id,
        password: TEST_PASSWORD,
      }).code,
    ).toBe('WRONG_PASSWORD');
    ok(core, 'session.signIn', {
      staffId: school.staff.coordinator.id,
      password: 'a new password',
    });
    expect(
      JSON.stringify(ok(core, 'note.forStudent', { studentId: school.studentId })),
    ).not.toContain(CANARY.support);
    school.signInAs('liaison');
    ok(core, 'session.signIn', {
      staffId: school.staff.coordinator.id,
      password: 'a new password',
    });
    expect(JSON.stringify(ok(core, 'note.forStudent', { studentId: school.studentId }))).toContain(
      CANARY.support,
    );
  });
});

describe('notes are revised, never edited', () => {
  it('keeps every revision, shows the newest, and refuses an edit of an outdated one', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('front_office');
    const [first] = ok(core, 'note.forStudent', { studentId: school.studentId }).filter(
      (n) => n.noteId === school.notes.staff,
    );
    if (first?.access !== 'open') throw new Error('staff note should be open');
    const second = ok(core, 'note.revise', {
      revisionId: first.revisionId,
      subject: 'Updated',
      body: 'Second text',
    });
    expect(second).toMatchObject({
      access: 'open',
      noteId: first.noteId,
      revisionCount: 2,
      body: 'Second text',
      conflict: false,
    });
    const before = snapshot(core);
    expect(
      fail(core, 'note.revise', { revisionId: first.revisionId, subject: 'x', body: 'y' }).code,
    ).toBe('CONFLICT');
    expect(snapshot(core)).toBe(before);
    const history = ok(core, 'note.history', { noteId: first.noteId });
    expect(history.map((r) => r.body)).toEqual([first.body, 'Second text']);
    expect(history[1]?.replacesId).toBe(first.revisionId);
  });

  it('keeps both when two devices revised the same revision offline, and says so', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('front_office');
    const [note] = ok(core, 'note.forStudent', { studentId: school.studentId }).filter(
      (n) => n.noteId === school.notes.staff,
    );
    if (note?.access !== 'open') throw new Error('staff note should be open');
    ok(core, 'note.revise', {
      revisionId: note.revisionId,
      subject: 'Here',
      body: 'Edited on this laptop',
    });
    // As sync will apply a revision another device made from the same original.
    core.store.db
      .prepare(
        `INSERT INTO notes (id, school_id, note_id, replaces_id, student_id, visibility, author_id, subject, body, created_at)
         SELECT '01a00000-0000-7000-8000-0000000000aa', school_id, note_id, id, student_id, visibility, author_id,
           'There', 'Edited on the office computer', created_at FROM notes WHERE id = ?`,
      )
      .run(note.revisionId);
    const heads = ok(core, 'note.forStudent', { studentId: school.studentId }).filter(
      (n) => n.noteId === school.notes.staff,
    );
    expect(
      heads.map((h) => (h.access === 'open' ? [h.body, h.conflict, h.revisionCount] : null)).sort(),
    ).toEqual([
      ['Edited on the office computer', true, 3],
      ['Edited on this laptop', true, 3],
    ]);
  });
});

describe('exports and disclosures', () => {
  it('writes a FERPA disclosure with every export, lists it with the family, and audits restricted content in it', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('nurse');
    const result = ok(core, 'family.export', {
      studentId: school.studentId,
      format: 'csv',
      recipient: 'Dr. Lee, county health clinic',
      purpose: 'Care coordination requested by the parent',
    });
    expect(result.csv).toContain(CANARY.health);
    expect(result.csv).not.toContain(CANARY.support);
    expect(result.csv?.split('\r\n')[0]).toBe('Section,Date,Title,Details,Visibility,By');
    expect(result.disclosure).toMatchObject({
      recipient: 'Dr. Lee, county health clinic',
      disclosedByName: 'Pat nurse',
      format: 'csv',
    });
    // What left the school, in words a person reads ("1 caregiver", not "1 caregivers").
    expect(core.store.db.prepare('SELECT description FROM disclosures').all()).toEqual([
      { description: 'Record of Ana Núñez: 1 caregiver, 2 notes, 2 follow-ups (CSV file)' },
    ]);
    school.signInAs('front_office');
    expect(
      ok(core, 'disclosure.forStudent', { studentId: school.studentId }).map((d) => d.purpose),
    ).toEqual(['Care coordination requested by the parent']);
    school.signInAs('administrator');
    expect(ok(core, 'audit.list', { action: 'export' }).flatMap((e) => e.recordIds)).toEqual(
      expect.arrayContaining([school.notes.health, school.followUps.health]),
    );
  });

  it('keeps spreadsheet formulas out of a CSV export', () => {
    const { core, school } = schoolWithNotes();
    school.signInAs('front_office');
    ok(core, 'note.create', {
      studentId: school.studentId,
      visibility: 'staff',
      subject: '=HYPERLINK("http://evil.example","click")',
      body: 'line one\nline "two", with a comma',
    });
    const { csv } = ok(core, 'family.export', {
      studentId: school.studentId,
      format: 'csv',
      recipient: 'Parent',
      purpose: 'Parent asked for a copy',
    });
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain('"line one\nline ""two"", with a comma"');
  });

  it('exports nothing and records nothing when the recipient is missing', () => {
    const { core, school } = schoolWithNotes();
    const before = snapshot(core);
    const error = fail(core, 'family.export', {
      studentId: school.studentId,
      format: 'print',
      recipient: ' ',
      purpose: 'x',
    });
    expect(error.issues).toEqual([{ path: 'recipient', message: 'cannot be empty' }]);
    expect(snapshot(core)).toBe(before);
  });
});
