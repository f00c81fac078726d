import {
  CONTACT_TONES,
  computeInsights,
  familyCount,
  periodBounds,
  lastYearFigures,
  yearBefore,
  type Channel,
  type ContactDirection,
  type FamilyRow,
  type HeldIn,
  HOME_VISIT_STATUSES,
  type HomeVisitRow,
  type HomeVisitStatus,
  type Insights,
  type Period,
  type PeriodBounds,
  type StaffRole,
  type StrengthRow,
  type VoiceRow,
} from '../../contract';
import type { Store } from '../store';
import { HELD_IN, MONTH_OF, refreshProfiles } from './tallies';

/**
 * The store's half of Insights: SQL gathers a period's rows, the contract's measures compute
 * (contract/insights/measures.ts). Whole months are read from the tallies counted ahead
 * (migration 0015); the days of a month the period only partly covers, and every contact when
 * a grade or language narrows the families, are read contact by contact. Only records every
 * staff member may see are read (contacts, voice items, home visits, strengths shared with
 * staff); notes and follow-ups, where restricted content lives, never are.
 */

export interface InsightsQuery {
  schoolId: string;
  timeZone: string;
  period: Period;
  grade: string | null;
  language: string | null;
}

interface SchoolMonth {
  month: string;
  start: string;
  /** The next month's first instant. */
  next: string;
  schoolYear: number;
  bit: number;
}

/** What of a period comes from tallies and what is read contact by contact. */
interface Plan {
  /** Months (yyyy-MM) whose every contact of the school falls in the period. */
  wholeMonths: string[];
  /** By school year: the bits of its whole months. */
  periodMasks: Map<number, number>;
  /** The school year the period ends in, and the bits of its months up to the end that are whole. */
  endYear: number;
  toEndMask: number;
  /** Instants [from, to) read contact by contact. */
  ranges: [string, string][];
  /** The first instant of the period's last month when that month is read contact by contact. */
  partialEndFrom: string;
}

const DAY_MS = 86_400_000;
/** Milliseconds since 1970 of an ISO instant column, as Date.parse counts them. */
const ms = (column: string) => `CAST(round(unixepoch(${column}, 'subsec') * 1000) AS INTEGER)`;
/**
 * Families of the school within the grade and language asked for, as `p`: those whose kind
 * is one of @kinds (paramsOf), found in JavaScript's copy of the kinds rather than by reading
 * every family's lists.
 */
const chosen = (q: InsightsQuery) =>
  narrowed(q)
    ? 'p.school_id = @school AND p.kind IN (SELECT value FROM json_each(@kinds))'
    : 'p.school_id = @school';
const narrowed = (q: InsightsQuery) => q.grade !== null || q.language !== null;
/**
 * `column` holds a chosen family (nothing to test when the screen is not narrowed). The
 * unary plus keeps SQLite from looking rows up family by family through an index on `column`:
 * a narrowed screen reads a period's rows in their own order and tests each against the
 * chosen families, a tenth of the cost when thousands of families are chosen.
 */
const ofChosen = (q: InsightsQuery, column: string) =>
  narrowed(q)
    ? `AND +${column} IN (SELECT p.household_id FROM household_profile p WHERE ${chosen(q)})`
    : '';

/**
 * `table` (as `alias`) joined to the chosen families (`p`) for a narrowed screen, read family
 * by family (CROSS JOIN keeps the families outside) through `index`, led by the school and the
 * family (migration 0018): a language's or grade's families have a few rows each, and testing
 * every row of the school's period against the chosen families cost two to four times as much.
 */
const byChosenFamily = (table: string, alias: string, index: string) =>
  `household_profile p CROSS JOIN ${table} ${alias} INDEXED BY ${index}
     ON ${alias}.school_id = p.school_id AND ${alias}.household_id = p.household_id`;

/** The school's months the period touches, in order. */
function schoolMonths(store: Store, schoolId: string, b: PeriodBounds): SchoolMonth[] {
  const rows = store
    .sql(
      `SELECT month, starts_at AS start, school_year AS schoolYear, bit FROM school_months
       WHERE school_id = @school
         AND starts_at >= (SELECT max(starts_at) FROM school_months
                           WHERE school_id = @school AND starts_at <= @from)
         AND starts_at <= (SELECT min(starts_at) FROM school_months
                           WHERE school_id = @school AND starts_at >= @end)
       ORDER BY starts_at`,
    )
    .all({ school: schoolId, from: b.from, end: b.end }) as Omit<SchoolMonth, 'next'>[];
  return rows
    .slice(0, -1)
    .map((m, i) => ({ ...m, next: (rows[i + 1] as { start: string }).start }));
}

/**
 * A month the period covers only in part still comes from its tally when the school has no
 * contact in the part left out (today's month, when the period ends today); otherwise the
 * covered part is read contact by contact. Known limit: a custom range that cuts two busy
 * months costs a read of those months' contacts.
 */
function plan(store: Store, schoolId: string, b: PeriodBounds): Plan {
  const months = schoolMonths(store, schoolId, b);
  const first = months[0];
  const last = months[months.length - 1];
  // periodSchema keeps periods within the years db/insights/tallies.ts lists months for.
  if (!first || !last) throw new Error('The period lies outside the months Hearth counts.');
  const anyContacts = (from: string, to: string) =>
    from < to &&
    store
      .sql(
        'SELECT 1 FROM contacts WHERE school_id = ? AND occurred_at >= ? AND occurred_at < ? LIMIT 1',
      )
      .get(schoolId, from, to) !== undefined;
  const startPartial = anyContacts(first.start, b.from);
  const endPartial = anyContacts(b.end, last.next);
  const ranges: [string, string][] = [];
  if (startPartial && !(first === last && endPartial))
    ranges.push([b.from, first.next < b.end ? first.next : b.end]);
  if (endPartial) ranges.push([last.start, b.end]);
  const whole = months.filter(
    (m) => !((m === first && startPartial) || (m === last && endPartial)),
  );
  const periodMasks = new Map<number, number>();
  for (const m of whole)
    periodMasks.set(m.schoolYear, (periodMasks.get(m.schoolYear) ?? 0) | m.bit);
  const before = store
    .sql(
      `SELECT coalesce(sum(bit), 0) FROM school_months
       WHERE school_id = ? AND school_year = ? AND starts_at < ?`,
    )
    .pluck()
    .get(schoolId, last.schoolYear, last.start) as number;
  return {
    wholeMonths: whole.map((m) => m.month),
    periodMasks,
    endYear: last.schoolYear,
    toEndMask: before | (endPartial ? 0 : last.bit),
    ranges,
    partialEndFrom: endPartial ? last.start : b.end,
  };
}

/**
 * The kinds of family within a narrowed screen's grade and language, as JSON for @kinds; null
 * for the whole school. Worked out once per request (each query of it binds them).
 */
const CHOSEN_KINDS = new WeakMap<InsightsQuery, string | null>();

function chosenKinds(store: Store, q: InsightsQuery): string | null {
  if (!narrowed(q)) return null;
  let kinds = CHOSEN_KINDS.get(q);
  if (kinds === undefined) {
    kinds = JSON.stringify(
      [...kindsOf(store)]
        .filter(
          ([, kind]) =>
            (q.grade === null || kind.grades.includes(q.grade)) &&
            (q.language === null || kind.languages.includes(q.language)),
        )
        .map(([id]) => id),
    );
    CHOSEN_KINDS.set(q, kinds);
  }
  return kinds;
}

/**
 * What the statements below bind: the school, the grade and language asked for with the kinds
 * of family within them, the period.
 */
const paramsOf = (store: Store, q: InsightsQuery, b: PeriodBounds) => ({
  school: q.schoolId,
  grade: q.grade,
  language: q.language,
  kinds: chosenKinds(store, q),
  from: b.from,
  end: b.end,
  endMs: Date.parse(b.end),
});

/**
 * How many times each integer a statement lists in its column `value` occurs, read as one
 * text (group_concat): better-sqlite3 spends about a microsecond on each row it hands
 * JavaScript, SQLite far less on a row it aggregates, so fifty thousand families take 30 ms
 * as rows and 8 as one text. The text is counted digit by digit as it is read, by hand
 * because splitting it made fifty thousand strings and numbers for the garbage collector,
 * which then cost more than reading them.
 */
function countIntegers(
  store: Store,
  sql: string,
  params: Record<string, unknown>,
): Map<number, number> {
  const text = store.sql(`SELECT group_concat(value) FROM (${sql})`).pluck().get(params) as
    string | null;
  const counts = new Map<number, number>();
  if (text === null) return counts;
  const COMMA = 44;
  const MINUS = 45;
  const ZERO = 48;
  let value = 0;
  let sign = 1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : COMMA;
    if (c === COMMA) {
      const v = sign * value;
      counts.set(v, (counts.get(v) ?? 0) + 1);
      value = 0;
      sign = 1;
    } else if (c === MINUS) sign = -1;
    else value = value * 10 + (c - ZERO);
  }
  return counts;
}

/** Contacts within the ranges, as SQL over `occurred_at` with its parameters (rangeParams). */
const rangesSql = (ranges: readonly [string, string][], column = 'occurred_at') =>
  ranges.map((_, i) => `(${column} >= @r${i}from AND ${column} < @r${i}to)`).join(' OR ');
const rangeParams = (ranges: readonly [string, string][]) =>
  Object.fromEntries(
    ranges.flatMap(([from, to], i) => [
      [`r${i}from`, from],
      [`r${i}to`, to],
    ]),
  );

// A family is read as one integer, its kind (household_kinds: what it is) and its contact
// facts packed in bits, because better-sqlite3 spends far more on a value than SQLite on a
// row: fifty thousand families as text columns took 100 ms here, as one integer 10 ms.
const FACT_BITS = 32;
const KIND_BITS = 2 ** 22;
const TONE_CODE = (column: string) =>
  `CASE ${column} ${CONTACT_TONES.map((v, i) => `WHEN '${v}' THEN ${i + 1}`).join(' ')} ELSE 0 END`;

/**
 * The chosen families' facts for the period. For the screen, every family with its days since
 * the last contact; for the comparison with last year (`lastYear`), no days, and only the
 * families with a contact in the period's school years, found from those years' rows: the
 * others hold no figure, and reading every family again cost a quarter of the screen.
 */
function familyRows(
  store: Store,
  q: InsightsQuery,
  b: PeriodBounds,
  p: Plan,
  mode: 'screen' | 'last year',
) {
  const withDays = mode === 'screen';
  const years = [...new Set([...p.periodMasks.keys(), p.endYear])];
  const families =
    mode === 'screen'
      ? 'household_profile p'
      : `(SELECT DISTINCT household_id FROM family_contact_years
          WHERE school_id = @school AND school_year IN (${years.join(', ')})) h
         JOIN household_profile p ON p.household_id = h.household_id`;
  const joins = years
    .map(
      (year, i) =>
        `LEFT JOIN family_contact_years y${i} ON y${i}.household_id = p.household_id AND y${i}.school_year = ${year}`,
    )
    .join('\n');
  const yearOf = (year: number) => `y${years.indexOf(year)}`;
  const within = (column: 'contacted' | 'good_news') =>
    [...p.periodMasks].map(
      ([year, mask]) => `(coalesce(${yearOf(year)}.${column}, 0) & ${mask}) <> 0`,
    );
  const end = yearOf(p.endYear);
  const ranges = rangesSql(p.ranges);
  const raw = ranges
    ? `LEFT JOIN (SELECT household_id, max(occurred_at >= @from) AS contacted,
         max(tone = 'good_news' AND occurred_at >= @from) AS good,
         max(tone = 'good_news' AND occurred_at >= @partialEndFrom) AS good_to_end
       FROM contacts WHERE school_id = @school AND household_id IS NOT NULL AND (${ranges})
       GROUP BY household_id) e ON e.household_id = p.household_id`
    : '';
  const fromRaw = (column: string) => (ranges ? [`coalesce(e.${column}, 0)`] : []);
  const any = (terms: string[]) => (terms.length > 0 ? `(${terms.join(' OR ')})` : '0');
  // The latest contact before the end: this school year's, else the family's latest of all,
  // else (the period ended before it) the contacts' own.
  const last = withDays
    ? `CASE WHEN ${end}.last_at < @end THEN ${end}.last_at
         ELSE (SELECT CASE WHEN f.last_contact_at IS NULL OR f.last_contact_at < @end
                 THEN f.last_contact_at
                 ELSE (SELECT max(c.occurred_at) FROM contacts c
                       WHERE c.household_id = p.household_id AND c.occurred_at < @end) END
               FROM household_facts f WHERE f.household_id = p.household_id) END`
    : 'NULL';
  const rows = countIntegers(
    store,
    `SELECT facts + CASE WHEN last IS NULL THEN 0
           ELSE ((CAST(@endMs AS INTEGER) - ${ms('last')}) / ${DAY_MS} + 1) * ${FACT_BITS} END AS value
       FROM (SELECT p.kind * ${KIND_BITS}
         + (CASE WHEN ${end}.first < @end THEN ${TONE_CODE(`substr(${end}.first, 26)`)} ELSE 0 END)
         + ${any([...within('contacted'), ...fromRaw('contacted')])} * 4
         + ${any([...within('good_news'), ...fromRaw('good')])} * 8
         + ${any([`(coalesce(${end}.good_news, 0) & ${p.toEndMask}) <> 0`, ...fromRaw('good_to_end')])} * 16
           AS facts,
         ${last} AS last
       FROM ${families}
         ${joins}
         ${raw}
       WHERE ${chosen(q)})`,
    { ...paramsOf(store, q, b), ...rangeParams(p.ranges), partialEndFrom: p.partialEndFrom },
  );
  return decodeFamilies(store, rows);
}

type Kind = Pick<FamilyRow, 'languages' | 'grades' | 'interpreter' | 'channel' | 'students'>;

/**
 * Kinds of family by id, per open database. A kind's row never changes once written (a
 * family whose kind changes points at another row), so each is read and parsed once.
 */
const KINDS = new WeakMap<Store, { byId: Map<number, Kind>; known: number }>();

function kindsOf(store: Store): Map<number, Kind> {
  const kinds = KINDS.get(store) ?? { byId: new Map<number, Kind>(), known: 0 };
  KINDS.set(store, kinds);
  const rows = store
    .sql('SELECT id, value FROM household_kinds WHERE id > ?')
    .raw()
    .all(kinds.known);
  for (const [id, value] of rows as [number, string][]) {
    const [languages, grades, interpreter, channel, students] = JSON.parse(value) as [
      string[],
      string[],
      number,
      Channel | null,
      number,
    ];
    kinds.byId.set(id, { languages, grades, interpreter: interpreter === 1, channel, students });
    kinds.known = Math.max(kinds.known, id);
  }
  return kinds.byId;
}

function kindOf(kinds: Map<number, Kind>, id: number): Kind {
  const kind = kinds.get(id);
  if (!kind) throw new Error(`No household kind ${id}.`);
  return kind;
}

/**
 * FamilyRows from familyRows' integers, one for each distinct integer with how many families
 * it stands for: a school's families come in far fewer distinct rows than families (half, at
 * fifty thousand), and the measures then go through each once.
 */
function decodeFamilies(store: Store, rows: ReadonlyMap<number, number>): FamilyRow[] {
  const kinds = kindsOf(store);
  return [...rows].map(([value, n]): FamilyRow => {
    const facts = value % KIND_BITS;
    const tone = facts & 3;
    const days = Math.floor(facts / FACT_BITS) - 1;
    const kind = kindOf(kinds, Math.floor(value / KIND_BITS));
    return {
      languages: kind.languages,
      grades: kind.grades,
      interpreter: kind.interpreter,
      channel: kind.channel,
      students: kind.students,
      firstToneThisYear: tone === 0 ? null : (CONTACT_TONES[tone - 1] ?? null),
      contactedInPeriod: (facts & 4) !== 0,
      goodNewsInPeriod: (facts & 8) !== 0,
      goodNewsThisYear: (facts & 16) !== 0,
      daysSinceLastContact: days < 0 ? null : days,
      n,
    };
  });
}

/**
 * What the two contact counts below share: whole months from the tallies (their rows for the
 * grade and language asked for, '*' for all), the rest contact by contact.
 */
function contactReads(store: Store, q: InsightsQuery, b: PeriodBounds, p: Plan) {
  return {
    params: {
      ...paramsOf(store, q, b),
      ...rangeParams(p.ranges),
      months: JSON.stringify(p.wholeMonths),
    },
    // With no days to read contact by contact, the second half is left out, not made false:
    // SQLite still walks a narrowed screen's families through a half whose WHERE holds `0`.
    raw: (sql: string) =>
      p.ranges.length > 0
        ? `UNION ALL ${sql.replace('@ranges', `(${rangesSql(p.ranges, 'c.occurred_at')})`)}`
        : '',
    facet: (t: string) => `${t}.school_id = @school AND ${t}.grade = coalesce(@grade, '*')
    AND ${t}.language = coalesce(@language, '*') AND ${t}.month IN (SELECT value FROM json_each(@months))`,
  };
}

/** Contacts in the period by month, direction and staff member. */
function contactsByMonth(store: Store, q: InsightsQuery, b: PeriodBounds, p: Plan) {
  const { params, raw, facet } = contactReads(store, q, b, p);
  return store
    .sql(
      `SELECT t.month, t.direction, t.staff_id AS staffId, st.role, t.contacts
       FROM contact_month_tallies t JOIN staff st ON st.id = t.staff_id
       WHERE ${facet('t')} AND t.contacts <> 0
       ${raw(`SELECT m.month, c.direction, c.staff_id, st.role, count(*)
       FROM contacts c JOIN school_months m ON ${MONTH_OF} JOIN staff st ON st.id = c.staff_id
       WHERE c.school_id = @school AND c.occurred_at >= @from AND @ranges
         ${ofChosen(q, 'c.household_id')}
       GROUP BY 1, 2, 3`)}`,
    )
    .all(params) as {
    month: string;
    direction: ContactDirection;
    staffId: string;
    role: StaffRole;
    contacts: number;
  }[];
}

/** Contacts in the period with families, by the family's interpreter need and language. */
function contactsByLanguage(store: Store, q: InsightsQuery, b: PeriodBounds, p: Plan) {
  const { params, raw, facet } = contactReads(store, q, b, p);
  const rows = store
    .sql(
      `SELECT family_interpreter AS familyInterpreter, interpreter_used AS used,
         held_in AS heldIn, sum(contacts) AS n
       FROM contact_language_tallies t WHERE ${facet('t')}
       GROUP BY 1, 2, 3
       ${raw(`SELECT p.interpreter, c.interpreter_used, ${HELD_IN}, count(*)
       FROM contacts c JOIN household_profile p ON p.household_id = c.household_id
       WHERE c.school_id = @school AND c.occurred_at >= @from AND @ranges
         ${ofChosen(q, 'c.household_id')}
       GROUP BY 1, 2, 3`)}`,
    )
    .all(params) as { familyInterpreter: number; used: number; heldIn: HeldIn; n: number }[];
  return rows.map((r) => ({
    familyInterpreter: r.familyInterpreter === 1,
    used: r.used === 1,
    heldIn: r.heldIn,
    n: r.n,
  }));
}

/**
 * Voice items of the chosen families raised in the period, each as one integer: its whole days
 * (to told, or open to the period's end) times 8, plus 4 when told, 2 when acted on, 1 when
 * heard; counted alike in JavaScript.
 */
function voiceRows(store: Store, q: InsightsQuery, b: PeriodBounds): VoiceRow[] {
  const codes = countIntegers(
    store,
    `SELECT (CASE WHEN v.told_at IS NOT NULL
         THEN (${ms('v.told_at')} - ${ms('v.raised_at')}) / ${DAY_MS} * 8 + 4
         ELSE (CAST(@endMs AS INTEGER) - ${ms('v.raised_at')}) / ${DAY_MS} * 8 END)
       + (v.acted_at IS NOT NULL) * 2 + (v.heard_at IS NOT NULL) AS value
     FROM ${narrowed(q) ? byChosenFamily('voice_items', 'v', 'voice_items_by_family_for_insights') : 'voice_items v'}
     WHERE v.school_id = @school AND v.raised_at >= @from AND v.raised_at < @end
       ${narrowed(q) ? `AND ${chosen(q)}` : ''}`,
    paramsOf(store, q, b),
  );
  return [...codes].map(([code, n]) => {
    // A told item raised after it was told (clocks disagree) has negative days.
    const flags = ((code % 8) + 8) % 8;
    const days = (code - flags) / 8;
    const told = (flags & 4) !== 0;
    return {
      heard: (flags & 1) !== 0,
      acted: (flags & 2) !== 0,
      daysToTold: told ? days : null,
      daysOpen: told ? null : days,
      n,
    };
  });
}

/** Home visits to the chosen families scheduled in the period, each as its family's kind and status. */
function homeVisitRows(store: Store, q: InsightsQuery, b: PeriodBounds): HomeVisitRow[] {
  const statuses = HOME_VISIT_STATUSES.length;
  const codes = countIntegers(
    store,
    `SELECT p.kind * ${statuses} + CASE v.status
         ${HOME_VISIT_STATUSES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} END AS value
     FROM ${
       narrowed(q)
         ? byChosenFamily('home_visits', 'v', 'home_visits_by_family_for_insights')
         : 'home_visits v JOIN household_profile p ON p.household_id = v.household_id'
     }
     WHERE v.school_id = @school AND v.scheduled_at >= @from AND v.scheduled_at < @end
       AND ${chosen(q)}`,
    paramsOf(store, q, b),
  );
  const kinds = kindsOf(store);
  return [...codes].map(([code, n]) => ({
    status: HOME_VISIT_STATUSES[code % statuses] as HomeVisitStatus,
    grades: kindOf(kinds, Math.floor(code / statuses)).grades,
    n,
  }));
}

/** Strengths of the chosen families shared with staff: by category, and families with one. */
function strengthRows(store: Store, q: InsightsQuery, b: PeriodBounds) {
  const within = (column: string) => `s.${column} >= @from AND s.${column} < @end`;
  const counts = `count(*) AS strengths,
    count(CASE WHEN ${within('invited_at')} THEN 1 END) AS invited,
    count(CASE WHEN ${within('contributed_at')} THEN 1 END) AS contributed`;
  const params = paramsOf(store, q, b);
  if (narrowed(q)) {
    // The chosen families' strengths (byChosenFamily), kept once for both counts.
    const rows = store
      .sql(
        `WITH chosen AS MATERIALIZED (
           SELECT s.household_id, s.category, s.invited_at, s.contributed_at
           FROM ${byChosenFamily('strengths', 's', 'strengths_by_family_for_insights')}
           WHERE ${chosen(q)} AND s.consent = 'staff' AND s.recorded_at < @end)
         SELECT s.category, ${counts} FROM chosen s GROUP BY s.category
         UNION ALL SELECT NULL, count(DISTINCT household_id), 0, 0 FROM chosen`,
      )
      .all(params) as (Omit<StrengthRow, 'category'> & {
      category: StrengthRow['category'] | null;
    })[];
    return {
      families: rows.find((r) => r.category === null)?.strengths ?? 0,
      rows: rows.filter((r): r is StrengthRow => r.category !== null),
    };
  }
  // The whole school's are read in each index's order, so neither query sorts.
  const counted = (index: string) => `FROM strengths s INDEXED BY ${index}
    WHERE s.school_id = @school AND s.consent = 'staff' AND s.recorded_at < @end`;
  const rows = store
    .sql(
      `SELECT s.category, ${counts} ${counted('strengths_by_kind_for_insights')} GROUP BY s.category`,
    )
    .all(params) as StrengthRow[];
  const families = store
    .sql(
      `SELECT count(*) FROM (SELECT DISTINCT s.household_id ${counted('strengths_by_family_for_insights')})`,
    )
    .pluck()
    .get(params) as number;
  return { families, rows };
}

/**
 * The same days a year before, where the school has contacts then; null where it has none.
 * `familyCount`: the chosen families, as the screen counted them.
 */
function lastYear(store: Store, q: InsightsQuery, familyCount: number): Insights['lastYear'] {
  const b = periodBounds(yearBefore(q.period), q.timeZone);
  const any = store
    .sql(
      'SELECT 1 FROM contacts WHERE school_id = ? AND occurred_at >= ? AND occurred_at < ? LIMIT 1',
    )
    .get(q.schoolId, b.from, b.end);
  if (!any) return null;
  const p = plan(store, q.schoolId, b);
  return lastYearFigures(
    {
      families: familyRows(store, q, b, p, 'last year'),
      contacts: contactsByMonth(store, q, b, p),
    },
    familyCount,
  );
}

export function gatherInsights(store: Store, q: InsightsQuery, months: string[]): Insights {
  refreshProfiles(store);
  const b = periodBounds(q.period, q.timeZone);
  const p = plan(store, q.schoolId, b);
  const families = familyRows(store, q, b, p, 'screen');
  return computeInsights(
    q.period,
    months,
    {
      families,
      contacts: contactsByMonth(store, q, b, p),
      languages: contactsByLanguage(store, q, b, p),
      voice: voiceRows(store, q, b),
      homeVisits: homeVisitRows(store, q, b),
      strengths: strengthRows(store, q, b),
    },
    lastYear(store, q, familyCount(families)),
  );
}
