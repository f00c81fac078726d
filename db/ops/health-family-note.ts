import {
  HearthError,
  WORDS,
  newId,
  say,
  type FamilyNote,
  type HealthVisitContent,
} from '../../contract';
import { loadOwned, requireSchool, type Handlers } from '../context';
import { audit } from '../privacy/audit';
import { openContent } from '../privacy/keyring';
import { HEALTH, requireHealthTeam } from './health-team';
import { familiesOfStudent, studentName } from './summaries';

export const healthFamilyNoteHandlers = {
  /**
   * A note home about an ended visit. The family's history gets a contact that says only
   * that the nurse sent a note home; the note itself is printed from what this answers and
   * is not stored. A recipient who is not marked the student's legal guardian gets a record
   * of disclosure, with no health content in it either.
   */
  'health.familyNote': (ctx, { visitId, personId, forFamily }): FamilyNote => {
    const { staff, keyring } = requireHealthTeam(ctx);
    const school = requireSchool(ctx);
    const visit = loadOwned(ctx, 'health_visits', visitId, 'health_visit');
    const content = openContent(
      keyring,
      HEALTH,
      visit.id,
      JSON.stringify(visit.sealed),
    ) as HealthVisitContent | null;
    if (!content)
      throw new HearthError('KEYS_UNAVAILABLE', say(WORDS.teamKeyMissing, { team: 'health' }));
    if (!visit.leftAt || !content.disposition)
      throw new HearthError('CONFLICT', say(WORDS.endVisitFirst));
    const student = loadOwned(ctx, 'students', visit.studentId, 'student');
    const person = personId ? loadOwned(ctx, 'people', personId, 'person') : null;
    const link = person
      ? (ctx.store
          .sql(
            'SELECT legal_guardian FROM student_person_links WHERE student_id = ? AND person_id = ?',
          )
          .get(student.id, person.id) as { legal_guardian: number } | undefined)
      : undefined;
    const now = ctx.now().toISOString();
    const contactId = newId(ctx.now().getTime());
    ctx.writer.insert('contacts', {
      id: contactId,
      schoolId: school.id,
      personId: person?.id ?? null,
      studentIds: [student.id],
      kind: 'note_home',
      direction: 'school_to_family',
      tone: 'information',
      language: person?.homeLanguage ?? null,
      interpreterUsed: false,
      summary: 'The nurse sent a note home about a visit to the health office.',
      staffId: staff.id,
      occurredAt: now,
      visitId: null,
      householdId: person?.householdId ?? familiesOfStudent(ctx, student.id)[0]?.id ?? null,
      homeVisitId: null,
      correctsId: null,
      recordedBy: null,
    });
    const name = studentName({
      first_name: student.firstName,
      last_name: student.lastName,
      preferred_name: student.preferredName,
    });
    const recipientName = person ? `${person.firstName} ${person.lastName}` : null;
    let disclosureId: string | null = null;
    if (person && link?.legal_guardian !== 1) {
      disclosureId = newId(ctx.now().getTime());
      ctx.writer.insert('disclosures', {
        id: disclosureId,
        schoolId: school.id,
        studentId: student.id,
        disclosedBy: staff.id,
        recipient: recipientName ?? '',
        purpose: 'Telling the family about a visit to the health office',
        description: `A note about ${name}’s visit to the health office (printed page)`,
        format: 'print',
        disclosedAt: now,
      });
    }
    audit(ctx, staff.id, 'read', 'health_visit', [visit.id], student.id);
    return {
      studentName: name,
      arrivedAt: visit.arrivedAt,
      disposition: content.disposition,
      nurseName: staff.displayName,
      forFamily,
      recipientName,
      language: person?.homeLanguage ?? null,
      contactId,
      disclosureId,
    };
  },
} satisfies Partial<Handlers>;
