import {
  STRENGTH_CATEGORIES,
  computeInsights,
  daysBetween,
  heldIn,
  periodBounds,
  voiceRow,
  lastYearFigures,
  monthsOf,
  yearBefore,
  type Channel,
  type ContactTone,
  type FamilyRow,
  type HomeVisitStatus,
  type Insights,
  type InsightsRows,
  type Period,
  type PeriodBounds,
  type StrengthCategory,
} from '../../contract';
import type { Sql } from '../db';

/**
 * A school's Insights counted by the district from the records its computers sync, the same
 * rows gathered from PostgreSQL that a computer gathers from SQLite (db/insights/gather.ts),
 * handed to the same computation. Only school-wide records are read (audience 'school'):
 * never a restricted note or follow-up, nor a strength a family shared with one person.
 */

/** The school's records of one table, as `r`. */
const OF = (table: string) =>
  `FROM records r WHERE r.tbl = '${table}' AND r.school_id = $1 AND r.audience = 'school'`;

/** The school's families by household id. */
async function familyRows(
  tx: Sql,
  schoolId: string,
  b: PeriodBounds,
): Promise<Map<string, FamilyRow>> {
  const households = await tx.query<{ id: string }>(`SELECT r.id::text AS id ${OF('households')}`, [
    schoolId,
  ]);
  const people = await tx.query<{
    id: string;
    household: string;
    language: string | null;
    interpreter: string;
    kind: string;
    channel: Channel | null;
    created: string;
  }>(
    `SELECT r.id::text AS id, r.data->>'householdId' AS household,
       r.data->>'homeLanguage' AS language, r.data->>'interpreter' AS interpreter,
       r.data->>'kind' AS kind, r.data->'channels'->>0 AS channel, r.data->>'createdAt' AS created
     ${OF('people')} AND r.data->>'mergedIntoId' IS NULL AND r.data->>'householdId' IS NOT NULL`,
    [schoolId],
  );
  const links = await tx.query<{ person: string; student: string; grade: string }>(
    `SELECT r.data->>'personId' AS person, s.id::text AS student, s.data->>'grade' AS grade
     FROM records r JOIN records s ON s.tbl = 'students' AND s.id = (r.data->>'studentId')::uuid
     WHERE r.tbl = 'student_person_links' AND r.school_id = $1 AND r.audience = 'school'
       AND s.audience = 'school' AND s.data->>'mergedIntoId' IS NULL`,
    [schoolId],
  );
  const contacts = await tx.query<{
    id: string;
    first: string | null;
    in_period: number;
    good_in_period: boolean;
    good_this_year: boolean;
    last_at: string;
  }>(
    `SELECT r.data->>'householdId' AS id,
       min(CASE WHEN r.data->>'occurredAt' >= $2 THEN (r.data->>'occurredAt') || '|' || (r.data->>'tone') END) AS first,
       count(*) FILTER (WHERE r.data->>'occurredAt' >= $3)::int AS in_period,
       coalesce(bool_or(r.data->>'tone' = 'good_news' AND r.data->>'occurredAt' >= $3), false) AS good_in_period,
       coalesce(bool_or(r.data->>'tone' = 'good_news' AND r.data->>'occurredAt' >= $2), false) AS good_this_year,
       max(r.data->>'occurredAt') AS last_at
     ${OF('contacts')} AND r.data->>'householdId' IS NOT NULL
       AND r.data->>'occurredAt' >= $4 AND r.data->>'occurredAt' < $5
     GROUP BY 1`,
    [schoolId, b.yearStart, b.from, b.scanFrom, b.end],
  );
  const before = await tx.query<{ id: string; last_at: string }>(
    `SELECT r.data->>'householdId' AS id, max(r.data->>'occurredAt') AS last_at
     ${OF('contacts')} AND r.data->>'householdId' IS NOT NULL AND r.data->>'occurredAt' < $2
     GROUP BY 1`,
    [schoolId, b.scanFrom],
  );

  const byHousehold = new Map<string, typeof people>();
  for (const p of people) {
    const members = byHousehold.get(p.household);
    if (members) members.push(p);
    else byHousehold.set(p.household, [p]);
  }
  const householdOf = new Map(people.map((p) => [p.id, p.household]));
  const studentsOf = new Map<string, Map<string, string>>();
  for (const l of links) {
    const household = householdOf.get(l.person);
    if (!household) continue;
    const students = studentsOf.get(household) ?? new Map<string, string>();
    students.set(l.student, l.grade);
    studentsOf.set(household, students);
  }
  const contactsOf = new Map(contacts.map((c) => [c.id, c]));
  const daysSince = (at: string | null) => (at === null ? null : daysBetween(at, b.end));
  const lastBefore = new Map(before.map((c) => [c.id, c.last_at]));
  const families = households.map(({ id }): [string, FamilyRow] => {
    const members = byHousehold.get(id) ?? [];
    const first = [...members]
      .filter((m) => m.kind === 'caregiver')
      .sort((a, b) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id))[0];
    const students = studentsOf.get(id) ?? new Map<string, string>();
    const c = contactsOf.get(id);
    const family: FamilyRow = {
      languages: [...new Set(members.map((m) => m.language ?? ''))].sort(),
      interpreter: members.some((m) => m.interpreter !== 'none'),
      channel: first?.channel ?? null,
      grades: [...new Set(students.values())].sort(),
      students: students.size,
      firstToneThisYear: c?.first ? (c.first.split('|')[1] as ContactTone) : null,
      contactedInPeriod: (c?.in_period ?? 0) > 0,
      goodNewsInPeriod: c?.good_in_period ?? false,
      goodNewsThisYear: c?.good_this_year ?? false,
      daysSinceLastContact: daysSince(c?.last_at ?? lastBefore.get(id) ?? null),
      n: 1,
    };
    return [id, family];
  });
  return new Map(families);
}

async function contactMonths(
  tx: Sql,
  schoolId: string,
  timeZone: string,
  b: PeriodBounds,
): Promise<InsightsRows['contacts']> {
  return tx.query<InsightsRows['contacts'][number]>(
    `SELECT to_char((r.data->>'occurredAt')::timestamptz AT TIME ZONE $4, 'YYYY-MM') AS month,
       r.data->>'direction' AS direction, st.id::text AS "staffId", st.role,
       count(*)::int AS contacts
     FROM records r JOIN staff_accounts st ON st.id = (r.data->>'staffId')::uuid
     WHERE r.tbl = 'contacts' AND r.school_id = $1 AND r.audience = 'school'
       AND r.data->>'occurredAt' >= $2 AND r.data->>'occurredAt' < $3
     GROUP BY 1, 2, 3, 4`,
    [schoolId, b.from, b.end, timeZone],
  );
}

async function otherRows(
  tx: Sql,
  schoolId: string,
  b: PeriodBounds,
  familyOf: ReadonlyMap<string, FamilyRow>,
): Promise<Omit<InsightsRows, 'families' | 'contacts'>> {
  const languages = await tx.query<{
    householdId: string;
    language: string | null;
    used: boolean;
    n: number;
  }>(
    `SELECT r.data->>'householdId' AS "householdId", r.data->>'language' AS language,
       (r.data->>'interpreterUsed')::boolean AS used, count(*)::int AS n
     ${OF('contacts')} AND r.data->>'householdId' IS NOT NULL
       AND r.data->>'occurredAt' >= $2 AND r.data->>'occurredAt' < $3
     GROUP BY 1, 2, 3`,
    [schoolId, b.from, b.end],
  );
  const voice = await tx.query<{
    raisedAt: string;
    heardAt: string | null;
    actedAt: string | null;
    toldAt: string | null;
  }>(
    `SELECT r.data->>'raisedAt' AS "raisedAt",
       r.data->>'heardAt' AS "heardAt", r.data->>'actedAt' AS "actedAt", r.data->>'toldAt' AS "toldAt"
     ${OF('voice_items')} AND r.data->>'raisedAt' >= $2 AND r.data->>'raisedAt' < $3`,
    [schoolId, b.from, b.end],
  );
  const strengths = await tx.query<{
    householdId: string;
    category: StrengthCategory;
    invitedAt: string | null;
    contributedAt: string | null;
  }>(
    `SELECT r.data->>'householdId' AS "householdId", r.data->>'category' AS category,
       r.data->>'invitedAt' AS "invitedAt", r.data->>'contributedAt' AS "contributedAt"
     ${OF('strengths')} AND r.data->>'consent' = 'staff' AND r.data->>'recordedAt' < $2`,
    [schoolId, b.end],
  );

  const homeVisits = await tx.query<{ householdId: string; status: HomeVisitStatus }>(
    `SELECT r.data->>'householdId' AS "householdId", r.data->>'status' AS status
     ${OF('home_visits')} AND r.data->>'scheduledAt' >= $2 AND r.data->>'scheduledAt' < $3`,
    [schoolId, b.from, b.end],
  );
  return {
    languages: languages.flatMap(({ householdId, language, used, n }) => {
      const family = familyOf.get(householdId);
      return family
        ? [
            {
              familyInterpreter: family.interpreter,
              used,
              heldIn: heldIn(language, family.languages),
              n,
            },
          ]
        : [];
    }),
    voice: voice.map((item) => voiceRow(item, b.end)),
    strengths: {
      families: new Set(strengths.map((s) => s.householdId)).size,
      rows: STRENGTH_CATEGORIES.flatMap((category) => {
        const within = (at: string | null) => at !== null && at >= b.from && at < b.end;
        const kind = strengths.filter((s) => s.category === category);
        return kind.length === 0
          ? []
          : [
              {
                category,
                strengths: kind.length,
                invited: kind.filter((s) => within(s.invitedAt)).length,
                contributed: kind.filter((s) => within(s.contributedAt)).length,
              },
            ];
      }),
    },
    homeVisits: homeVisits.map(({ householdId, status }) => ({
      status,
      grades: familyOf.get(householdId)?.grades ?? [],
      n: 1,
    })),
  };
}

export async function gatherSchoolInsights(
  tx: Sql,
  school: { id: string; timeZone: string },
  period: Period,
): Promise<Insights> {
  const b = periodBounds(period, school.timeZone);
  const families = await familyRows(tx, school.id, b);
  const contacts = await contactMonths(tx, school.id, school.timeZone, b);
  const rest = await otherRows(tx, school.id, b, families);
  const earlier = yearBefore(period);
  const eb = periodBounds(earlier, school.timeZone);
  const [any] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n ${OF('contacts')} AND r.data->>'occurredAt' >= $2 AND r.data->>'occurredAt' < $3`,
    [school.id, eb.from, eb.end],
  );
  const lastYear =
    (any?.n ?? 0) > 0
      ? lastYearFigures({
          families: [...(await familyRows(tx, school.id, eb)).values()],
          contacts: await contactMonths(tx, school.id, school.timeZone, eb),
        })
      : null;
  return computeInsights(
    period,
    monthsOf(period),
    { families: [...families.values()], contacts, ...rest },
    lastYear,
  );
}
