import { HearthError, type Contact, type Staff, newId, WORDS, say } from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireViewer, type Ctx, type Handlers } from '../context';
import { createFollowUp } from './follow-ups';

/** Clocks on two computers disagree a little; a contact "now" on a fast one is still now. */
const FUTURE_TOLERANCE_MS = 2 * 60_000;

export type ContactInput = Omit<
  Contact,
  'id' | 'schoolId' | 'visitId' | 'homeVisitId' | 'correctsId' | 'recordedBy'
>;

/** What a contact was written for: the home visit it records, or the contact it corrects. */
export interface ContactOrigin {
  homeVisitId?: string | null;
  correctsId?: string | null;
}

/**
 * Check and write a contact with a family: when it happened may be earlier than now, never
 * later; the people and students it names must belong to the school.
 */
export function logContact(
  ctx: Ctx,
  staff: Staff,
  input: ContactInput,
  origin: ContactOrigin = {},
): Contact {
  if (Date.parse(input.occurredAt) > ctx.now().getTime() + FUTURE_TOLERANCE_MS)
    throw new HearthError('VALIDATION', say(WORDS.contactInFuture), {
      issues: [{ path: 'occurredAt', message: WORDS.inTheFuture.defaultMessage }],
    });
  if (input.householdId) loadOwned(ctx, 'households', input.householdId, 'family');
  if (input.personId) loadOwned(ctx, 'people', input.personId, 'person');
  for (const studentId of input.studentIds) loadOwned(ctx, 'students', studentId, 'student');
  const forSomeoneElse = input.staffId !== staff.id;
  if (forSomeoneElse) {
    if (staff.role !== 'administrator')
      throw new HearthError('UNAUTHORIZED', say(WORDS.contactForOthers));
    const other = loadOwned(ctx, 'staff', input.staffId, 'staff');
    if (!other.active)
      throw new HearthError('VALIDATION', say(WORDS.noLongerActive, { name: other.displayName }));
  }
  return ctx.writer.insert('contacts', {
    // The id tells when the record was made, never when the contact happened: that time is
    // typed by a person and may be before 1970, which a UUIDv7 cannot hold.
    id: newId(ctx.now().getTime()),
    schoolId: staff.schoolId,
    ...input,
    // Stored in UTC so that timelines sort by text; the input may carry any offset.
    occurredAt: new Date(input.occurredAt).toISOString(),
    visitId: null,
    homeVisitId: origin.homeVisitId ?? null,
    correctsId: origin.correctsId ?? null,
    recordedBy: forSomeoneElse ? staff.id : null,
  });
}

/**
 * The contact a correction is about: one of the same family's, and always the original (a
 * correction of a correction corrects what the first one corrected), so every correction of
 * a contact is listed with it.
 */
function originalOf(ctx: Ctx, correctsId: string, householdId: string): string {
  const row = ctx.store
    .sql('SELECT id, corrects_id FROM contacts WHERE id = ? AND household_id = ?')
    .get(correctsId, householdId) as { id: string; corrects_id: string | null } | undefined;
  if (!row)
    throw new HearthError('VALIDATION', say(WORDS.correctsOtherFamily), {
      issues: [{ path: 'correctsId', message: WORDS.notThisFamilysContact.defaultMessage }],
    });
  return row.corrects_id ?? row.id;
}

export function contactsOfPerson(ctx: Ctx, personId: string, limit: number): Contact[] {
  const rows = ctx.store
    .sql('SELECT * FROM contacts WHERE person_id = ? ORDER BY occurred_at DESC LIMIT ?')
    .all(personId, limit) as Record<string, unknown>[];
  return rows.map((row) => fromRow('contacts', row));
}

export const contactHandlers = {
  'contact.log': (ctx, { followUp, correctsId, ...input }) => {
    const viewer = requireViewer(ctx);
    const school = requireSchool(ctx);
    const contact = logContact(
      ctx,
      viewer.staff,
      {
        ...input,
        staffId: input.staffId ?? viewer.staff.id,
        occurredAt: input.occurredAt ?? ctx.now().toISOString(),
      },
      { correctsId: correctsId && originalOf(ctx, correctsId, input.householdId) },
    );
    if (followUp)
      createFollowUp(ctx, viewer, school, {
        ...followUp,
        personId: input.personId,
        householdId: input.householdId,
        originKind: 'contact',
        originId: contact.id,
      });
    return contact;
  },

  'contact.forPerson': (ctx, { personId, limit }) => {
    loadOwned(ctx, 'people', personId, 'person');
    return contactsOfPerson(ctx, personId, limit);
  },
} satisfies Partial<Handlers>;
