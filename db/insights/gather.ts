import {
  everyonesJob,
  goodNews,
  homeVisits,
  positiveFirst,
  reach,
  schoolYearOf,
  strengths,
  twoWay,
  voiceFlow,
  waitingForGoodNews,
  yearBefore,
  REACH_GROUPS,
  type Channel,
  type ContactDirection,
  type ContactTone,
  type FamilyRow,
  type HomeVisitStatus,
  type Insights,
  type Measure,
  type Period,
  type StaffRole,
  type StrengthCategory,
} from '../../contract';
import type { Store } from '../store';
import { dayStart, localMonthSql, periodEnd } from '../school-time';

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

interface Bounds {
  /** The period's first instant. */
  from: string;
  /** The instant after its last day. */
  end: string;
  /** The start of the school year the period ends in. */
  yearStart: string;
  /** Where contact scans start: the earlier of the two. */
  scanFrom: string;
}

function boundsOf(period: Period, timeZone: string): Bounds {
  const from = dayStart(period.from, timeZone);
  const yearStart = dayStart(schoolYearOf(period.to).from, timeZone);
  return {
    from,
    end: periodEnd(period, timeZone),
    yearStart,
    scanFrom: from < yearStart ? from : yearStart,
  };
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

const CONTACTS_SQL = `
  SELECT household_id AS id,
    sum(occurred_at >= @from) AS in_period,
    max(tone = 'good_news' AND occurred_at >= @from) AS good_in_period,
    max(tone = 'good_news' AND occurred_at >= @yearStart) AS good_this_year,
    max(occurred_at) AS last_at
  FROM contacts
  WHERE school_id = @school AND household_id IS NOT NULL
    AND occurred_at >= @scanFrom AND occurred_at < @end
  GROUP BY household_id`;

// One min() and a bare column: SQLite takes the bare column from the row of the minimum.
const FIRST_TONE_SQL = `
  SELECT household_id AS id, tone, min(occurred_at) AS at FROM contacts
  WHERE school_id = @school AND household_id IS NOT NULL
    AND occurred_at >= @yearStart AND occurred_at < @end
  GROUP BY household_id`;

const IN_FAMILIES = `(@families IS NULL OR c.household_id IN (SELECT value FROM json_each(@families)))`;

type Row = Record<string, unknown>;

function familyRows(store: Store, q: InsightsQuery, b: Bounds): FamilyRow[] {
  const params = { school: q.schoolId, ...b };
  const contacts = new Map(
    (store.sql(CONTACTS_SQL).all(params) as Row[]).map((r) => [r.id as string, r]),
  );
  const firstTone = new Map(
    (
      store
        .sql(FIRST_TONE_SQL)
        .all({ school: q.schoolId, yearStart: b.yearStart, end: b.end }) as Row[]
    ).map((r) => [r.id as string, r.tone as ContactTone]),
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
      firstToneThisYear: firstTone.get(id) ?? null,
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

const contacted = (families: readonly FamilyRow[]): Measure => ({
  count: families.filter((f) => f.contactsInPeriod > 0).length,
  of: families.length,
});

function contactMonths(store: Store, q: InsightsQuery, b: Bounds, families: string | null) {
  const month = localMonthSql('c.occurred_at', b.from, b.end, q.timeZone);
  const where = `c.school_id = ? AND c.occurred_at >= ? AND c.occurred_at < ?
    AND (? IS NULL OR c.household_id IN (SELECT value FROM json_each(?)))`;
  const scope = [q.schoolId, b.from, b.end, families, families];
  const byDirection = store
    .sql(
      `SELECT ${month.sql} AS month, c.direction, count(*) AS contacts FROM contacts c
       WHERE ${where} GROUP BY 1, 2`,
    )
    .all(...month.params, ...scope) as {
    month: string;
    direction: ContactDirection;
    contacts: number;
  }[];
  const byStaff = store
    .sql(
      `SELECT ${month.sql} AS month, c.staff_id AS staffId, st.role, count(*) AS contacts
       FROM contacts c JOIN staff st ON st.id = c.staff_id
       WHERE ${where} GROUP BY 1, 2`,
    )
    .all(...month.params, ...scope) as {
    month: string;
    staffId: string;
    role: StaffRole;
    contacts: number;
  }[];
  return { byDirection, byStaff };
}

function languageUse(store: Store, q: InsightsQuery, b: Bounds, families: string | null) {
  const row = store
    .sql(
      `SELECT coalesce(sum(need), 0) AS needInterpreter,
         coalesce(sum(need AND interpreter_used), 0) AS interpreterUsed,
         coalesce(sum(language IS NOT NULL), 0) AS withLanguage,
         coalesce(sum(language IS NOT NULL AND spoken), 0) AS inFamilyLanguage
       FROM (SELECT c.interpreter_used, c.language,
           EXISTS (SELECT 1 FROM people p WHERE p.household_id = c.household_id
             AND p.merged_into_id IS NULL AND p.interpreter <> 'none') AS need,
           EXISTS (SELECT 1 FROM people p WHERE p.household_id = c.household_id
             AND p.merged_into_id IS NULL AND p.home_language = c.language) AS spoken
         FROM contacts c
         WHERE c.school_id = @school AND c.household_id IS NOT NULL
           AND c.occurred_at >= @from AND c.occurred_at < @end AND ${IN_FAMILIES})`,
    )
    .get({ school: q.schoolId, from: b.from, end: b.end, families }) as Insights['languages'];
  return row;
}

function otherRows(store: Store, q: InsightsQuery, b: Bounds, ids: Set<string> | null) {
  const mine = (r: { householdId: string }) => ids === null || ids.has(r.householdId);
  const voice = (
    store
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
    }[]
  ).filter(mine);
  const strengthRows = (
    store
      .sql(
        `SELECT household_id AS householdId, category FROM strengths
         WHERE school_id = ? AND consent = 'staff' AND recorded_at < ?`,
      )
      .all(q.schoolId, b.end) as { householdId: string; category: StrengthCategory }[]
  ).filter(mine);
  const visits = (
    store
      .sql(
        `SELECT household_id AS householdId, status FROM home_visits
         WHERE school_id = ? AND scheduled_at >= ? AND scheduled_at < ?`,
      )
      .all(q.schoolId, b.from, b.end) as { householdId: string; status: HomeVisitStatus }[]
  ).filter(mine);
  return { voice, strengthRows, visits };
}

/** The same days a year before, where the school has contacts then; null where it has none. */
function lastYear(store: Store, q: InsightsQuery): Insights['lastYear'] {
  const period = yearBefore(q.period);
  const b = boundsOf(period, q.timeZone);
  const any = store
    .sql(
      `SELECT 1 FROM contacts WHERE school_id = ? AND occurred_at >= ? AND occurred_at < ? LIMIT 1`,
    )
    .get(q.schoolId, b.from, b.end);
  if (!any) return null;
  const families = chosen(familyRows(store, { ...q, period }, b), q);
  const filter = q.grade || q.language ? JSON.stringify(families.map((f) => f.householdId)) : null;
  const { byDirection } = contactMonths(store, { ...q, period }, b, filter);
  return {
    positiveFirst: positiveFirst(families),
    goodNews: goodNews(families),
    contacted: contacted(families),
    startedByFamilies: twoWay(byDirection, []).startedByFamilies,
  };
}

export function gatherInsights(store: Store, q: InsightsQuery, months: string[]): Insights {
  const b = boundsOf(q.period, q.timeZone);
  const families = chosen(familyRows(store, q, b), q);
  const filtered = q.grade !== null || q.language !== null;
  const ids = filtered ? new Set(families.map((f) => f.householdId)) : null;
  const filter = ids ? JSON.stringify([...ids]) : null;
  const { byDirection, byStaff } = contactMonths(store, q, b, filter);
  const { voice, strengthRows, visits } = otherRows(store, q, b, ids);
  const gradesOf = new Map(families.map((f) => [f.householdId, f.grades]));
  const asOf = b.end;
  return {
    period: q.period,
    families: families.length,
    positiveFirst: positiveFirst(families),
    goodNews: goodNews(families),
    waiting: waitingForGoodNews(families),
    contacted: contacted(families),
    twoWay: twoWay(byDirection, months),
    voice: voiceFlow(voice, asOf),
    reach: Object.fromEntries(
      REACH_GROUPS.map((g) => [g, reach(families, g, asOf)]),
    ) as Insights['reach'],
    languages: languageUse(store, q, b, filter),
    everyone: everyonesJob(byStaff, months),
    strengths: strengths(strengthRows, families.length),
    homeVisits: homeVisits(
      visits.map((v) => ({ status: v.status, grades: gradesOf.get(v.householdId) ?? [] })),
    ),
    lastYear: lastYear(store, q),
  };
}
