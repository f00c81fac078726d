import { HearthError, type ContactView, WORDS, say } from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireStaff, type Ctx, type Handlers } from '../context';
import { followUpsFromOrigin } from './follow-ups';
import { homeVisitView } from './home-visits';
import { strengthsWhere } from './strengths';
import { optionalPersonName } from './summaries';
import { visitView } from './visits';
import { voiceItemView } from './voice';

type Row = Record<string, unknown>;

const CONTACT = `SELECT c.*, st.display_name AS staff_name,
    (SELECT r.display_name FROM staff r WHERE r.id = c.recorded_by) AS recorded_by_name,
    p.first_name, p.last_name,
    (SELECT json_group_array(coalesce(s.preferred_name, s.first_name) || ' ' || s.last_name)
     FROM json_each(c.student_ids) j JOIN students s ON s.id = j.value) AS student_names
  FROM contacts c JOIN staff st ON st.id = c.staff_id LEFT JOIN people p ON p.id = c.person_id`;

function contactView(row: Row): ContactView {
  return {
    ...fromRow('contacts', row),
    staffName: row.staff_name as string,
    recordedByName: (row.recorded_by_name as string | null) ?? null,
    personName: optionalPersonName(row as { first_name: string | null; last_name: string | null }),
    studentNames: JSON.parse(row.student_names as string) as string[],
  };
}

/** The contact with this id, or null; `family` keeps it to one household's records. */
export function loadContactView(ctx: Ctx, id: string, family: string): ContactView | null {
  const row = ctx.store.sql(`${CONTACT} WHERE c.id = ? AND c.household_id = ?`).get(id, family) as
    Row | undefined;
  return row ? contactView(row) : null;
}

const notFound = () => new HearthError('NOT_FOUND', say(WORDS.entryNotFound));

/** Whether a record of `table` with this id is one of the family's. */
function ofFamily(
  ctx: Ctx,
  table: 'home_visits' | 'strengths' | 'voice_items',
  id: string,
  family: string,
) {
  return (
    ctx.store.sql(`SELECT 1 FROM ${table} WHERE id = ? AND household_id = ?`).get(id, family) !==
    undefined
  );
}

export const timelineEntryHandlers = {
  'timeline.open': (ctx, { householdId, source, id }) => {
    const staff = requireStaff(ctx);
    loadOwned(ctx, 'households', householdId, 'family');
    switch (source) {
      case 'contact': {
        const contact = loadContactView(ctx, id, householdId);
        if (!contact) throw notFound();
        const corrections = (
          ctx.store.sql(`${CONTACT} WHERE c.corrects_id = ? ORDER BY c.pk`).all(contact.id) as Row[]
        ).map(contactView);
        const homeVisit = contact.homeVisitId ? homeVisitView(ctx, contact.homeVisitId) : null;
        return {
          source,
          contact,
          walkIn: contact.visitId ? visitView(ctx, contact.visitId) : null,
          homeVisit,
          strengths: homeVisit ? strengthsWhere(ctx, staff.id, 'homeVisit', homeVisit.id) : [],
          followUps: followUpsFromOrigin(ctx, homeVisit?.id ?? contact.visitId ?? contact.id),
          corrects: contact.correctsId
            ? loadContactView(ctx, contact.correctsId, householdId)
            : null,
          corrections,
        };
      }
      case 'home_visit':
        if (!ofFamily(ctx, 'home_visits', id, householdId)) throw notFound();
        return {
          source,
          homeVisit: homeVisitView(ctx, id),
          strengths: strengthsWhere(ctx, staff.id, 'homeVisit', id),
          followUps: followUpsFromOrigin(ctx, id),
        };
      case 'strength': {
        const [strength] = strengthsWhere(ctx, staff.id, 'id', id);
        if (!strength || strength.householdId !== householdId) throw notFound();
        return { source, strength };
      }
      case 'voice':
        if (!ofFamily(ctx, 'voice_items', id, householdId)) throw notFound();
        return { source, voice: voiceItemView(ctx, id) };
    }
  },
} satisfies Partial<Handlers>;
