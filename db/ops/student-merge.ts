import { HearthError, type CallOutput, type Student, WORDS, say } from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireStaff, type Ctx, type Handlers } from '../context';
import { auditStudentMerge } from '../privacy/audit';
import { words } from '../search/normalize';
import { similarNames } from '../search/similar';
import { moveStudentReferences } from '../merges';

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
    const keep = loadOwned(ctx, 'students', keepId, 'student');
    const dup = loadOwned(ctx, 'students', mergeId, 'student');
    if (keep.mergedIntoId || dup.mergedIntoId)
      throw new HearthError('CONFLICT', say(WORDS.studentsAlreadyMerged));
    // The roster's record is the one its next import will update; a local one merged into it.
    if (dup.source === 'roster')
      throw new HearthError(
        'VALIDATION',
        keep.source === 'roster' ? say(WORDS.bothFromRoster) : say(WORDS.keepRosterRecord),
        { issues: [{ path: 'mergeId', message: WORDS.comesFromRoster.defaultMessage }] },
      );
    moveStudentReferences(ctx.store, ctx.writer, mergeId, keepId);
    const merged = ctx.writer.update('students', keepId, combineStudents(keep, dup));
    ctx.writer.update('students', mergeId, { mergedIntoId: keepId });
    auditStudentMerge(ctx, staff.id, keepId, mergeId);
    return merged;
  },
} satisfies Partial<Handlers>;
