import type { ContactDirection, StaffRole } from '../records';
import {
  REACH_GROUPS,
  everyonesJob,
  familiesWhere,
  familyCount,
  goodNews,
  homeVisits,
  positiveFirst,
  reach,
  strengths,
  twoWay,
  voiceFlow,
  waitingForGoodNews,
  type FamilyRow,
  type HomeVisitRow,
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
/** Every row is of the families counted: a store narrows them to a grade or language asked for. */
export interface InsightsRows {
  families: FamilyRow[];
  /** Contacts in the period by school-local month, direction and staff member. */
  contacts: {
    month: string;
    direction: ContactDirection;
    staffId: string;
    role: StaffRole;
    contacts: number;
  }[];
  /**
   * Contacts in the period with families: whether the family needs an interpreter, whether one
   * was used, and whether the contact's language was recorded ('none') and one of the
   * family's home languages ('family') or not ('other').
   */
  languages: { familyInterpreter: boolean; used: boolean; heldIn: HeldIn; n: number }[];
  voice: VoiceRow[];
  /** Strengths, and how many families have at least one. */
  strengths: { families: number; rows: StrengthRow[] };
  homeVisits: HomeVisitRow[];
}

export type HeldIn = 'none' | 'family' | 'other';

/** Where a contact's recorded language stands against its family's home languages. */
export const heldIn = (language: string | null, familyLanguages: readonly string[]): HeldIn =>
  language === null ? 'none' : familyLanguages.includes(language) ? 'family' : 'other';

export const contacted = (families: readonly FamilyRow[]): Measure => ({
  count: familiesWhere(families, (f) => f.contactedInPeriod),
  of: familyCount(families),
});

function languageUse(rows: InsightsRows['languages']): Insights['languages'] {
  const counts = { needInterpreter: 0, interpreterUsed: 0, withLanguage: 0, inFamilyLanguage: 0 };
  for (const row of rows) {
    if (row.familyInterpreter) {
      counts.needInterpreter += row.n;
      if (row.used) counts.interpreterUsed += row.n;
    }
    if (row.heldIn !== 'none') counts.withLanguage += row.n;
    if (row.heldIn === 'family') counts.inFamilyLanguage += row.n;
  }
  return counts;
}

/**
 * The few figures compared with the same days a year before. `rows.families` may hold only
 * the families with a contact in those days' school years when `families` counts them all:
 * the others hold none of these figures, only their share's denominator.
 */
export function lastYearFigures(
  rows: Pick<InsightsRows, 'families' | 'contacts'>,
  families = familyCount(rows.families),
) {
  const ofAll = (measure: Measure): Measure => ({ ...measure, of: families });
  return {
    positiveFirst: positiveFirst(rows.families),
    goodNews: ofAll(goodNews(rows.families)),
    contacted: ofAll(contacted(rows.families)),
    startedByFamilies: twoWay(rows.contacts, []).startedByFamilies,
  };
}

/**
 * `months`: every month of the period (monthsOf). Days (since a contact, to told) arrive in
 * the rows, counted by the store to the period's end.
 */
export function computeInsights(
  period: Period,
  months: readonly string[],
  rows: InsightsRows,
  lastYear: Insights['lastYear'],
): Insights {
  const { families } = rows;
  const total = familyCount(families);
  return {
    period,
    families: total,
    positiveFirst: positiveFirst(families),
    goodNews: goodNews(families),
    waiting: waitingForGoodNews(families),
    contacted: contacted(families),
    twoWay: twoWay(rows.contacts, months),
    voice: voiceFlow(rows.voice),
    reach: Object.fromEntries(
      REACH_GROUPS.map((g) => [g, reach(families, g)]),
    ) as Insights['reach'],
    languages: languageUse(rows.languages),
    everyone: everyonesJob(rows.contacts, months),
    strengths: strengths(rows.strengths.rows, rows.strengths.families, total),
    homeVisits: homeVisits(rows.homeVisits),
    lastYear,
  };
}
