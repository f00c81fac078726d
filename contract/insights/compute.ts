import type { ContactDirection, HomeVisitStatus, StaffRole } from '../records';
import {
  REACH_GROUPS,
  everyonesJob,
  goodNews,
  homeVisits,
  positiveFirst,
  reach,
  strengths,
  twoWay,
  voiceFlow,
  waitingForGoodNews,
  type FamilyRow,
  type Measure,
  type StrengthRow,
  type VoiceRow,
} from './measures';
import type { Insights, Period } from './view';

/**
 * Every figure of the screen from the rows a store gathered for one period: the computer's
 * SQLite store (db/insights/gather.ts) and the district's PostgreSQL (server/insights) each
 * gather the same rows their own way and hand them here, so a school's figures are the same
 * number wherever they are counted.
 */
export interface InsightsRows {
  /** The families counted (already narrowed to a grade or language, where asked). */
  families: FamilyRow[];
  /** Contacts in the period by school-local month, direction and staff member. */
  contacts: {
    month: string;
    direction: ContactDirection;
    staffId: string;
    role: StaffRole;
    contacts: number;
  }[];
  /** Contacts in the period by family, language and whether an interpreter was used. */
  languages: { householdId: string; language: string | null; used: boolean; n: number }[];
  voice: (VoiceRow & { householdId: string })[];
  strengths: StrengthRow[];
  homeVisits: { householdId: string; status: HomeVisitStatus }[];
}

export const contacted = (families: readonly FamilyRow[]): Measure => ({
  count: families.filter((f) => f.contactsInPeriod > 0).length,
  of: families.length,
});

function languageUse(rows: InsightsRows): Insights['languages'] {
  const byId = new Map(rows.families.map((f) => [f.householdId, f]));
  const counts = { needInterpreter: 0, interpreterUsed: 0, withLanguage: 0, inFamilyLanguage: 0 };
  for (const row of rows.languages) {
    const family = byId.get(row.householdId);
    if (!family) continue;
    if (family.interpreter) {
      counts.needInterpreter += row.n;
      if (row.used) counts.interpreterUsed += row.n;
    }
    if (row.language !== null) {
      counts.withLanguage += row.n;
      if (family.languages.includes(row.language)) counts.inFamilyLanguage += row.n;
    }
  }
  return counts;
}

/** The few figures compared with the same days a year before. */
export function lastYearFigures(rows: Pick<InsightsRows, 'families' | 'contacts'>) {
  return {
    positiveFirst: positiveFirst(rows.families),
    goodNews: goodNews(rows.families),
    contacted: contacted(rows.families),
    startedByFamilies: twoWay(rows.contacts, []).startedByFamilies,
  };
}

/**
 * `months`: every month of the period (monthsOf); `bounds`: its first instant and the instant
 * after it, from which ages and days since a contact are counted.
 */
export function computeInsights(
  period: Period,
  months: readonly string[],
  bounds: { from: string; end: string },
  rows: InsightsRows,
  lastYear: Insights['lastYear'],
): Insights {
  const { families } = rows;
  const asOf = bounds.end;
  const mine = new Set(families.map((f) => f.householdId));
  const gradesOf = new Map(families.map((f) => [f.householdId, f.grades]));
  return {
    period,
    families: families.length,
    positiveFirst: positiveFirst(families),
    goodNews: goodNews(families),
    waiting: waitingForGoodNews(families),
    contacted: contacted(families),
    twoWay: twoWay(rows.contacts, months),
    voice: voiceFlow(
      rows.voice.filter((v) => mine.has(v.householdId)),
      asOf,
    ),
    reach: Object.fromEntries(
      REACH_GROUPS.map((g) => [g, reach(families, g, asOf)]),
    ) as Insights['reach'],
    languages: languageUse(rows),
    everyone: everyonesJob(rows.contacts, months),
    strengths: strengths(
      rows.strengths.filter((s) => mine.has(s.householdId)),
      families.length,
      bounds.from,
      bounds.end,
    ),
    homeVisits: homeVisits(
      rows.homeVisits
        .filter((v) => mine.has(v.householdId))
        .map((v) => ({ status: v.status, grades: gradesOf.get(v.householdId) ?? [] })),
    ),
    lastYear,
  };
}
