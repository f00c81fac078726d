import {
  HearthError,
  NO_STRENGTH_STEPS,
  newId,
  type ContactRoute,
  type StrengthHit,
  type StrengthView,
  WORDS,
  say,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { strengthVisibleSql } from '../privacy/consent';
import { allPrefixes } from '../search';
import { optionalPersonName } from './summaries';

type Row = Record<string, unknown> & {
  recorded_by_name: string;
  first_name: string | null;
  last_name: string | null;
};

const VIEW_COLUMNS = `s.*, st.display_name AS recorded_by_name, p.first_name, p.last_name`;
const VIEW_JOINS = `JOIN staff st ON st.id = s.recorded_by LEFT JOIN people p ON p.id = s.person_id`;

function toView(row: Row): StrengthView {
  return {
    ...fromRow('strengths', row),
    recordedByName: row.recorded_by_name,
    personName: optionalPersonName(row),
  };
}

const STRENGTHS_WHERE = {
  family: 's.household_id = @target',
  homeVisit: 's.home_visit_id = @target',
  id: 's.id = @target',
} as const;

/** Strengths the viewer may see (the family's consent, in SQL), newest first. */
export function strengthsWhere(
  ctx: Ctx,
  viewerId: string,
  by: keyof typeof STRENGTHS_WHERE,
  target: string,
): StrengthView[] {
  const rows = ctx.store
    .sql(
      `SELECT ${VIEW_COLUMNS} FROM strengths s ${VIEW_JOINS}
       WHERE ${STRENGTHS_WHERE[by]} AND ${strengthVisibleSql('s')}
       ORDER BY s.recorded_at DESC`,
    )
    .all({ target, viewer: viewerId }) as Row[];
  return rows.map(toView);
}

/** A family's strengths the viewer may see, newest first. */
export const strengthsOfFamily = (ctx: Ctx, viewerId: string, householdId: string) =>
  strengthsWhere(ctx, viewerId, 'family', householdId);

export interface NewStrength {
  householdId: string;
  personId: string | null;
  category: StrengthView['category'];
  description: string;
  consent: StrengthView['consent'];
  source: StrengthView['source'];
  homeVisitId: string | null;
}

/** Check and write a strength recorded by the signed-in staff member. */
export function recordStrength(ctx: Ctx, staffId: string, input: NewStrength): string {
  const school = requireSchool(ctx);
  loadOwned(ctx, 'households', input.householdId, 'family');
  if (input.personId) loadOwned(ctx, 'people', input.personId, 'person');
  const id = newId(ctx.now().getTime());
  ctx.writer.insert('strengths', {
    ...NO_STRENGTH_STEPS,
    id,
    schoolId: school.id,
    ...input,
    recordedBy: staffId,
    recordedAt: ctx.now().toISOString(),
  });
  return id;
}

// The person to contact about a strength: its own person, else the family's first caregiver.
const CONTACT_COLUMNS = `c.id AS c_id, c.first_name AS c_first_name, c.last_name AS c_last_name,
  c.phones AS c_phones, c.email AS c_email, c.home_language AS c_home_language,
  c.interpreter AS c_interpreter, c.channels AS c_channels, c.best_times AS c_best_times,
  c.do_not_contact AS c_do_not_contact, h.name AS family_name`;
const CONTACT_JOINS = `JOIN households h ON h.id = s.household_id
  LEFT JOIN people c ON c.id = coalesce(
    (SELECT m.id FROM people m WHERE m.id = s.person_id AND m.merged_into_id IS NULL),
    (SELECT m.id FROM people m WHERE m.household_id = s.household_id AND m.merged_into_id IS NULL
      ORDER BY m.kind <> 'caregiver', m.created_at LIMIT 1))`;

function contactRoute(row: Record<string, unknown>): ContactRoute | null {
  if (row.c_id === null) return null;
  return {
    id: row.c_id as string,
    firstName: row.c_first_name as string,
    lastName: row.c_last_name as string | null,
    phones: JSON.parse(row.c_phones as string) as string[],
    email: row.c_email as string | null,
    homeLanguage: row.c_home_language as string | null,
    interpreter: row.c_interpreter as ContactRoute['interpreter'],
    channels: JSON.parse(row.c_channels as string) as ContactRoute['channels'],
    bestTimes: row.c_best_times as string | null,
    doNotContact: row.c_do_not_contact as string | null,
  };
}

// Newest first. With words, the full-text index yields matches newest first (rowid order)
// and the query stops at the limit, so a common word does not sort every match. Without
// words, an index on (category, time) or (school, time) gives the newest directly. The
// category test is written only when there is one: "@category IS NULL OR ..." would keep
// SQLite from using that index.
function searchSql(byWords: boolean, byCategory: boolean): string {
  const category = byCategory ? 'AND s.category = @category' : '';
  return byWords
    ? `SELECT ${VIEW_COLUMNS}, ${CONTACT_COLUMNS}
       FROM strengths_fts f JOIN strengths s ON s.pk = f.rowid ${VIEW_JOINS} ${CONTACT_JOINS}
       WHERE strengths_fts MATCH @match AND s.school_id = @school AND ${strengthVisibleSql('s')}
         ${category}
       ORDER BY f.rowid DESC LIMIT @limit`
    : `SELECT ${VIEW_COLUMNS}, ${CONTACT_COLUMNS}
       FROM strengths s ${VIEW_JOINS} ${CONTACT_JOINS}
       WHERE s.school_id = @school AND ${strengthVisibleSql('s')} ${category}
       ORDER BY s.recorded_at DESC LIMIT @limit`;
}

export const strengthHandlers = {
  'strength.create': (ctx, input) => {
    const staff = requireStaff(ctx);
    const id = recordStrength(ctx, staff.id, { ...input, homeVisitId: null });
    const row = ctx.store
      .sql(`SELECT ${VIEW_COLUMNS} FROM strengths s ${VIEW_JOINS} WHERE s.id = ?`)
      .get(id) as Row;
    return toView(row);
  },

  /** Invited, then contributed; each once, by whom and when. Only strengths the viewer may see. */
  'strength.advance': (ctx, { id, step }) => {
    const staff = requireStaff(ctx);
    loadOwned(ctx, 'strengths', id, 'strength');
    const [strength] = strengthsWhere(ctx, staff.id, 'id', id);
    if (!strength) throw new HearthError('NOT_FOUND', say(WORDS.strengthNotFound));
    const at = ctx.now().toISOString();
    if (step === 'invited') {
      if (strength.invitedAt) throw new HearthError('CONFLICT', say(WORDS.alreadyInvited));
      ctx.writer.update('strengths', id, { invitedAt: at, invitedBy: staff.id });
    } else {
      if (!strength.invitedAt) throw new HearthError('CONFLICT', say(WORDS.inviteFirst));
      if (strength.contributedAt) throw new HearthError('CONFLICT', say(WORDS.alreadyContributed));
      ctx.writer.update('strengths', id, { contributedAt: at, contributedBy: staff.id });
    }
    return strengthsWhere(ctx, staff.id, 'id', id)[0] as StrengthView;
  },

  'strength.search': (ctx, { text, category, limit }) => {
    const staff = requireStaff(ctx);
    const match = allPrefixes(text);
    const sql = searchSql(match !== null, category !== null);
    const rows = ctx.store.sql(sql).all({
      school: staff.schoolId,
      viewer: staff.id,
      limit,
      ...(match && { match }),
      ...(category && { category }),
    }) as Row[];
    return rows.map((row): StrengthHit => ({
      strength: toView(row),
      familyName: row.family_name as string,
      contact: contactRoute(row),
    }));
  },
} satisfies Partial<Handlers>;
