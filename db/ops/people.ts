import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  HearthError,
  newId,
  type ParsedInput,
  type School,
  type Student,
  type StudentPersonLink,
  WORDS,
  say,
} from '../../contract';
import { contactsOfPerson } from './contacts';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { getMeta } from '../store';
import { SYNC_META } from '../sync/meta';
import { caregiversOfStudents, familiesOfStudent, studentsOfPeople } from './summaries';

type LinkInput = ParsedInput<'link.set'>;
type StudentInput = Omit<ParsedInput<'student.create'>, 'links'>;

/** Create or change the link between a student and a person (one link per pair). */
export function setLink(ctx: Ctx, school: School, input: LinkInput): StudentPersonLink {
  loadOwned(ctx, 'students', input.studentId, 'student');
  const person = loadOwned(ctx, 'people', input.personId, 'person');
  if (person.mergedIntoId) throw new HearthError('CONFLICT', say(WORDS.mergedLinkThatOne));
  const existing = ctx.store
    .sql('SELECT id FROM student_person_links WHERE student_id = ? AND person_id = ?')
    .get(input.studentId, input.personId) as { id: string } | undefined;
  if (existing) return ctx.writer.update('student_person_links', existing.id, input);
  return ctx.writer.insert('student_person_links', { id: newId(), schoolId: school.id, ...input });
}

/**
 * A date of birth is a day that has already come, in the school's time zone. `field` is
 * where the form shows it (one student of several has a path of its own).
 */
function checkBirthDate(
  ctx: Ctx,
  school: School,
  dateOfBirth: string | null | undefined,
  field = 'dateOfBirth',
): void {
  if (!dateOfBirth) return;
  const today = format(new TZDate(ctx.now(), school.timeZone), 'yyyy-MM-dd');
  if (dateOfBirth > today)
    throw new HearthError('VALIDATION', say(WORDS.birthInFuture), {
      issues: [{ path: field, message: WORDS.inTheFuture.defaultMessage }],
    });
}

/** A student added in the app (not brought by a roster). */
export function createStudent(
  ctx: Ctx,
  school: School,
  input: StudentInput,
  field?: string,
): Student {
  checkBirthDate(ctx, school, input.dateOfBirth, field);
  return ctx.writer.insert('students', {
    id: newId(),
    schoolId: school.id,
    ...input,
    source: 'local',
    rosterId: null,
    mergedIntoId: null,
  });
}

/**
 * On a computer joined to a district, the roster owns the names and grade of the students it
 * brought: a change made here would be overwritten at the next import.
 */
const ROSTER_FIELDS = ['firstName', 'lastName', 'grade'] as const;

export const peopleHandlers = {
  'household.create': (ctx, input) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    return ctx.writer.insert('households', { id: newId(), schoolId: school.id, ...input });
  },

  'person.create': (ctx, input) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    if (input.householdId) loadOwned(ctx, 'households', input.householdId, 'family');
    return ctx.writer.insert('people', {
      id: newId(),
      schoolId: school.id,
      ...input,
      createdAt: ctx.now().toISOString(),
      mergedIntoId: null,
    });
  },

  'household.update': (ctx, { id, ...patch }) => {
    loadOwned(ctx, 'households', id, 'family');
    return ctx.writer.update('households', id, patch);
  },

  'person.update': (ctx, { id, ...patch }) => {
    const person = loadOwned(ctx, 'people', id, 'person');
    if (person.mergedIntoId) throw new HearthError('CONFLICT', say(WORDS.mergedEditThatOne));
    if (patch.householdId) loadOwned(ctx, 'households', patch.householdId, 'family');
    return ctx.writer.update('people', id, patch);
  },

  'person.get': (ctx, { id }) => {
    const person = loadOwned(ctx, 'people', id, 'person');
    return {
      person,
      students: studentsOfPeople(ctx, [id]).get(id) ?? [],
      contacts: contactsOfPerson(ctx, id, 50),
    };
  },

  'student.create': (ctx, { links, ...input }) => {
    const school = requireSchool(ctx);
    const student = createStudent(ctx, school, input);
    for (const link of links) setLink(ctx, school, { ...link, studentId: student.id });
    return student;
  },

  'student.update': (ctx, { id, ...patch }) => {
    const school = requireSchool(ctx);
    const student = loadOwned(ctx, 'students', id, 'student');
    const joined = getMeta(ctx.store, SYNC_META.serverUrl) !== null;
    if (student.source === 'roster' && joined) {
      const owned = ROSTER_FIELDS.filter(
        (field) => patch[field] !== undefined && patch[field] !== student[field],
      );
      if (owned.length > 0)
        throw new HearthError('VALIDATION', say(WORDS.rosterKeepsStudent), {
          issues: owned.map((path) => ({ path, message: WORDS.fromTheRoster.defaultMessage })),
        });
    }
    checkBirthDate(ctx, school, patch.dateOfBirth);
    return ctx.writer.update('students', id, patch);
  },

  'student.get': (ctx, { id }) => {
    const student = loadOwned(ctx, 'students', id, 'student');
    return {
      student,
      caregivers: caregiversOfStudents(ctx, [id]).get(id) ?? [],
      families: familiesOfStudent(ctx, id),
    };
  },

  'link.set': (ctx, input) => setLink(ctx, requireSchool(ctx), input),
} satisfies Partial<Handlers>;
