import { HearthError, type CallOutput, type Student } from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { auditStudentMerge } from '../privacy/audit';
import { words } from '../search/normalize';
import { similarNames } from '../search/similar';
import { combineLinks } from './duplicates';

const MAX_CANDIDATES = 10;
const quote = (term: string) => `"${term.replace(/"/g, '""')}"`;

/** Other students of the school whose names are likely this student's (db/search/similar.ts). */
function findStudentDuplicates(ctx: Ctx, student: Student): CallOutput<'student.findDuplicates'> {
  const family = words(student.lastName);
  if (family.length === 0) return [];
  const rows = ctx.store
    .sql(
      `SELECT s.* FROM students_fts f JOIN students s ON s.pk = f.rowid
       WHERE students_fts MATCH ? AND s.school_id = ? AND s.id <> ? AND s.merged_into_id IS NULL
       LIMIT 500`,
    )
    .all(
      family.map((w) => `name : ${quote(w)}`).join(' OR '),
      student.schoolId,
      student.id,
    ) as Record<string, unknown>[];
  return rows
    .map((row) => fromRow('students', row))
    .filter((other) => similarNames(student, other))
    .slice(0, MAX_CANDIDATES)
    .map(({ id, firstName, lastName, preferredName, grade, homeroom, source }) => ({
      id,
      firstName,
      lastName,
      preferredName,
      grade,
      homeroom,
      source,
    }));
}

/** Records that name one student in a column of their own. */
const STUDENT_REFERENCES = ['notes', 'follow_ups'] as const;
/** Records that name their students in a JSON list. */
const STUDENT_LISTS = ['contacts', 'visits'] as const;

/** What the kept student lacks, filled in from the duplicate; the names and grade stay. */
function combineStudents(keep: Student, dup: Student): Partial<Student> {
  return {
    preferredName: keep.preferredName ?? dup.preferredName,
    homeroom: keep.homeroom ?? dup.homeroom,
    dateOfBirth: keep.dateOfBirth ?? dup.dateOfBirth,
    pronouns: keep.pronouns ?? dup.pronouns,
  };
}

export const studentMergeHandlers = {
  'student.findDuplicates': (ctx, { id }) => {
    requireStaff(ctx);
    return findStudentDuplicates(ctx, loadOwned(ctx, 'students', id, 'student'));
  },

  'student.merge': (ctx, { keepId, mergeId }) => {
    const staff = requireStaff(ctx);
    requireSchool(ctx);
    const keep = loadOwned(ctx, 'students', keepId, 'student');
    const dup = loadOwned(ctx, 'students', mergeId, 'student');
    if (keep.mergedIntoId || dup.mergedIntoId)
      throw new HearthError('CONFLICT', 'One of these students was already merged into another.');
    // The roster's record is the one its next import will update; a local one merged into it.
    if (dup.source === 'roster')
      throw new HearthError(
        'VALIDATION',
        keep.source === 'roster'
          ? 'Both records come from the roster; the district office corrects a doubled student there.'
          : 'Keep the roster’s record and merge the one added here into it.',
        { issues: [{ path: 'mergeId', message: 'comes from the roster' }] },
      );
    const links = (
      ctx.store
        .sql('SELECT * FROM student_person_links WHERE student_id = ?')
        .all(mergeId) as Record<string, unknown>[]
    ).map((row) => fromRow('student_person_links', row));
    for (const link of links) {
      const existing = ctx.store
        .sql('SELECT * FROM student_person_links WHERE student_id = ? AND person_id = ?')
        .get(keepId, link.personId) as Record<string, unknown> | undefined;
      if (existing) {
        const kept = fromRow('student_person_links', existing);
        ctx.writer.update('student_person_links', kept.id, combineLinks(kept, link));
      } else {
        ctx.writer.update('student_person_links', link.id, { studentId: keepId });
      }
    }
    for (const table of STUDENT_REFERENCES) {
      const ids = ctx.store.sql(`SELECT id FROM ${table} WHERE student_id = ?`).all(mergeId) as {
        id: string;
      }[];
      for (const { id } of ids) ctx.writer.update(table, id, { studentId: keepId });
    }
    // Known limit: this reads every contact and visit of the school once; a merge is rare.
    for (const table of STUDENT_LISTS) {
      const rows = ctx.store
        .sql(
          `SELECT id, student_ids FROM ${table} WHERE school_id = ?
             AND EXISTS (SELECT 1 FROM json_each(student_ids) WHERE value = ?)`,
        )
        .all(keep.schoolId, mergeId) as { id: string; student_ids: string }[];
      for (const row of rows) {
        const ids = JSON.parse(row.student_ids) as string[];
        const studentIds = [...new Set(ids.map((s) => (s === mergeId ? keepId : s)))];
        ctx.writer.update(table, row.id, { studentIds });
      }
    }
    const merged = ctx.writer.update('students', keepId, combineStudents(keep, dup));
    ctx.writer.update('students', mergeId, { mergedIntoId: keepId });
    auditStudentMerge(ctx, staff.id, keepId, mergeId);
    return merged;
  },
} satisfies Partial<Handlers>;
