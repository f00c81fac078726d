import { parse } from 'csv-parse/sync';
import {
  FAMILIES_CSV_CELLS,
  FAMILIES_CSV_COLUMNS,
  FAMILIES_CSV_REQUIRED,
  HearthError,
  newId,
  type FamiliesCsvColumn,
  type FamiliesImportResult,
  type FieldIssue,
  WORDS,
  say,
} from '../../contract';
import { requireSchool, type Ctx } from '../context';
import { createStudent, setLink } from '../ops/people';

/** Most problems listed at once: enough to fix a systematic mistake, not a flood. */
const MAX_ISSUES = 50;

type Row = Partial<Record<FamiliesCsvColumn, unknown>> & { line: number };

interface Caregiver {
  firstName: string;
  lastName: string | null;
  relationship: string;
  phone: string | null;
  email: string | null;
  language: string | null;
  interpreter: boolean;
}

interface Family {
  name: string;
  address: string | null;
  caregivers: Map<string, Caregiver>;
  students: { row: Row; key: string }[];
}

const folded = (s: string | null | undefined) => (s ?? '').trim().toLocaleLowerCase();
const yes = (v: unknown) => ['yes', 'y', 'true'].includes(String(v));

/**
 * Read a families file (contract/families-csv.ts) into families, or list every problem in
 * it by line and column. Nothing is written here.
 */
function readFamilies(text: string, where: (line: number, column: string) => string) {
  const issues: FieldIssue[] = [];
  const issue = (line: number, column: string, message: string) => {
    if (issues.length < MAX_ISSUES) issues.push({ path: where(line, column), message });
  };
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // csv-parse types its result as rows even with `info: true`, which wraps each one.
    records = parse(text, {
      bom: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    issue(line, '', 'cannot be read as CSV (check the quotes on this line)');
    return { families: [], issues };
  }
  const [head, ...body] = records;
  const header = (head?.record ?? []).map((h) => h.toLowerCase());
  for (const column of FAMILIES_CSV_REQUIRED)
    if (!header.includes(column)) issue(1, column, 'is missing: every file needs this column');
  header.forEach((column) => {
    if (!(FAMILIES_CSV_COLUMNS as readonly string[]).includes(column))
      issue(1, column, 'is not a column Hearth knows; see the template');
  });
  if (body.length === 0) issue(0, '', 'has no families in it');
  if (issues.length > 0) return { families: [], issues };

  const families = new Map<string, Family>();
  for (const { record, info } of body) {
    const line = info.lines;
    const row: Row = { line };
    for (const column of FAMILIES_CSV_COLUMNS) {
      const at = header.indexOf(column);
      const parsed = FAMILIES_CSV_CELLS[column].safeParse(at >= 0 ? (record[at] ?? '') : '');
      if (parsed.success) row[column] = parsed.data;
      else issue(line, column, parsed.error.issues[0]?.message ?? 'is not valid');
    }
    if (row.caregiver_2_first_name && !row.caregiver_2_relationship)
      issue(line, 'caregiver_2_relationship', 'cannot be empty when there is a second caregiver');
    if (!row.caregiver_2_first_name && (row.caregiver_2_phone || row.caregiver_2_email))
      issue(
        line,
        'caregiver_2_first_name',
        'cannot be empty when the second caregiver has a phone or email',
      );
    if (typeof row.family_name !== 'string' || typeof row.student_first_name !== 'string') continue;
    const key = `${folded(row.family_name)}|${folded(row.address as string | null)}`;
    const family = families.get(key) ?? {
      name: row.family_name,
      address: (row.address as string | null) ?? null,
      caregivers: new Map<string, Caregiver>(),
      students: [],
    };
    families.set(key, family);
    const studentKey = `${folded(row.student_first_name)}|${folded(row.student_last_name as string)}`;
    const twice = family.students.find((s) => s.key === studentKey);
    if (twice)
      issue(line, 'student_first_name', `is the same student as on line ${twice.row.line}`);
    family.students.push({ row, key: studentKey });
    for (const n of [1, 2] as const) {
      const first = row[`caregiver_${n}_first_name`];
      if (typeof first !== 'string') continue;
      const last = (row[`caregiver_${n}_last_name`] as string | null) ?? null;
      const caregiverKey = `${folded(first)}|${folded(last)}`;
      if (!family.caregivers.has(caregiverKey))
        family.caregivers.set(caregiverKey, {
          firstName: first,
          lastName: last,
          relationship: row[`caregiver_${n}_relationship`] as string,
          phone: (row[`caregiver_${n}_phone`] as string | null) ?? null,
          email: (row[`caregiver_${n}_email`] as string | null) ?? null,
          language: (row[`caregiver_${n}_language`] as string | null) ?? null,
          interpreter: yes(row[`caregiver_${n}_interpreter`]),
        });
    }
  }
  return { families: [...families.values()], issues };
}

/**
 * Import a families file in the caller's transaction: every family, or none. Each family's
 * caregivers are linked to each of its students as legal guardians who live with them and
 * may pick them up; the office changes a link on the family's page where that is not so.
 * A family already in Hearth (same name and address) is refused, so importing a file twice
 * never doubles anyone.
 */
export function importFamiliesCsv(ctx: Ctx, fileName: string, text: string): FamiliesImportResult {
  const school = requireSchool(ctx);
  const where = (line: number, column: string) =>
    [fileName, line > 0 && `line ${line}`, column].filter(Boolean).join(', ');
  const { families, issues } = readFamilies(text, where);
  for (const family of families) {
    const existing = ctx.store
      .sql(
        `SELECT 1 FROM households WHERE school_id = ? AND name = ? COLLATE NOCASE
           AND coalesce(address, '') = ? COLLATE NOCASE`,
      )
      .get(school.id, family.name, family.address ?? '');
    const line = family.students[0]?.row.line ?? 0;
    if (existing && issues.length < MAX_ISSUES)
      issues.push({
        path: where(line, 'family_name'),
        message: `the ${family.name} at this address is already in Hearth`,
      });
  }
  if (issues.length > 0)
    throw new HearthError('VALIDATION', say(WORDS.fileNotImported, { file: fileName }), { issues });

  let people = 0;
  let students = 0;
  for (const family of families) {
    const household = ctx.writer.insert('households', {
      id: newId(),
      schoolId: school.id,
      name: family.name,
      address: family.address,
    });
    const caregivers = [...family.caregivers.values()].map((c) => {
      people++;
      const person = ctx.writer.insert('people', {
        id: newId(),
        schoolId: school.id,
        firstName: c.firstName,
        lastName: c.lastName,
        kind: 'caregiver',
        phones: c.phone ? [c.phone] : [],
        email: c.email,
        householdId: household.id,
        homeLanguage: c.language,
        interpreter: c.interpreter ? 'spoken' : 'none',
        channels: [],
        bestTimes: null,
        doNotContact: null,
        createdAt: ctx.now().toISOString(),
        mergedIntoId: null,
      });
      return { person, relationship: c.relationship };
    });
    for (const { row } of family.students) {
      students++;
      const student = createStudent(
        ctx,
        school,
        {
          firstName: row.student_first_name as string,
          lastName: row.student_last_name as string,
          preferredName: (row.student_preferred_name as string | null) ?? null,
          grade: row.grade as string,
          homeroom: null,
          dateOfBirth: (row.date_of_birth as string | null) ?? null,
          pronouns: null,
        },
        where(row.line, 'date_of_birth'),
      );
      for (const { person, relationship } of caregivers)
        setLink(ctx, school, {
          studentId: student.id,
          personId: person.id,
          relationship,
          legalGuardian: true,
          livesWith: true,
          emergencyContact: true,
          pickup: 'allowed',
          officeNote: null,
        });
    }
  }
  return { families: families.length, people, students, updated: 0, toMerge: 0 };
}
