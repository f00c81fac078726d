import type {
  Channel,
  ContactDirection,
  ContactTone,
  HomeVisitStatus,
  StaffRole,
  StrengthCategory,
} from '../records';

/**
 * The partnership measures: each a pure function over plain rows the store (or the district
 * server) gathers, with its definition written once here and shown on screen as its help, so
 * the words and the arithmetic cannot drift. Times are ISO instants; days are whole days.
 * Only school-wide records count: restricted notes and follow-ups never reach these rows, and
 * a strength the family shared with its recorder alone is not counted.
 */

/** One family (household) as the measures see it, over the period asked for. */
export interface FamilyRow {
  /** Home languages of its people, each once ('' when none is recorded). */
  languages: string[];
  /** Someone in the family needs an interpreter (spoken, written or both). */
  interpreter: boolean;
  /** The first caregiver's first choice of channel. */
  channel: Channel | null;
  /** Grades of its students, each once. */
  grades: string[];
  students: number;
  /** Tone of the family's first contact this school year (up to the period's end). */
  firstToneThisYear: ContactTone | null;
  contactedInPeriod: boolean;
  goodNewsInPeriod: boolean;
  /** Good news at any time this school year, up to the period's end. */
  goodNewsThisYear: boolean;
  /** Whole days from the latest contact up to the period's end to that end; null: none. */
  daysSinceLastContact: number | null;
  /** How many families these facts describe: families alike may share one row. */
  n: number;
}

/** How many families the rows describe. */
export const familyCount = (families: readonly FamilyRow[]): number =>
  families.reduce((sum, f) => sum + f.n, 0);

/** How many of the families described meet `test`. */
export const familiesWhere = (families: readonly FamilyRow[], test: (f: FamilyRow) => boolean) =>
  families.reduce((sum, f) => (test(f) ? sum + f.n : sum), 0);

export interface Measure {
  /** The families or records counted in. */
  count: number;
  /** Out of. */
  of: number;
}

export interface MeasureDefinition {
  title: string;
  definition: string;
}

const DAY_MS = 86_400_000;
/** Whole days from one instant to a later one, as every measure counts them. */
export const daysBetween = (from: string, to: string) =>
  Math.floor((Date.parse(to) - Date.parse(from)) / DAY_MS);

export const share = ({ count, of }: Measure): number | null => (of === 0 ? null : count / of);

export const POSITIVE_FIRST: MeasureDefinition = {
  title: 'Good news first',
  definition:
    'Of the students whose family was contacted this school year, the share whose family’s first contact was good news, before any information or concern. A student in two families counts in each.',
};
export function positiveFirst(families: readonly FamilyRow[]): Measure {
  let count = 0;
  let of = 0;
  for (const f of families) {
    if (f.firstToneThisYear === null || f.students === 0) continue;
    of += f.students * f.n;
    if (f.firstToneThisYear === 'good_news') count += f.students * f.n;
  }
  return { count, of };
}

export const GOOD_NEWS: MeasureDefinition = {
  title: 'Good news in the period',
  definition:
    'Of all the school’s families, the share who heard good news from the school in the period.',
};
export const goodNews = (families: readonly FamilyRow[]): Measure => ({
  count: familiesWhere(families, (f) => f.goodNewsInPeriod),
  of: familyCount(families),
});

export const WAITING: MeasureDefinition = {
  title: 'Still waiting for good news',
  definition: 'Families who have not heard good news from the school this school year.',
};
export const waitingForGoodNews = (families: readonly FamilyRow[]): Measure => ({
  count: familiesWhere(families, (f) => !f.goodNewsThisYear),
  of: familyCount(families),
});

/** Contacts of one month by direction, as the store counts them. */
export interface ContactMonthRow {
  /** yyyy-MM in the school's time zone. */
  month: string;
  direction: ContactDirection;
  contacts: number;
}

export const TWO_WAY: MeasureDefinition = {
  title: 'Two-way',
  definition:
    'Contacts in the period by who started them: the school, the family, or a conversation both took part in (two-way). Started by families is the family’s share of all contacts.',
};
export interface TwoWay {
  months: { month: string; byDirection: Record<ContactDirection, number> }[];
  total: Record<ContactDirection, number>;
  startedByFamilies: Measure;
}
/** `months`: every month of the period (monthsOf), so a month with no contacts shows as none. */
export function twoWay(rows: readonly ContactMonthRow[], months: readonly string[]): TwoWay {
  const empty = (): Record<ContactDirection, number> => ({
    school_to_family: 0,
    family_to_school: 0,
    two_way: 0,
  });
  const byMonth = new Map(months.map((m) => [m, empty()]));
  const total = empty();
  for (const row of rows) {
    const month = byMonth.get(row.month) ?? empty();
    month[row.direction] += row.contacts;
    total[row.direction] += row.contacts;
    byMonth.set(row.month, month);
  }
  const all = total.school_to_family + total.family_to_school + total.two_way;
  return {
    months: [...byMonth.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, byDirection]) => ({ month, byDirection })),
    total,
    startedByFamilies: { count: total.family_to_school, of: all },
  };
}

/**
 * Family-voice items raised in the period that stand alike: how far they came, the whole days
 * from raised to told (told ones) or from raised to the period's end (open ones), and how many.
 */
export interface VoiceRow {
  heard: boolean;
  acted: boolean;
  daysToTold: number | null;
  daysOpen: number | null;
  n: number;
}

export const VOICE: MeasureDefinition = {
  title: 'Family voice',
  definition:
    'What families raised in the period, and how far each item has come: heard, acted on, and the family told what was done. Days to told is the median from raised to told; open items are those not yet told, by how long ago they were raised.',
};
export const VOICE_AGES = [
  'under 1 week',
  '1 to 4 weeks',
  '1 to 3 months',
  'over 3 months',
] as const;
export interface VoiceFlow {
  raised: number;
  heard: number;
  acted: number;
  told: number;
  medianDaysToTold: number | null;
  openByAge: Record<(typeof VOICE_AGES)[number], number>;
}
export function voiceFlow(rows: readonly VoiceRow[]): VoiceFlow {
  const openByAge = Object.fromEntries(VOICE_AGES.map((a) => [a, 0])) as VoiceFlow['openByAge'];
  const flow = { raised: 0, heard: 0, acted: 0, told: 0 };
  const toldAfter = new Map<number, number>();
  for (const row of rows) {
    flow.raised += row.n;
    if (row.heard) flow.heard += row.n;
    if (row.acted) flow.acted += row.n;
    if (row.daysToTold !== null) {
      flow.told += row.n;
      toldAfter.set(row.daysToTold, (toldAfter.get(row.daysToTold) ?? 0) + row.n);
    } else if (row.daysOpen !== null) {
      const age = row.daysOpen;
      const bucket = age < 7 ? 0 : age < 28 ? 1 : age < 90 ? 2 : 3;
      openByAge[VOICE_AGES[bucket] as (typeof VOICE_AGES)[number]] += row.n;
    }
  }
  return { ...flow, medianDaysToTold: countedMedian(toldAfter), openByAge };
}

/** Voice items one by one as VoiceRows (each n = 1), for a store that reads them whole. */
export const voiceRow = (
  item: { raisedAt: string; heardAt: string | null; actedAt: string | null; toldAt: string | null },
  asOf: string,
): VoiceRow => ({
  heard: item.heardAt !== null,
  acted: item.actedAt !== null,
  daysToTold: item.toldAt === null ? null : daysBetween(item.raisedAt, item.toldAt),
  daysOpen: item.toldAt === null ? daysBetween(item.raisedAt, asOf) : null,
  n: 1,
});

export const REACH: MeasureDefinition = {
  title: 'Reach, by group',
  definition:
    'For each group of families: how many there are, the share contacted in the period, the share who heard good news in the period, and the median days since their last contact (families never contacted are left out of the median and counted apart).',
};
export const REACH_GROUPS = ['language', 'interpreter', 'grade', 'channel'] as const;
export type ReachGroup = (typeof REACH_GROUPS)[number];
export interface ReachRow {
  /** The group's value: a language tag, a grade, a channel; 'yes'/'no' for interpreter; '' for none recorded. */
  value: string;
  families: number;
  contacted: number;
  goodNews: number;
  medianDaysSinceContact: number | null;
  neverContacted: number;
}
// One list per value, shared: reach() runs over every family of a school.
const NONE = [''] as const;
const YES = ['yes'] as const;
const NO = ['no'] as const;
const ONE_VALUE = new Map<string, readonly [string]>();
const oneValue = (value: string): readonly [string] => {
  let list = ONE_VALUE.get(value);
  if (!list) {
    list = [value];
    ONE_VALUE.set(value, list);
  }
  return list;
};
function groupValues(f: FamilyRow, group: ReachGroup): readonly string[] {
  switch (group) {
    case 'language':
      return f.languages.length > 0 ? f.languages : NONE;
    case 'interpreter':
      return f.interpreter ? YES : NO;
    case 'grade':
      return f.grades.length > 0 ? f.grades : NONE;
    default:
      return f.channel === null ? NONE : oneValue(f.channel);
  }
}
/**
 * A family in two groups (two languages, students in two grades) counts in each. One pass,
 * with days since contact counted per day, because a school may have fifty thousand families.
 */
export function reach(families: readonly FamilyRow[], group: ReachGroup): ReachRow[] {
  const groups = new Map<
    string,
    Omit<ReachRow, 'value' | 'medianDaysSinceContact'> & { days: Map<number, number> }
  >();
  for (const f of families)
    for (const value of groupValues(f, group)) {
      let g = groups.get(value);
      if (!g) {
        g = { families: 0, contacted: 0, goodNews: 0, neverContacted: 0, days: new Map() };
        groups.set(value, g);
      }
      g.families += f.n;
      if (f.contactedInPeriod) g.contacted += f.n;
      if (f.goodNewsInPeriod) g.goodNews += f.n;
      if (f.daysSinceLastContact === null) g.neverContacted += f.n;
      else g.days.set(f.daysSinceLastContact, (g.days.get(f.daysSinceLastContact) ?? 0) + f.n);
    }
  return [...groups.entries()]
    .map(([value, { days, ...g }]) => ({
      value,
      ...g,
      medianDaysSinceContact: countedMedian(days),
    }))
    .sort((a, b) => b.families - a.families || a.value.localeCompare(b.value));
}

/**
 * The middle value (the mean of the two middle ones for an even count) of values given as
 * value → how many times; null when none.
 */
export function countedMedian(counts: ReadonlyMap<number, number>): number | null {
  const values = [...counts.keys()].sort((a, b) => a - b);
  const total = values.reduce((n, v) => n + (counts.get(v) ?? 0), 0);
  if (total === 0) return null;
  // The values at 0-based positions lowMid and highMid of the sorted list (equal when odd).
  const lowMid = Math.floor((total - 1) / 2);
  const highMid = Math.floor(total / 2);
  let seen = 0;
  let low: number | null = null;
  for (const v of values) {
    seen += counts.get(v) ?? 0;
    if (low === null && seen > lowMid) low = v;
    if (seen > highMid) return ((low ?? v) + v) / 2;
  }
  return null;
}

/** Contacts in the period with families who need an interpreter, and in the family's language. */
export interface LanguageRow {
  needInterpreter: number;
  interpreterUsed: number;
  /** Contacts whose language was recorded. */
  withLanguage: number;
  inFamilyLanguage: number;
}
export const INTERPRETERS: MeasureDefinition = {
  title: 'In the family’s language',
  definition:
    'Of the contacts in the period with families who need an interpreter, the share where one was used; of the contacts whose language was recorded, the share held in a home language of the family.',
};

/** One staff member's contacts in one month. */
export interface StaffMonthRow {
  month: string;
  staffId: string;
  role: StaffRole;
  contacts: number;
}
export const EVERYONE: MeasureDefinition = {
  title: 'Everyone’s job',
  definition:
    'Contacts in the period by the role of the staff member who made them, how many different staff contacted families each month, and the share carried by liaisons and coordinators.',
};
export interface EveryonesJob {
  byRole: Partial<Record<StaffRole, number>>;
  months: { month: string; staff: number; contacts: number; liaisonShare: number | null }[];
  liaisonShare: Measure;
  /** Said in words when the liaisons' share grew by a tenth or more from the first month to the last while others' contacts fell. */
  trend: 'narrowing' | null;
}
const CARRIERS: readonly StaffRole[] = ['liaison', 'coordinator'];
export function everyonesJob(
  rows: readonly StaffMonthRow[],
  periodMonths: readonly string[],
): EveryonesJob {
  const byRole: Partial<Record<StaffRole, number>> = {};
  const months = new Map(
    periodMonths.map((m) => [m, { staff: new Set<string>(), contacts: 0, carried: 0 }]),
  );
  for (const row of rows) {
    byRole[row.role] = (byRole[row.role] ?? 0) + row.contacts;
    const month = months.get(row.month) ?? { staff: new Set(), contacts: 0, carried: 0 };
    month.staff.add(row.staffId);
    month.contacts += row.contacts;
    if (CARRIERS.includes(row.role)) month.carried += row.contacts;
    months.set(row.month, month);
  }
  const list = [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({
      month,
      staff: m.staff.size,
      contacts: m.contacts,
      carried: m.carried,
      liaisonShare: m.contacts === 0 ? null : m.carried / m.contacts,
    }));
  const first = list[0];
  const last = list[list.length - 1];
  const narrowing =
    first !== undefined &&
    last !== undefined &&
    first !== last &&
    (last.liaisonShare ?? 0) - (first.liaisonShare ?? 0) >= 0.1 &&
    last.contacts - last.carried < first.contacts - first.carried;
  const carried = list.reduce((n, m) => n + m.carried, 0);
  const contacts = list.reduce((n, m) => n + m.contacts, 0);
  return {
    byRole,
    months: list.map(({ month, staff, contacts: c, liaisonShare }) => ({
      month,
      staff,
      contacts: c,
      liaisonShare,
    })),
    liaisonShare: { count: carried, of: contacts },
    trend: narrowing ? 'narrowing' : null,
  };
}

/**
 * Strengths of one kind the school may count (shared with staff): how many, and how many the
 * school invited the family to share, and the family contributed, within the period.
 */
export interface StrengthRow {
  category: StrengthCategory;
  strengths: number;
  invited: number;
  contributed: number;
}
export const STRENGTHS: MeasureDefinition = {
  title: 'Strengths',
  definition:
    'Families with at least one strength recorded (shared with staff; those a family shared with one person alone are not counted), strengths by kind, and the strengths the school invited a family to share in the period and those the family contributed in it.',
};
/** `familiesWithStrength`: families with at least one strength the school may count. */
export function strengths(
  rows: readonly StrengthRow[],
  familiesWithStrength: number,
  families: number,
): {
  withStrength: Measure;
  byCategory: Partial<Record<StrengthCategory, number>>;
  invited: number;
  contributed: number;
} {
  const byCategory: Partial<Record<StrengthCategory, number>> = {};
  let invited = 0;
  let contributed = 0;
  for (const row of rows) {
    byCategory[row.category] = (byCategory[row.category] ?? 0) + row.strengths;
    invited += row.invited;
    contributed += row.contributed;
  }
  return {
    withStrength: { count: familiesWithStrength, of: families },
    byCategory,
    invited,
    contributed,
  };
}

/** Home visits scheduled in the period with one status, to families with these grades. */
export interface HomeVisitRow {
  status: HomeVisitStatus;
  grades: string[];
  n: number;
}
export const HOME_VISITS: MeasureDefinition = {
  title: 'Home visits',
  definition:
    'Home visits scheduled in the period by what became of them, in all and by the grades of the family’s students (a family with students in two grades counts in each).',
};
export function homeVisits(rows: readonly HomeVisitRow[]): {
  byStatus: Record<HomeVisitStatus, number>;
  byGrade: { grade: string; byStatus: Record<HomeVisitStatus, number> }[];
} {
  const empty = (): Record<HomeVisitStatus, number> => ({
    planned: 0,
    completed: 0,
    cancelled: 0,
    declined: 0,
  });
  const byStatus = empty();
  const grades = new Map<string, Record<HomeVisitStatus, number>>();
  for (const row of rows) {
    byStatus[row.status] += row.n;
    for (const grade of row.grades.length > 0 ? row.grades : ['']) {
      const g = grades.get(grade) ?? empty();
      g[row.status] += row.n;
      grades.set(grade, g);
    }
  }
  return {
    byStatus,
    byGrade: [...grades.entries()]
      .sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))
      .map(([grade, s]) => ({ grade, byStatus: s })),
  };
}
