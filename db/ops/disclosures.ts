import {
  HearthError,
  newId,
  plural,
  type DisclosureView,
  type ExportFormat,
  type FamilyRecord,
  toCsv,
  WORDS,
  say,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireViewer, type Ctx, type Handlers } from '../context';
import { followUpsForStudent } from './follow-ups';
import { notesForStudent } from './notes';
import { caregiversOfStudents, studentIdsOfFamily, studentName } from './summaries';

function disclosureViews(ctx: Ctx, where: string, target: string): DisclosureView[] {
  const rows = ctx.store
    .sql(
      `SELECT d.*, s.display_name AS disclosed_by_name FROM disclosures d
       JOIN staff s ON s.id = d.disclosed_by
       WHERE ${where} ORDER BY d.disclosed_at DESC`,
    )
    .all(target) as (Record<string, unknown> & { disclosed_by_name: string })[];
  return rows.map((row) => ({
    ...fromRow('disclosures', row),
    disclosedByName: row.disclosed_by_name,
  }));
}

const personName = (p: { firstName: string; lastName: string | null }) =>
  [p.firstName, p.lastName].filter(Boolean).join(' ');

const CSV_HEADER = ['Section', 'Date', 'Title', 'Details', 'Visibility', 'By'];

function recordRows(record: FamilyRecord): string[][] {
  const rows: string[][] = [];
  const s = record.student;
  rows.push([
    'Student',
    '',
    `${s.preferredName ?? s.firstName} ${s.lastName}`,
    `Grade ${s.grade}${s.homeroom ? `, homeroom ${s.homeroom}` : ''}`,
    '',
    '',
  ]);
  for (const c of record.caregivers) {
    const facts = [
      c.relationship,
      c.legalGuardian ? 'legal guardian' : '',
      c.livesWith ? 'lives with student' : '',
      c.emergencyContact ? 'emergency contact' : '',
      `pickup: ${c.pickup.replace('_', ' ')}`,
      c.person.phones.join(' / '),
    ].filter(Boolean);
    rows.push(['Caregiver', '', personName(c.person), facts.join('; '), '', '']);
  }
  for (const n of record.notes) {
    if (n.access === 'open')
      rows.push(['Note', n.createdAt, n.subject, n.body, n.visibility, n.authorName]);
  }
  for (const f of record.followUps) {
    if (f.access === 'open')
      rows.push([
        'Follow-up',
        f.dueOn,
        f.title,
        `Status: ${f.status}`,
        f.visibility,
        f.assigneeName,
      ]);
  }
  return rows;
}

/** One file for one student or a whole family: each student's rows, then who gave it to whom. */
function recordsCsv(records: readonly FamilyRecord[]): string {
  const [first] = records;
  const given: string[][] = first
    ? [
        ['Prepared', first.preparedAt, first.school, '', '', first.preparedBy],
        ['Given to', first.preparedAt, first.recipient, first.purpose, '', ''],
      ]
    : [];
  return toCsv([CSV_HEADER, ...records.flatMap(recordRows), ...given]);
}

interface Sharing {
  format: ExportFormat;
  recipient: string;
  purpose: string;
  /** The family whose whole record this student's is part of, named in the disclosure. */
  familyName?: string;
}

/**
 * One student's record as it leaves Hearth, and its record of disclosure, written in the same
 * transaction as the record is read: never an export without its disclosure, and every
 * restricted record in it audited.
 */
function exportStudent(ctx: Ctx, studentId: string, sharing: Sharing) {
  const { staff } = requireViewer(ctx);
  const school = requireSchool(ctx);
  const { format, recipient, purpose, familyName } = sharing;
  const student = loadOwned(ctx, 'students', studentId, 'student');
  const notes = notesForStudent(ctx, studentId, 'export').filter((n) => n.access === 'open');
  const followUps = followUpsForStudent(ctx, studentId, 'export').filter(
    (f) => f.access === 'open',
  );
  const caregivers = caregiversOfStudents(ctx, [studentId]).get(studentId) ?? [];
  const now = ctx.now().toISOString();
  const record: FamilyRecord = {
    school: school.name,
    student: {
      id: student.id,
      firstName: student.firstName,
      lastName: student.lastName,
      preferredName: student.preferredName,
      grade: student.grade,
      homeroom: student.homeroom,
    },
    caregivers,
    notes,
    followUps,
    preparedBy: staff.displayName,
    preparedAt: now,
    recipient,
    purpose,
  };
  const name = studentName({
    first_name: student.firstName,
    last_name: student.lastName,
    preferred_name: student.preferredName,
  });
  const id = newId(ctx.now().getTime());
  const part = familyName ? `, part of the ${familyName}’s record` : '';
  ctx.writer.insert('disclosures', {
    id,
    schoolId: school.id,
    studentId,
    disclosedBy: staff.id,
    recipient,
    purpose,
    description:
      `Record of ${name}${part}: ${plural(caregivers.length, 'caregiver', 'caregivers')}, ${plural(notes.length, 'note', 'notes')}, ${plural(followUps.length, 'follow-up', 'follow-ups')} (${format === 'csv' ? 'CSV file' : 'printed page'})`.slice(
        0,
        500,
      ),
    format,
    disclosedAt: now,
  });
  const disclosure = disclosureViews(ctx, 'd.id = ?', id)[0] as DisclosureView;
  return { disclosure, record };
}

export const disclosureHandlers = {
  /**
   * The disclosure is written in the same transaction as the export is read, so there is
   * never an export without its record, and every restricted record in it is audited.
   */
  'family.export': (ctx, { studentId, ...sharing }) => {
    const { disclosure, record } = exportStudent(ctx, studentId, sharing);
    return { disclosure, record, csv: sharing.format === 'csv' ? recordsCsv([record]) : null };
  },

  /** A whole family's record: each student's, each with a disclosure of its own. */
  'family.exportHousehold': (ctx, { householdId, ...sharing }) => {
    const household = loadOwned(ctx, 'households', householdId, 'family');
    const studentIds = studentIdsOfFamily(ctx, householdId);
    if (studentIds.length === 0)
      throw new HearthError('VALIDATION', say(WORDS.noStudentsYet), {
        issues: [{ path: 'householdId', message: WORDS.hasNoStudents.defaultMessage }],
      });
    const exported = studentIds.map((id) =>
      exportStudent(ctx, id, { ...sharing, familyName: household.name }),
    );
    const records = exported.map((e) => e.record);
    return {
      disclosures: exported.map((e) => e.disclosure),
      records,
      csv: sharing.format === 'csv' ? recordsCsv(records) : null,
    };
  },

  'disclosure.forStudent': (ctx, { studentId }) => {
    loadOwned(ctx, 'students', studentId, 'student');
    return disclosureViews(ctx, 'd.student_id = ?', studentId);
  },
} satisfies Partial<Handlers>;
