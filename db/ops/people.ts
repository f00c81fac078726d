import { newId } from '../ids';
import type { Contact } from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Handlers } from '../context';
import { caregiversOfStudents, studentsOfPeople } from './summaries';

function contactsOf(
  ctx: Parameters<Handlers['contact.forPerson']>[0],
  personId: string,
  limit: number,
): Contact[] {
  const rows = ctx.store
    .sql('SELECT * FROM contacts WHERE person_id = ? ORDER BY occurred_at DESC LIMIT ?')
    .all(personId, limit) as Record<string, unknown>[];
  return rows.map((row) => fromRow('contacts', row));
}

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
    });
  },

  'person.get': (ctx, { id }) => {
    const person = loadOwned(ctx, 'people', id, 'person');
    return {
      person,
      students: studentsOfPeople(ctx, [id]).get(id) ?? [],
      contacts: contactsOf(ctx, id, 50),
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
    return { student, caregivers: caregiversOfStudents(ctx, [id]).get(id) ?? [] };
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

  'contact.forPerson': (ctx, { personId, limit }) => {
    loadOwned(ctx, 'people', personId, 'person');
    return contactsOf(ctx, personId, limit);
  },
} satisfies Partial<Handlers>;
