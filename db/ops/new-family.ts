import { HearthError, newId, type Person, WORDS, say } from '../../contract';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { importFamiliesCsv } from '../import/families-csv';
import { importOneRoster } from '../import/oneroster';
import { createStudent, setLink } from './people';

/**
 * Someone already in Hearth joins the new family: a visitor at the desk becomes a caregiver.
 * Someone who already belongs to another family is refused rather than taken from it; a
 * caregiver of two households is linked to the children instead.
 */
function placeExisting(ctx: Ctx, personId: string, householdId: string, at: number): Person {
  const person = loadOwned(ctx, 'people', personId, 'person');
  const field = `members.${at}.person`;
  if (person.mergedIntoId)
    throw new HearthError('CONFLICT', say(WORDS.personMerged), {
      issues: [{ path: field, message: WORDS.wasMerged.defaultMessage }],
    });
  if (person.householdId) {
    const family = loadOwned(ctx, 'households', person.householdId, 'family');
    throw new HearthError(
      'CONFLICT',
      say(WORDS.belongsElsewhere, { name: person.firstName, family: family.name }),
      { issues: [{ path: field, message: WORDS.inAnotherFamily.defaultMessage }] },
    );
  }
  return ctx.writer.update('people', personId, {
    householdId,
    kind: person.kind === 'visitor' ? 'caregiver' : person.kind,
  });
}

export const newFamilyHandlers = {
  'family.create': (ctx, { name, address, members, students, visitId }) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    const visit = visitId ? loadOwned(ctx, 'visits', visitId, 'visit') : null;
    const household = ctx.writer.insert('households', {
      id: newId(),
      schoolId: school.id,
      name,
      address,
    });
    const placed = members.map(({ person, ...link }, at) => {
      const joined =
        'personId' in person
          ? placeExisting(ctx, person.personId, household.id, at)
          : ctx.writer.insert('people', {
              id: newId(),
              schoolId: school.id,
              ...person,
              householdId: household.id,
              createdAt: ctx.now().toISOString(),
              mergedIntoId: null,
            });
      return { personId: joined.id, link };
    });
    for (const [at, input] of students.entries()) {
      const student = createStudent(ctx, school, input, `students.${at}.dateOfBirth`);
      for (const { personId, link } of placed)
        setLink(ctx, school, { ...link, studentId: student.id, personId });
    }
    if (visit) {
      if (!placed.some((p) => p.personId === visit.personId))
        throw new HearthError('VALIDATION', say(WORDS.visitorNotInFamily), {
          issues: [{ path: 'visitId', message: WORDS.namesOtherVisitor.defaultMessage }],
        });
      // The walk-in was logged before there was a family to file it under; now there is.
      const unfiled = ctx.store
        .sql('SELECT id FROM contacts WHERE visit_id = ? AND household_id IS NULL')
        .all(visit.id) as { id: string }[];
      for (const { id } of unfiled)
        ctx.writer.update('contacts', id, { householdId: household.id });
    }
    return household;
  },

  'families.import': (ctx, input) =>
    input.format === 'families-csv'
      ? importFamiliesCsv(ctx, input.fileName, input.text)
      : importOneRoster(ctx, input),
} satisfies Partial<Handlers>;
