import {
  toCsv,
  type FamilyListCursor,
  type FamilyListPage,
  type FamilyListRow,
  type ParsedInput,
  type Person,
  type StudentSummary,
} from '../../contract';
import { fromRow } from '../columns';
import { requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { auditListExport } from '../privacy/audit';
import { findMatches } from '../search';
import { dayStart } from '../../contract';
import { schoolYearStart } from './families';
import { personName, studentName, studentSummary } from './summaries';

const DAY_MS = 86_400_000;
/** The most families a search's words may pick out; more means the words are too short. */
const SEARCH_CAP = 500;

type Row = Record<string, unknown>;

const MEMBER = `SELECT 1 FROM people p WHERE p.household_id = h.id AND p.merged_into_id IS NULL`;

/** No contact of the family (`which`: of a kind) in the gap bound as @<gap>From, @<gap>End. */
const noContactIn = (gap: string, which = '') =>
  `(@${gap}End IS NULL OR NOT EXISTS (SELECT 1 FROM contacts c
    WHERE c.household_id = h.id ${which} AND c.occurred_at >= @${gap}From
      AND c.occurred_at < @${gap}End))`;

/**
 * Every filter of the list, each switched off by a null or 0 binding, so one statement (and
 * one cached plan per sort) serves every combination. Each person test finds the family's
 * people by household (the unary + keeps SQLite from reading every speaker of a language
 * for every family instead). Facts about contacts and voice come
 * from `household_facts` (migration 0010), kept current by triggers; a gap in contact that
 * ended before today (`…Gap…`, from Insights' past periods) reads the family's contacts in
 * it, which the latest contact cannot answer.
 */
const FILTERS = `h.school_id = @school
  AND (@ids IS NULL OR h.id IN (SELECT value FROM json_each(@ids)))
  AND (@grade IS NULL OR EXISTS (SELECT 1 FROM people p
    JOIN student_person_links l ON l.person_id = p.id JOIN students s ON s.id = l.student_id
    WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND s.merged_into_id IS NULL
      AND s.grade = @grade))
  AND (@language IS NULL OR EXISTS (${MEMBER} AND +p.home_language = @language))
  AND (@interpreter = 0 OR EXISTS (${MEMBER} AND p.interpreter <> 'none'))
  AND (@channel IS NULL OR EXISTS (${MEMBER} AND p.channels ->> '$[0]' = @channel))
  AND (@contactBefore IS NULL OR f.last_contact_at IS NULL OR f.last_contact_at < @contactBefore)
  AND (@lastTone IS NULL OR f.last_tone = @lastTone)
  AND (@goodNewsBefore IS NULL OR f.last_good_news_at IS NULL
    OR f.last_good_news_at < @goodNewsBefore)
  AND ${noContactIn('contactGap')}
  AND ${noContactIn('goodNewsGap', "AND c.tone = 'good_news'")}
  AND (@openVoice = 0 OR f.open_voice > 0)
  AND (@pickupCaution = 0 OR EXISTS (SELECT 1 FROM people p
    JOIN student_person_links l ON l.person_id = p.id
    JOIN student_person_links c ON c.student_id = l.student_id
    WHERE p.household_id = h.id AND c.pickup <> 'allowed'))`;

const COLUMNS = `h.*, f.last_contact_at, f.last_tone, f.last_good_news_at, f.open_voice`;

/** Keyset pages: (sort key, id) strictly after the last row shown, so pages never overlap. */
const PAGE_SQL = {
  name: `SELECT ${COLUMNS}, h.name AS sort_key
    FROM households h JOIN household_facts f ON f.household_id = h.id
    WHERE ${FILTERS}
      AND (@afterId IS NULL OR h.name COLLATE NOCASE > @afterKey
        OR (h.name COLLATE NOCASE = @afterKey AND h.id > @afterId))
    ORDER BY h.name COLLATE NOCASE, h.id LIMIT @limit`,
  // Longest without a contact first (never contacted before all): a worklist's order. CROSS
  // JOIN keeps the facts table outermost, read in its index's order, so a page stops after
  // its rows instead of sorting every family of the school.
  last_contact: `SELECT ${COLUMNS}, coalesce(f.last_contact_at, '') AS sort_key
    FROM household_facts f CROSS JOIN households h ON h.id = f.household_id
    WHERE ${FILTERS}
      AND (@afterId IS NULL OR coalesce(f.last_contact_at, '') > @afterKey
        OR (coalesce(f.last_contact_at, '') = @afterKey AND f.household_id > @afterId))
    ORDER BY coalesce(f.last_contact_at, ''), f.household_id LIMIT @limit`,
} as const;

/** The households whose people or students match the words typed, and people in none. */
function searchFamilies(ctx: Ctx, text: string) {
  const people = findMatches(ctx.store, 'people', text, SEARCH_CAP);
  const students = findMatches(ctx.store, 'students', text, SEARCH_CAP);
  const matched = ctx.store
    .sql(
      `SELECT p.household_id AS household FROM people p
       WHERE p.pk IN (SELECT value FROM json_each(@people)) AND p.household_id IS NOT NULL
       UNION
       SELECT p.household_id FROM students s
       JOIN student_person_links l ON l.student_id = s.id JOIN people p ON p.id = l.person_id
       WHERE s.pk IN (SELECT value FROM json_each(@students)) AND p.household_id IS NOT NULL`,
    )
    .all({
      people: JSON.stringify(people.map((m) => m.pk)),
      students: JSON.stringify(students.map((m) => m.pk)),
    }) as { household: string }[];
  const unplaced = ctx.store
    .sql(
      `SELECT p.id, p.first_name, p.last_name, p.kind, p.phones ->> '$[0]' AS phone FROM people p
       WHERE p.pk IN (SELECT value FROM json_each(?)) AND p.household_id IS NULL
         AND p.merged_into_id IS NULL
       LIMIT 10`,
    )
    .all(JSON.stringify(people.map((m) => m.pk))) as Row[];
  return {
    ids: matched.map((m) => m.household),
    unplaced: unplaced.map((row) => ({
      id: row.id as string,
      name: personName(row as { first_name: string; last_name: string | null }),
      lastName: (row.last_name as string | null) ?? null,
      kind: row.kind as Person['kind'],
      phone: (row.phone as string | null) ?? null,
    })),
  };
}

/**
 * Families a facts filter picks out, read from its index: a tone or open voice items that
 * few families have would otherwise mean reading every family of the school to find none.
 * Combined with the search's families (both must hold); null when nothing narrows by id.
 */
/**
 * Families that are rare among the school's (not contacted since a recent day, no good news
 * since one, where nearly everyone was) are found from their facts first, so a page does not
 * walk every household to find 50. Where many families qualify, walking the list in order is
 * the cheaper plan and these conditions stay in the page's own filter.
 */
const RARE = 2_000;

function candidates(
  ctx: Ctx,
  searched: string[] | null,
  input: {
    lastTone: string | null;
    openVoice: boolean;
    contactBefore: string | null;
    goodNewsBefore: string | null;
  },
): string[] | null {
  let ids = searched;
  const narrow = (found: string[]) => {
    const before = ids && new Set(ids);
    ids = before ? found.filter((id) => before.has(id)) : found;
  };
  const all = (sql: string, ...args: unknown[]) =>
    (ctx.store.sql(sql).all(...args) as { id: string }[]).map((r) => r.id);
  const ifRare = (sql: string, bound: string) => {
    const found = all(`${sql} LIMIT ${RARE + 1}`, bound);
    if (found.length <= RARE) narrow(found);
  };
  if (input.lastTone)
    narrow(
      all('SELECT household_id AS id FROM household_facts WHERE last_tone = ?', input.lastTone),
    );
  if (input.openVoice)
    narrow(all('SELECT household_id AS id FROM household_facts WHERE open_voice > 0'));
  if (input.contactBefore)
    ifRare(
      `SELECT household_id AS id FROM household_facts WHERE coalesce(last_contact_at, '') < ?`,
      input.contactBefore,
    );
  if (input.goodNewsBefore)
    ifRare(
      `SELECT household_id AS id FROM household_facts
       WHERE last_good_news_at IS NULL OR last_good_news_at < ?`,
      input.goodNewsBefore,
    );
  return ids;
}

/** People, students and pickup cautions of a page of families, three queries for the page. */
function describe(ctx: Ctx, rows: Row[], yearStart: string): FamilyListRow[] {
  const ids = JSON.stringify(rows.map((r) => r.id));
  const people = ctx.store
    .sql(
      `SELECT household_id, first_name, last_name, kind, home_language, interpreter,
         channels ->> '$[0]' AS channel
       FROM people WHERE household_id IN (SELECT value FROM json_each(?)) AND merged_into_id IS NULL
       ORDER BY kind <> 'caregiver', created_at`,
    )
    .all(ids) as Row[];
  const students = ctx.store
    .sql(
      `SELECT DISTINCT p.household_id, s.* FROM people p
       JOIN student_person_links l ON l.person_id = p.id JOIN students s ON s.id = l.student_id
       WHERE p.household_id IN (SELECT value FROM json_each(?)) AND p.merged_into_id IS NULL
         AND s.merged_into_id IS NULL
       ORDER BY s.first_name`,
    )
    .all(ids) as Row[];
  const cautions = ctx.store
    .sql(
      `SELECT p.household_id, count(DISTINCT c.id) AS n FROM people p
       JOIN student_person_links l ON l.person_id = p.id
       JOIN student_person_links c ON c.student_id = l.student_id AND c.pickup <> 'allowed'
       WHERE p.household_id IN (SELECT value FROM json_each(?)) GROUP BY p.household_id`,
    )
    .all(ids) as { household_id: string; n: number }[];
  const cautionsOf = new Map(cautions.map((c) => [c.household_id, c.n]));
  return rows.map((row) => {
    const members = people.filter((p) => p.household_id === row.id);
    const studentsOfFamily: StudentSummary[] = students
      .filter((s) => s.household_id === row.id)
      .map(studentSummary);
    return {
      household: fromRow('households', row),
      caregivers: members.map((p) =>
        personName(p as { first_name: string; last_name: string | null }),
      ),
      students: studentsOfFamily,
      homeLanguages: [
        ...new Set(members.flatMap((p) => (p.home_language ? [p.home_language as string] : []))),
      ],
      interpreter: members.some((p) => p.interpreter !== 'none'),
      channel: (members[0]?.channel as FamilyListRow['channel'] | undefined) ?? null,
      lastContact:
        row.last_contact_at && row.last_tone
          ? {
              at: row.last_contact_at as string,
              tone: row.last_tone as NonNullable<FamilyListRow['lastContact']>['tone'],
            }
          : null,
      goodNewsThisYear:
        typeof row.last_good_news_at === 'string' && row.last_good_news_at >= yearStart,
      openVoice: row.open_voice as number,
      pickupCautions: cautionsOf.get(row.id as string) ?? 0,
    };
  });
}

const earliest = (...instants: (string | null)[]) =>
  instants.filter((t): t is string => t !== null).sort()[0] ?? null;

/**
 * What a `…Since` and a `…Through` day ask of a family's contacts. A `…Since` day alone bounds
 * the latest one (`before`, read from household_facts); with a `…Through` day they are a gap
 * with no contact in it, its instants from `since` (or the first there is, '') to the end of
 * `through`, which the latest contact cannot answer.
 */
function contactWindow(since: string | null, through: string | null, timeZone: string) {
  const from = since === null ? null : dayStart(since, timeZone);
  if (through === null) return { before: from, gap: null };
  return { before: null, gap: { from: from ?? '', end: dayStart(through, timeZone, 1) } };
}

/** One page of the list: its rows, the next page's cursor, and people in no family. */
function listPage(ctx: Ctx, input: ParsedInput<'family.list'>): FamilyListPage {
  const school = requireSchool(ctx);
  const now = ctx.now();
  const yearStart = new Date(schoolYearStart(now, school.timeZone).getTime()).toISOString();
  const search = input.text ? searchFamilies(ctx, input.text) : null;
  // Two conditions on one fact: a family must meet both, so the earlier instant is the bound.
  const contact = contactWindow(
    input.notContactedSince,
    input.notContactedThrough,
    school.timeZone,
  );
  const goodNews = contactWindow(input.noGoodNewsSince, input.noGoodNewsThrough, school.timeZone);
  const contactBefore = earliest(
    input.notContactedDays === null
      ? null
      : new Date(now.getTime() - input.notContactedDays * DAY_MS).toISOString(),
    contact.before,
  );
  const goodNewsBefore = earliest(input.noGoodNews ? yearStart : null, goodNews.before);
  const ids = candidates(ctx, search?.ids ?? null, { ...input, contactBefore, goodNewsBefore });
  if (ids?.length === 0)
    return { rows: [], next: null, unplaced: search && !input.after ? search.unplaced : [] };
  const rows = ctx.store.sql(PAGE_SQL[input.sort]).all({
    school: school.id,
    ids: ids && JSON.stringify(ids),
    grade: input.grade,
    language: input.language,
    interpreter: input.interpreter ? 1 : 0,
    channel: input.channel,
    contactBefore,
    lastTone: input.lastTone,
    goodNewsBefore,
    contactGapFrom: contact.gap?.from ?? null,
    contactGapEnd: contact.gap?.end ?? null,
    goodNewsGapFrom: goodNews.gap?.from ?? null,
    goodNewsGapEnd: goodNews.gap?.end ?? null,
    openVoice: input.openVoice ? 1 : 0,
    pickupCaution: input.pickupCaution ? 1 : 0,
    afterKey: input.after?.key ?? null,
    afterId: input.after?.id ?? null,
    limit: input.limit + 1,
  }) as Row[];
  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  const next: FamilyListCursor | null =
    rows.length > input.limit && last
      ? { key: last.sort_key as string, id: last.id as string }
      : null;
  return {
    rows: describe(ctx, shown, yearStart),
    next,
    unplaced: search && !input.after ? search.unplaced : [],
  };
}

const CSV_HEADER = [
  'Family',
  'Address',
  'Caregivers',
  'Students',
  'Home languages',
  'Interpreter needed',
  'Preferred channel',
  'Last contact',
  'Last contact tone',
  'Good news this school year',
  'Family voice still open',
  'Pickup cautions',
];

function csvRow(row: FamilyListRow): string[] {
  return [
    row.household.name,
    row.household.address ?? '',
    row.caregivers.join('; '),
    row.students
      .map(
        (s) =>
          `${studentName({ first_name: s.firstName, last_name: s.lastName, preferred_name: s.preferredName })} (${s.grade})`,
      )
      .join('; '),
    row.homeLanguages.join('; '),
    row.interpreter ? 'yes' : 'no',
    row.channel ?? '',
    row.lastContact?.at.slice(0, 10) ?? '',
    row.lastContact?.tone ?? '',
    row.goodNewsThisYear ? 'yes' : 'no',
    String(row.openVoice),
    String(row.pickupCautions),
  ];
}

export const familyListHandlers = {
  'family.list': (ctx, input) => listPage(ctx, input),

  /** The whole list as CSV, every page of it; the export is audited with the households it holds. */
  'family.exportList': (ctx, filter) => {
    const staff = requireStaff(ctx);
    const rows: FamilyListRow[] = [];
    let after: FamilyListCursor | null = null;
    do {
      const page = listPage(ctx, { ...filter, after, limit: 200 });
      rows.push(...page.rows);
      after = page.next;
    } while (after);
    auditListExport(
      ctx,
      staff.id,
      'family_list',
      rows.map((r) => r.household.id),
    );
    return { count: rows.length, csv: toCsv([CSV_HEADER, ...rows.map(csvRow)]) };
  },
} satisfies Partial<Handlers>;
