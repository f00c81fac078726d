import type {
  FamilyRef,
  LinkedPerson,
  LinkedStudent,
  PersonSummary,
  StudentSummary,
} from '../../contract';
import type { Ctx } from '../context';

/** Joined read models shared by search, profiles and visits. Each runs one query for many ids. */

type Row = Record<string, unknown>;

const STUDENT_COLUMNS = 's.id, s.first_name, s.last_name, s.preferred_name, s.grade, s.homeroom';
const PERSON_COLUMNS =
  'p.id, p.first_name, p.last_name, p.kind, p.phones, p.home_language, p.interpreter, p.channels, p.household_id';
const LINK_COLUMNS =
  'l.relationship, l.legal_guardian, l.lives_with, l.emergency_contact, l.pickup, l.office_note';

export function studentSummary(row: Row): StudentSummary {
  return {
    id: row.id as string,
    firstName: row.first_name as string,
    lastName: row.last_name as string,
    preferredName: (row.preferred_name as string | null) ?? null,
    grade: row.grade as string,
    homeroom: (row.homeroom as string | null) ?? null,
  };
}

/** How a student is named on screen: the name they go by, then their last name. */
export function studentName(row: {
  first_name: string;
  last_name: string;
  preferred_name: string | null;
}): string {
  return `${row.preferred_name ?? row.first_name} ${row.last_name}`;
}

export function personSummary(row: Row): PersonSummary {
  return {
    id: row.id as string,
    firstName: row.first_name as string,
    lastName: (row.last_name as string | null) ?? null,
    kind: row.kind as PersonSummary['kind'],
    phones: JSON.parse(row.phones as string) as string[],
    homeLanguage: (row.home_language as string | null) ?? null,
    interpreter: row.interpreter as PersonSummary['interpreter'],
    channels: JSON.parse(row.channels as string) as PersonSummary['channels'],
    householdId: (row.household_id as string | null) ?? null,
  };
}

function linkFacts(row: Row) {
  return {
    relationship: row.relationship as string,
    legalGuardian: row.legal_guardian === 1,
    livesWith: row.lives_with === 1,
    emergencyContact: row.emergency_contact === 1,
    pickup: row.pickup as LinkedStudent['pickup'],
    officeNote: (row.office_note as string | null) ?? null,
  };
}

function groupBy<T>(rows: Row[], key: string, map: (row: Row) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = row[key] as string;
    const list = groups.get(k);
    if (list) list.push(map(row));
    else groups.set(k, [map(row)]);
  }
  return groups;
}

export function studentsOfPeople(
  ctx: Ctx,
  personIds: readonly string[],
): Map<string, LinkedStudent[]> {
  if (personIds.length === 0) return new Map();
  const rows = ctx.store
    .sql(
      `SELECT l.person_id AS owner, ${LINK_COLUMNS}, ${STUDENT_COLUMNS}
       FROM student_person_links l JOIN students s ON s.id = l.student_id
       WHERE l.person_id IN (SELECT value FROM json_each(?)) AND s.merged_into_id IS NULL
       ORDER BY s.last_name, s.first_name`,
    )
    .all(JSON.stringify(personIds)) as Row[];
  return groupBy(rows, 'owner', (row) => ({ student: studentSummary(row), ...linkFacts(row) }));
}

export function caregiversOfStudents(
  ctx: Ctx,
  studentIds: readonly string[],
): Map<string, LinkedPerson[]> {
  if (studentIds.length === 0) return new Map();
  const rows = ctx.store
    .sql(
      `SELECT l.student_id AS owner, ${LINK_COLUMNS}, ${PERSON_COLUMNS}
       FROM student_person_links l JOIN people p ON p.id = l.person_id
       WHERE l.student_id IN (SELECT value FROM json_each(?)) AND p.merged_into_id IS NULL
       ORDER BY l.legal_guardian DESC, p.last_name, p.first_name`,
    )
    .all(JSON.stringify(studentIds)) as Row[];
  return groupBy(rows, 'owner', (row) => ({ person: personSummary(row), ...linkFacts(row) }));
}

/** SQL for the ids of a family's students: those linked to anyone in the household `param`. */
/** A merged student keeps the links that duplicated the kept record's; they never count. */
export const familyStudentIds = (param: string) =>
  `SELECT l.student_id FROM student_person_links l JOIN people p ON p.id = l.person_id
   JOIN students s ON s.id = l.student_id
   WHERE p.household_id = ${param} AND s.merged_into_id IS NULL`;

/** The ids of a household's students (through its people's links), each once. */
export function studentIdsOfFamily(ctx: Ctx, householdId: string): string[] {
  return (
    ctx.store
      .sql(`SELECT DISTINCT student_id FROM (${familyStudentIds('?')})`)
      .all(householdId) as { student_id: string }[]
  ).map((r) => r.student_id);
}

/** The families (households) a student belongs to through their caregivers, by name. */
export function familiesOfStudent(ctx: Ctx, studentId: string): FamilyRef[] {
  return ctx.store
    .sql(
      `SELECT h.id, h.name FROM student_person_links l
       JOIN people p ON p.id = l.person_id JOIN households h ON h.id = p.household_id
       WHERE l.student_id = ? GROUP BY h.id ORDER BY max(l.legal_guardian) DESC, h.name`,
    )
    .all(studentId) as FamilyRef[];
}

/** How a person is named on screen. */
export function personName(row: { first_name: string; last_name: string | null }): string {
  return row.last_name ? `${row.first_name} ${row.last_name}` : row.first_name;
}

/** The same, for a person joined with LEFT JOIN: null when the row names no one. */
export function optionalPersonName(row: {
  first_name: string | null;
  last_name: string | null;
}): string | null {
  return row.first_name === null
    ? null
    : personName({ first_name: row.first_name, last_name: row.last_name });
}

export function studentSummaries(ctx: Ctx, ids: readonly string[]): Map<string, StudentSummary> {
  if (ids.length === 0) return new Map();
  const rows = ctx.store
    .sql(`SELECT ${STUDENT_COLUMNS} FROM students s WHERE s.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Row[];
  return new Map(rows.map((row) => [row.id as string, studentSummary(row)]));
}

export function personSummariesByPk(ctx: Ctx, pks: readonly number[]): Map<number, PersonSummary> {
  if (pks.length === 0) return new Map();
  const rows = ctx.store
    .sql(
      `SELECT p.pk, ${PERSON_COLUMNS} FROM people p WHERE p.pk IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(pks)) as Row[];
  return new Map(rows.map((row) => [row.pk as number, personSummary(row)]));
}

export function studentSummariesByPk(
  ctx: Ctx,
  pks: readonly number[],
): Map<number, StudentSummary> {
  if (pks.length === 0) return new Map();
  const rows = ctx.store
    .sql(
      `SELECT s.pk, ${STUDENT_COLUMNS} FROM students s WHERE s.pk IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(pks)) as Row[];
  return new Map(rows.map((row) => [row.pk as number, studentSummary(row)]));
}
