import {
  computeInsights,
  periodBounds,
  lastYearFigures,
  yearBefore,
  type Channel,
  type ContactDirection,
  type ContactTone,
  type FamilyRow,
  type HomeVisitStatus,
  type Insights,
  type InsightsRows,
  type Period,
  type PeriodBounds,
  type StaffRole,
} from '../../contract';
import type { Store } from '../store';
import { localMonthSql } from '../school-time';

/**
 * The store's half of Insights: SQL gathers plain rows for a period, the contract's measures
 * compute (contract/insights/measures.ts). Only records every staff member may see are read
 * (contacts, voice items, home visits, strengths shared with staff); notes and follow-ups,
 * where restricted content lives, are never read here.
 */

export interface InsightsQuery {
  schoolId: string;
  timeZone: string;
  period: Period;
  grade: string | null;
  language: string | null;
}

const FAMILIES_SQL = `
  SELECT h.id,
    (SELECT json_group_array(DISTINCT coalesce(p.home_language, '')) FROM people p
      WHERE p.household_id = h.id AND p.merged_into_id IS NULL) AS languages,
    (SELECT coalesce(max(p.interpreter <> 'none'), 0) FROM people p
      WHERE p.household_id = h.id AND p.merged_into_id IS NULL) AS interpreter,
    (SELECT p.channels ->> '$[0]' FROM people p
      WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND p.kind = 'caregiver'
      ORDER BY p.created_at, p.id LIMIT 1) AS channel,
    (SELECT json_group_array(DISTINCT s.grade) FROM people p
      JOIN student_person_links l ON l.person_id = p.id JOIN students s ON s.id = l.student_id
      WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND s.merged_into_id IS NULL) AS grades,
    (SELECT count(DISTINCT s.id) FROM people p
      JOIN student_person_links l ON l.person_id = p.id JOIN students s ON s.id = l.student_id
      WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND s.merged_into_id IS NULL) AS students,
    (SELECT max(c.occurred_at) FROM contacts c
      WHERE c.household_id = h.id AND c.occurred_at < @scanFrom) AS last_before
  FROM households h WHERE h.school_id = @school`;

// The first contact this school year comes with its tone: ISO instants from the write path
// all have one width, so the least "instant|tone" is the first contact's.
// `+household_id`: grouping by the bare column leads SQLite to the household index and a
// lookup of every row; the covering index (migration 0012) and a sort are far cheaper.
const CONTACTS_SQL = `
  SELECT +household_id AS id,
    min(CASE WHEN occurred_at >= @yearStart THEN occurred_at || '|' || tone END) AS first,
    sum(occurred_at >= @from) AS in_period,
    max(tone = 'good_news' AND occurred_at >= @from) AS good_in_period,
    max(tone = 'good_news' AND occurred_at >= @yearStart) AS good_this_year,
    max(occurred_at) AS last_at
  FROM contacts
  WHERE school_id = @school AND household_id IS NOT NULL
    AND occurred_at >= @scanFrom AND occurred_at < @end
  GROUP BY 1`;

type Row = Record<string, unknown>;

function familyRows(store: Store, q: InsightsQuery, b: PeriodBounds): FamilyRow[] {
  const params = { school: q.schoolId, ...b };
  const contacts = new Map(
    (store.sql(CONTACTS_SQL).all(params) as Row[]).map((r) => [r.id as string, r]),
  );
  const rows = store.sql(FAMILIES_SQL).all({ school: q.schoolId, scanFrom: b.scanFrom }) as Row[];
  return rows.map((r) => {
    const id = r.id as string;
    const c = contacts.get(id);
    return {
      householdId: id,
      languages: (JSON.parse(r.languages as string) as string[]).sort(),
      interpreter: r.interpreter === 1,
      channel: (r.channel as Channel | null) ?? null,
      grades: (JSON.parse(r.grades as string) as string[]).sort(),
      students: r.students as number,
      firstToneThisYear:
        typeof c?.first === 'string' ? (c.first.split('|')[1] as ContactTone) : null,
      contactsInPeriod: (c?.in_period as number | undefined) ?? 0,
      goodNewsInPeriod: c?.good_in_period === 1,
      goodNewsThisYear: c?.good_this_year === 1,
      lastContactAt: (c?.last_at as string | undefined) ?? (r.last_before as string | null),
    };
  });
}

/** Families of the school within the grade and language asked for (a filter of none: all). */
function chosen(families: FamilyRow[], q: InsightsQuery): FamilyRow[] {
  return families.filter(
    (f) =>
      (q.grade === null || f.grades.includes(q.grade)) &&
      (q.language === null || f.languages.includes(q.language)),
  );
}

/** Contacts in the period by school-local month, direction and staff member, in one scan. */
function contactMonths(
  store: Store,
  q: InsightsQuery,
  b: PeriodBounds,
  chosenFamilies: readonly FamilyRow[],
): InsightsRows['contacts'] {
  const families =
    q.grade !== null || q.language !== null
      ? JSON.stringify(chosenFamilies.map((f) => f.householdId))
      : null;
  const month = localMonthSql('c.occurred_at', b.from, b.end, q.timeZone);
  const rows = store
    .sql(
      `SELECT ${month.sql} AS month, c.direction, c.staff_id AS staffId, st.role,
         count(*) AS contacts
       FROM contacts c JOIN staff st ON st.id = c.staff_id
       WHERE c.school_id = ? AND c.occurred_at >= ? AND c.occurred_at < ?
         AND (? IS NULL OR c.household_id IN (SELECT value FROM json_each(?)))
       GROUP BY 1, 2, 3`,
    )
    .all(...month.params, q.schoolId, b.from, b.end, families, families) as {
    month: string;
    direction: ContactDirection;
    staffId: string;
    role: StaffRole;
    contacts: number;
  }[];
  return rows;
}

/** Contacts in the period by family, language and whether an interpreter was used, in one scan. */
function languageRows(store: Store, q: InsightsQuery, b: PeriodBounds): InsightsRows['languages'] {
  const rows = store
    .sql(
      `SELECT +household_id AS id, language, interpreter_used AS used, count(*) AS n
       FROM contacts WHERE school_id = ? AND household_id IS NOT NULL
         AND occurred_at >= ? AND occurred_at < ?
       GROUP BY 1, 2, 3`,
    )
    .all(q.schoolId, b.from, b.end) as {
    id: string;
    language: string | null;
    used: number;
    n: number;
  }[];
  return rows.map((r) => ({ householdId: r.id, language: r.language, used: r.used === 1, n: r.n }));
}

function otherRows(store: Store, q: InsightsQuery, b: PeriodBounds) {
  const voice = store
    .sql(
      `SELECT household_id AS householdId, raised_at AS raisedAt, heard_at AS heardAt,
           acted_at AS actedAt, told_at AS toldAt
         FROM voice_items WHERE school_id = ? AND raised_at >= ? AND raised_at < ?`,
    )
    .all(q.schoolId, b.from, b.end) as {
    householdId: string;
    raisedAt: string;
    heardAt: string | null;
    actedAt: string | null;
    toldAt: string | null;
  }[];
  const strengthRows = store
    .sql(
      `SELECT household_id AS householdId, category, invited_at AS invitedAt,
         contributed_at AS contributedAt
       FROM strengths WHERE school_id = ? AND consent = 'staff' AND recorded_at < ?`,
    )
    .all(q.schoolId, b.end) as InsightsRows['strengths'];
  const visits = store
    .sql(
      `SELECT household_id AS householdId, status FROM home_visits
         WHERE school_id = ? AND scheduled_at >= ? AND scheduled_at < ?`,
    )
    .all(q.schoolId, b.from, b.end) as { householdId: string; status: HomeVisitStatus }[];
  return { voice, strengthRows, visits };
}

/** The same days a year before, where the school has contacts then; null where it has none. */
function lastYear(store: Store, q: InsightsQuery): Insights['lastYear'] {
  const period = yearBefore(q.period);
  const b = periodBounds(period, q.timeZone);
  const any = store
    .sql(
      `SELECT 1 FROM contacts WHERE school_id = ? AND occurred_at >= ? AND occurred_at < ? LIMIT 1`,
    )
    .get(q.schoolId, b.from, b.end);
  if (!any) return null;
  const families = chosen(familyRows(store, { ...q, period }, b), q);
  return lastYearFigures({
    families,
    contacts: contactMonths(store, { ...q, period }, b, families),
  });
}

export function gatherInsights(store: Store, q: InsightsQuery, months: string[]): Insights {
  const b = periodBounds(q.period, q.timeZone);
  const families = chosen(familyRows(store, q, b), q);
  const { voice, strengthRows, visits } = otherRows(store, q, b);
  return computeInsights(
    q.period,
    months,
    b,
    {
      families,
      contacts: contactMonths(store, q, b, families),
      languages: languageRows(store, q, b),
      voice,
      strengths: strengthRows,
      homeVisits: visits,
    },
    lastYear(store, q),
  );
}
