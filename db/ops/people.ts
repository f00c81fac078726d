import { HearthError, newId } from '../../contract';
import { contactsOfPerson } from './contacts';
import { loadOwned, requireSchool, requireStaff, type Handlers } from '../context';
import { caregiversOfStudents, familiesOfStudent, studentsOfPeople } from './summaries';

export const peopleHandlers = {
  'household.create': (ctx, input) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    return ctx.writer.insert('households', { id: newId(), schoolId: school.id, ...input });
  },

  'person.create': (ctx, input) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    if (input.householdId) loadOwned(ctx, 'households', input.householdId, 'household');
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
    if (person.mergedIntoId)
      throw new HearthError(
        'CONFLICT',
        'This person was merged into another record; edit that one.',
      );
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

  'student.create': (ctx, input) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    return ctx.writer.insert('students', {
      id: newId(),
      schoolId: school.id,
      ...input,
      source: 'local',
      rosterId: null,
    });
  },

  'student.get': (ctx, { id }) => {
    const student = loadOwned(ctx, 'students', id, 'student');
    return {
      student,
      caregivers: caregiversOfStudents(ctx, [id]).get(id) ?? [],
      families: familiesOfStudent(ctx, id),
    };
  },

  /** Create or change the link between a student and a person (one link per pair). */
  'link.set': (ctx, input) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    loadOwned(ctx, 'students', input.studentId, 'student');
    loadOwned(ctx, 'people', input.personId, 'person');
    const existing = ctx.store
      .sql('SELECT id FROM student_person_links WHERE student_id = ? AND person_id = ?')
      .get(input.studentId, input.personId) as { id: string } | undefined;
    if (existing) return ctx.writer.update('student_person_links', existing.id, input);
    return ctx.writer.insert('student_person_links', {
      id: newId(),
      schoolId: school.id,
      ...input,
    });
  },
} satisfies Partial<Handlers>;
