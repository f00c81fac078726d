import { dayStart } from '../../contract';
import { getMeta, setMeta, type Store } from '../store';
import type { AfterWrite } from '../write';

/**
 * The JavaScript half of Insights' counted-ahead tables (migration 0015 says what each holds
 * and the triggers that keep them): a school's month boundaries in its time zone, a full
 * recount when they change, and the family profiles refreshed for the households marked stale.
 */

/**
 * Months are listed for these years; a contact outside them is not counted (contract periods
 * stay within them, periodSchema).
 */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
const monthsKey = (schoolId: string) => `insight_months:${schoolId}`;

/** Joins a contact `c` to its school-local month `m` (shared with gather.ts). */
export const MONTH_OF = `m.school_id = c.school_id AND m.starts_at = (
  SELECT starts_at FROM school_months WHERE school_id = c.school_id AND starts_at <= c.occurred_at
  ORDER BY starts_at DESC LIMIT 1)`;

/** Where a contact `c`'s language stands against its family profile `p`'s (contract heldIn). */
export const HELD_IN = `CASE WHEN c.language IS NULL THEN 'none'
  WHEN EXISTS (SELECT 1 FROM json_each(p.languages) WHERE value = c.language) THEN 'family'
  ELSE 'other' END`;

/** Each grade and language of a family's profile `p`, and '*' for all (migration 0015). */
const FACETS = `json_each(json_insert(coalesce(p.grades, '[]'), '$[#]', '*')) g,
  json_each(json_insert(coalesce(p.languages, '[]'), '$[#]', '*')) l`;

/** Every tally of one school counted again from its contacts. */
function recountSchool(store: Store, schoolId: string): void {
  store.sql('DELETE FROM contact_month_tallies WHERE school_id = ?').run(schoolId);
  store
    .sql(
      `INSERT INTO contact_month_tallies
         (school_id, grade, language, month, direction, staff_id, contacts)
       SELECT c.school_id, g.value, l.value, m.month, c.direction, c.staff_id, count(*)
       FROM contacts c JOIN school_months m ON ${MONTH_OF}
         LEFT JOIN household_profile p ON p.household_id = c.household_id, ${FACETS}
       WHERE c.school_id = ? GROUP BY 1, 2, 3, 4, 5, 6`,
    )
    .run(schoolId);
  store.sql('DELETE FROM contact_language_tallies WHERE school_id = ?').run(schoolId);
  store
    .sql(
      `INSERT INTO contact_language_tallies (school_id, grade, language, month,
         family_interpreter, interpreter_used, held_in, contacts)
       SELECT c.school_id, g.value, l.value, m.month, coalesce(p.interpreter, 0),
         c.interpreter_used,
         ${HELD_IN},
         count(*)
       FROM contacts c JOIN school_months m ON ${MONTH_OF}
         LEFT JOIN household_profile p ON p.household_id = c.household_id, ${FACETS}
       WHERE c.school_id = ? AND c.household_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    )
    .run(schoolId);
  store.sql('DELETE FROM family_contact_years WHERE school_id = ?').run(schoolId);
  store
    .sql(
      `INSERT INTO family_contact_years
         (household_id, school_year, school_id, first, last_at, contacted, good_news)
       SELECT c.household_id, m.school_year, c.school_id, min(c.occurred_at || '|' || c.tone),
         max(c.occurred_at), sum(DISTINCT m.bit),
         sum(DISTINCT CASE WHEN c.tone = 'good_news' THEN m.bit ELSE 0 END)
       FROM contacts c JOIN school_months m ON ${MONTH_OF}
       WHERE c.school_id = ? AND c.household_id IS NOT NULL GROUP BY 1, 2, 3`,
    )
    .run(schoolId);
}

/**
 * List a school's months in its time zone and recount its tallies, unless they were listed
 * for this time zone already. Runs in the caller's transaction.
 */
export function ensureSchoolMonths(store: Store, schoolId: string, timeZone: string): void {
  if (getMeta(store, monthsKey(schoolId)) === timeZone) return;
  store.sql('DELETE FROM school_months WHERE school_id = ?').run(schoolId);
  // Profiles first, while the school has no months: their triggers then count nothing, and
  // the recount below counts every contact once.
  refreshProfiles(store);
  const insert = store.sql(
    'INSERT INTO school_months (school_id, starts_at, month, school_year, bit) VALUES (?, ?, ?, ?, ?)',
  );
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++)
    for (let m = 1; m <= 12; m++) {
      const month = `${year}-${String(m).padStart(2, '0')}`;
      // Bit 0 is August, the school year's first month (contract/insights/periods.ts).
      const index = (m + 4) % 12;
      insert.run(
        schoolId,
        dayStart(`${month}-01`, timeZone),
        month,
        m >= 8 ? year : year - 1,
        1 << index,
      );
    }
  recountSchool(store, schoolId);
  setMeta(store, monthsKey(schoolId), timeZone);
}

/** At open: every school's months (a database from before migration 0015, or a new zone). */
export function ensureInsightTallies(store: Store): void {
  const schools = store.sql('SELECT id, time_zone AS timeZone FROM schools').all() as {
    id: string;
    timeZone: string;
  }[];
  store.db.transaction(() => {
    for (const s of schools) ensureSchoolMonths(store, s.id, s.timeZone);
  })();
}

/** A school written (set up, or pulled from the district) gets its months in its time zone. */
export const schoolMonthsOnWrite: AfterWrite = (store, rows) => {
  for (const { record } of rows)
    ensureSchoolMonths(store, record.id as string, record.timeZone as string);
};

const PROFILE_VALUES = `
  SELECT h.id AS household_id, h.school_id,
    (SELECT json_group_array(l) FROM (SELECT DISTINCT coalesce(p.home_language, '') AS l
       FROM people p WHERE p.household_id = h.id AND p.merged_into_id IS NULL ORDER BY 1)) AS languages,
    (SELECT coalesce(max(p.interpreter <> 'none'), 0) FROM people p
       WHERE p.household_id = h.id AND p.merged_into_id IS NULL) AS interpreter,
    (SELECT p.channels ->> '$[0]' FROM people p
       WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND p.kind = 'caregiver'
       ORDER BY p.created_at, p.id LIMIT 1) AS channel,
    (SELECT json_group_array(g) FROM (SELECT DISTINCT s.grade AS g FROM people p
       JOIN student_person_links l ON l.person_id = p.id JOIN students s ON s.id = l.student_id
       WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND s.merged_into_id IS NULL
       ORDER BY 1)) AS grades,
    (SELECT count(DISTINCT s.id) FROM people p
       JOIN student_person_links l ON l.person_id = p.id JOIN students s ON s.id = l.student_id
       WHERE p.household_id = h.id AND p.merged_into_id IS NULL AND s.merged_into_id IS NULL) AS students
  FROM household_profile_stale st JOIN households h ON h.id = st.household_id`;

/** A family's kind (migration 0015): what gather.ts's decodeFamilies reads back. */
const KIND = `json_array(json(r.languages), json(r.grades), r.interpreter, r.channel, r.students)`;

type MarkedTable = 'households' | 'people' | 'student_person_links';

/** The households whose rows in a table were added after a mark (migration 0015). */
const ADDED_SINCE: Record<MarkedTable, string> = {
  households:
    'INSERT OR IGNORE INTO household_profile_stale SELECT id FROM households WHERE pk > ?',
  people: `INSERT OR IGNORE INTO household_profile_stale
    SELECT household_id FROM people WHERE pk > ? AND household_id IS NOT NULL`,
  student_person_links: `INSERT OR IGNORE INTO household_profile_stale
    SELECT p.household_id FROM student_person_links l JOIN people p ON p.id = l.person_id
    WHERE l.pk > ? AND p.household_id IS NOT NULL`,
};

/**
 * Bring the profiles of stale households, and of those added since, up to date (their
 * languages, interpreter need, channel, grades and students); a changed need, language or
 * grade recounts the family's contacts (migration 0015's triggers). Cheap when nothing
 * changed; after a roster import of thousands of families it takes a few seconds, once.
 */
export function refreshProfiles(store: Store): void {
  const marks = store
    .sql(
      `SELECT tbl, pk, (SELECT coalesce(max(pk), 0) FROM households) AS households,
         (SELECT coalesce(max(pk), 0) FROM people) AS people,
         (SELECT coalesce(max(pk), 0) FROM student_person_links) AS student_person_links
       FROM insight_profile_marks`,
    )
    .all() as ({ tbl: MarkedTable; pk: number } & Record<MarkedTable, number>)[];
  const added = marks.filter((m) => m[m.tbl] !== m.pk);
  const stale = store.sql('SELECT 1 FROM household_profile_stale LIMIT 1').get();
  if (added.length === 0 && !stale) return;
  store.db.transaction(() => {
    for (const { tbl, pk } of added) {
      store.sql(ADDED_SINCE[tbl]).run(pk);
      store
        .sql(
          `UPDATE insight_profile_marks SET pk = (SELECT coalesce(max(pk), 0) FROM ${tbl}) WHERE tbl = ?`,
        )
        .run(tbl);
    }
    store.db.exec(`CREATE TEMP TABLE IF NOT EXISTS profile_refresh (
      household_id TEXT, school_id TEXT, languages TEXT, interpreter INTEGER, channel TEXT,
      grades TEXT, students INTEGER)`);
    store.db.exec('DELETE FROM temp.profile_refresh');
    store.db.exec(`INSERT INTO temp.profile_refresh ${PROFILE_VALUES}`);
    store.db.exec(`
      INSERT OR IGNORE INTO household_kinds (value) SELECT ${KIND} FROM temp.profile_refresh r;
      INSERT INTO household_profile (household_id, school_id, languages, grades, interpreter, kind)
      SELECT r.household_id, r.school_id, r.languages, r.grades, r.interpreter, k.id
      FROM temp.profile_refresh r JOIN household_kinds k ON k.value = ${KIND}
      WHERE true
      ON CONFLICT (household_id) DO UPDATE SET school_id = excluded.school_id,
        languages = excluded.languages, grades = excluded.grades,
        interpreter = excluded.interpreter, kind = excluded.kind
      WHERE school_id IS NOT excluded.school_id OR kind IS NOT excluded.kind;
      DELETE FROM household_profile_stale;
      DELETE FROM temp.profile_refresh;`);
  })();
}
