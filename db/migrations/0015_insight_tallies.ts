/**
 * Insights counted ahead (db/insights/tallies.ts): at a million contacts, scanning a school
 * year's contacts took seconds; these derived tables let the screen read a few rows a month
 * and one row a family. None is synced. Invariants, each kept by the triggers below:
 *
 * - `contact_month_tallies`: contacts per school-local month, direction and staff member.
 * - `contact_language_tallies`: contacts with a family, per month, by whether the family needs
 *   an interpreter, whether one was used, and whether the contact's language was recorded and
 *   one of the family's home languages.
 * - Both count each contact once under grade and language '*' (every family), and again under
 *   each grade and each home language of its family and each pair of them, so a screen
 *   narrowed to a grade or language reads its own rows. The family's grades, languages and
 *   need are *as its `household_profile` row says* (a missing row: none), and a profile change
 *   counts the family's contacts again. Known limit: a grade named '*' would be read as all.
 * - `family_contact_years`: per family and school year, its first contact ("instant|tone"),
 *   its last, and a bit per month (0 = August) with a contact and with good news.
 *
 * Months come from `school_months` (each local month's first instant), which JavaScript fills
 * because SQLite knows no time zones; a contact of a school without months is not counted, and
 * filling a school's months recounts all of it. `household_profile` (what Insights groups
 * families by) is recomputed by JavaScript for the households marked stale here or added
 * since (insight_profile_marks): refreshing on every roster write would halve bulk-load
 * throughput, so it happens when Insights reads.
 */
const month = (x: string) => `m.school_id = ${x}.school_id AND m.starts_at = (
    SELECT starts_at FROM school_months WHERE school_id = ${x}.school_id AND starts_at <= ${x}.occurred_at
    ORDER BY starts_at DESC LIMIT 1)`;

const heldIn = (x: string, languages: string) => `CASE WHEN ${x}.language IS NULL THEN 'none'
    WHEN EXISTS (SELECT 1 FROM json_each(${languages}) WHERE value = ${x}.language) THEN 'family'
    ELSE 'other' END`;

/** Each value of a JSON array (none when null) and '*', as `alias.value`. */
const facets = (values: string, alias: string) =>
  `json_each(json_insert(coalesce(${values}, '[]'), '$[#]', '*')) ${alias}`;

/** A profile's values for a household, or none (a missing profile). */
const profileOf = (household: string, column: 'grades' | 'languages') =>
  `(SELECT ${column} FROM household_profile WHERE household_id = ${household})`;

const monthTally = (x: string, sign: string) => `
  INSERT INTO contact_month_tallies
    (school_id, grade, language, month, direction, staff_id, contacts)
  SELECT ${x}.school_id, g.value, l.value, m.month, ${x}.direction, ${x}.staff_id, ${sign}
  FROM school_months m, ${facets(profileOf(`${x}.household_id`, 'grades'), 'g')},
    ${facets(profileOf(`${x}.household_id`, 'languages'), 'l')}
  WHERE ${month(x)}
  ON CONFLICT DO UPDATE SET contacts = contacts + excluded.contacts;`;

const languageTally = (x: string, sign: string) => `
  INSERT INTO contact_language_tallies (school_id, grade, language, month,
    family_interpreter, interpreter_used, held_in, contacts)
  SELECT ${x}.school_id, g.value, l.value, m.month, coalesce(p.interpreter, 0),
    ${x}.interpreter_used, ${heldIn(x, 'p.languages')}, ${sign}
  FROM school_months m LEFT JOIN household_profile p ON p.household_id = ${x}.household_id,
    ${facets('p.grades', 'g')}, ${facets('p.languages', 'l')}
  WHERE ${x}.household_id IS NOT NULL AND ${month(x)}
  ON CONFLICT DO UPDATE SET contacts = contacts + excluded.contacts;`;

/** A family's contacts counted again under the given profile values, with the sign given. */
const recountFamily = (
  household: string,
  profile: { grades: string; languages: string; interpreter: string },
  sign: string,
) => `
  INSERT INTO contact_month_tallies
    (school_id, grade, language, month, direction, staff_id, contacts)
  SELECT c.school_id, g.value, l.value, m.month, c.direction, c.staff_id, ${sign} * count(*)
  FROM contacts c JOIN school_months m ON ${month('c')},
    ${facets(profile.grades, 'g')}, ${facets(profile.languages, 'l')}
  WHERE c.household_id = ${household}
  GROUP BY 1, 2, 3, 4, 5, 6
  ON CONFLICT DO UPDATE SET contacts = contacts + excluded.contacts;
  INSERT INTO contact_language_tallies (school_id, grade, language, month,
    family_interpreter, interpreter_used, held_in, contacts)
  SELECT c.school_id, g.value, l.value, m.month, ${profile.interpreter}, c.interpreter_used,
    ${heldIn('c', profile.languages)}, ${sign} * count(*)
  FROM contacts c JOIN school_months m ON ${month('c')},
    ${facets(profile.grades, 'g')}, ${facets(profile.languages, 'l')}
  WHERE c.household_id = ${household}
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT DO UPDATE SET contacts = contacts + excluded.contacts;`;

const NO_PROFILE = { grades: "'[]'", languages: "'[]'", interpreter: '0' };
const profileRow = (row: string) => ({
  grades: `${row}.grades`,
  languages: `${row}.languages`,
  interpreter: `${row}.interpreter`,
});

const recountYears = (household: string) => `
  DELETE FROM family_contact_years WHERE household_id = ${household};
  INSERT INTO family_contact_years
    (household_id, school_year, school_id, first, last_at, contacted, good_news)
  SELECT ${household}, m.school_year, c.school_id, min(c.occurred_at || '|' || c.tone),
    max(c.occurred_at), sum(DISTINCT m.bit),
    sum(DISTINCT CASE WHEN c.tone = 'good_news' THEN m.bit ELSE 0 END)
  FROM contacts c JOIN school_months m ON ${month('c')}
  WHERE c.household_id = ${household}
  GROUP BY m.school_year, c.school_id;`;

const stale = (household: string) =>
  `INSERT OR IGNORE INTO household_profile_stale (household_id) SELECT ${household} WHERE ${household} IS NOT NULL;`;

const lowerMark = (table: string) =>
  `UPDATE insight_profile_marks SET pk = min(pk, OLD.pk - 1) WHERE tbl = '${table}';`;

const staleOfPerson = (person: string) =>
  `INSERT OR IGNORE INTO household_profile_stale (household_id)
   SELECT household_id FROM people WHERE id = ${person} AND household_id IS NOT NULL;`;

export const sql = `
CREATE TABLE school_months (
  school_id TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  month TEXT NOT NULL,
  school_year INTEGER NOT NULL,
  bit INTEGER NOT NULL,
  PRIMARY KEY (school_id, starts_at)
) STRICT, WITHOUT ROWID;

CREATE TABLE contact_month_tallies (
  school_id TEXT NOT NULL,
  grade TEXT NOT NULL,
  language TEXT NOT NULL,
  month TEXT NOT NULL,
  direction TEXT NOT NULL,
  staff_id TEXT NOT NULL,
  contacts INTEGER NOT NULL,
  PRIMARY KEY (school_id, grade, language, month, direction, staff_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE contact_language_tallies (
  school_id TEXT NOT NULL,
  grade TEXT NOT NULL,
  language TEXT NOT NULL,
  month TEXT NOT NULL,
  family_interpreter INTEGER NOT NULL,
  interpreter_used INTEGER NOT NULL,
  held_in TEXT NOT NULL,
  contacts INTEGER NOT NULL,
  PRIMARY KEY (school_id, grade, language, month, family_interpreter, interpreter_used, held_in)
) STRICT, WITHOUT ROWID;

CREATE TABLE family_contact_years (
  household_id TEXT NOT NULL,
  school_year INTEGER NOT NULL,
  school_id TEXT NOT NULL,
  first TEXT NOT NULL,
  last_at TEXT NOT NULL,
  contacted INTEGER NOT NULL,
  good_news INTEGER NOT NULL,
  PRIMARY KEY (household_id, school_year)
) STRICT, WITHOUT ROWID;
CREATE INDEX family_contact_years_by_school ON family_contact_years (school_id, school_year);

-- A family as Insights groups it: its home languages and grades (sorted JSON arrays), its
-- interpreter need, its first caregiver's first channel and its number of students. Families
-- alike share a household_kinds row (that tuple as JSON), so a screen reads one integer a family.
CREATE TABLE household_kinds (
  id INTEGER PRIMARY KEY,
  value TEXT NOT NULL UNIQUE
) STRICT;
CREATE TABLE household_profile (
  household_id TEXT PRIMARY KEY,
  school_id TEXT NOT NULL,
  languages TEXT NOT NULL,
  grades TEXT NOT NULL,
  interpreter INTEGER NOT NULL,
  kind INTEGER NOT NULL REFERENCES household_kinds (id)
) STRICT, WITHOUT ROWID;
CREATE TABLE household_profile_stale (household_id TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
-- Households, people and links added since the last refresh are found by primary key above
-- these marks (no trigger on their inserts: one cost bulk loads two fifths of their speed).
-- A row only ever gets a key above every key in its table, unless the highest was deleted:
-- the delete triggers lower the mark below it.
CREATE TABLE insight_profile_marks (tbl TEXT PRIMARY KEY, pk INTEGER NOT NULL) STRICT;
INSERT INTO insight_profile_marks (tbl, pk)
  VALUES ('households', 0), ('people', 0), ('student_person_links', 0);

-- Each holds what Insights reads of a period's voice items, home visits and strengths.
CREATE INDEX voice_items_by_raised
  ON voice_items (school_id, raised_at, household_id, heard_at, acted_at, told_at);
CREATE INDEX home_visits_by_schedule ON home_visits (school_id, scheduled_at, household_id, status);
CREATE INDEX strengths_by_kind_for_insights ON strengths
  (school_id, consent, category, recorded_at, invited_at, contributed_at);
CREATE INDEX strengths_by_family_for_insights ON strengths
  (school_id, consent, household_id, recorded_at);

CREATE TRIGGER insight_tallies_contact_added AFTER INSERT ON contacts BEGIN
  ${monthTally('NEW', '1')}
  ${languageTally('NEW', '1')}
  INSERT INTO family_contact_years
    (household_id, school_year, school_id, first, last_at, contacted, good_news)
  SELECT NEW.household_id, m.school_year, NEW.school_id, NEW.occurred_at || '|' || NEW.tone,
    NEW.occurred_at, m.bit, CASE WHEN NEW.tone = 'good_news' THEN m.bit ELSE 0 END
  FROM school_months m WHERE NEW.household_id IS NOT NULL AND ${month('NEW')}
  ON CONFLICT DO UPDATE SET first = min(first, excluded.first),
    last_at = max(last_at, excluded.last_at), contacted = contacted | excluded.contacted,
    good_news = good_news | excluded.good_news;
END;
CREATE TRIGGER insight_tallies_contact_changed AFTER UPDATE OF
  school_id, household_id, occurred_at, tone, direction, staff_id, language, interpreter_used
ON contacts BEGIN
  ${monthTally('OLD', '-1')}
  ${monthTally('NEW', '1')}
  ${languageTally('OLD', '-1')}
  ${languageTally('NEW', '1')}
  ${recountYears('OLD.household_id')}
  ${recountYears('NEW.household_id')}
END;
CREATE TRIGGER insight_tallies_contact_removed AFTER DELETE ON contacts BEGIN
  ${monthTally('OLD', '-1')}
  ${languageTally('OLD', '-1')}
  ${recountYears('OLD.household_id')}
END;

CREATE TRIGGER insight_tallies_profile_added AFTER INSERT ON household_profile BEGIN
  ${recountFamily('NEW.household_id', NO_PROFILE, '-1')}
  ${recountFamily('NEW.household_id', profileRow('NEW'), '1')}
END;
CREATE TRIGGER insight_tallies_profile_changed AFTER UPDATE OF interpreter, languages, grades
ON household_profile WHEN OLD.interpreter IS NOT NEW.interpreter
  OR OLD.languages IS NOT NEW.languages OR OLD.grades IS NOT NEW.grades BEGIN
  ${recountFamily('OLD.household_id', profileRow('OLD'), '-1')}
  ${recountFamily('NEW.household_id', profileRow('NEW'), '1')}
END;
CREATE TRIGGER household_profile_household_removed AFTER DELETE ON households BEGIN
  DELETE FROM household_profile WHERE household_id = OLD.id;
  DELETE FROM household_profile_stale WHERE household_id = OLD.id;
  ${lowerMark('households')}
END;

CREATE TRIGGER household_profile_person_changed AFTER UPDATE OF
  household_id, home_language, interpreter, channels, kind, created_at, merged_into_id
ON people BEGIN
  ${stale('OLD.household_id')}
  ${stale('NEW.household_id')}
END;
CREATE TRIGGER household_profile_person_removed AFTER DELETE ON people BEGIN
  ${stale('OLD.household_id')}
  ${lowerMark('people')}
END;
CREATE TRIGGER household_profile_link_changed AFTER UPDATE OF person_id, student_id
ON student_person_links BEGIN
  ${staleOfPerson('OLD.person_id')}
  ${staleOfPerson('NEW.person_id')}
END;
CREATE TRIGGER household_profile_link_removed AFTER DELETE ON student_person_links BEGIN
  ${staleOfPerson('OLD.person_id')}
  ${lowerMark('student_person_links')}
END;
CREATE TRIGGER household_profile_student_changed AFTER UPDATE OF grade, merged_into_id
ON students BEGIN
  INSERT OR IGNORE INTO household_profile_stale (household_id)
  SELECT p.household_id FROM student_person_links l JOIN people p ON p.id = l.person_id
  WHERE l.student_id = NEW.id AND p.household_id IS NOT NULL;
END;
`;
