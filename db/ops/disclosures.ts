import { newId, type DisclosureView, type FamilyRecord } from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireViewer, type Ctx, type Handlers } from '../context';
import { toCsv } from './csv';
import { followUpsForStudent } from './follow-ups';
import { notesForStudent } from './notes';
import { caregiversOfStudents, studentName } from './summaries';

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

function recordCsv(record: FamilyRecord): string {
  const rows: string[][] = [['Section', 'Date', 'Title', 'Details', 'Visibility', 'By']];
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
  rows.push(['Prepared', record.preparedAt, record.school, '', '', record.preparedBy]);
  rows.push(['Given to', record.preparedAt, record.recipient, record.purpose, '', '']);
  return toCsv(rows);
}

export const disclosureHandlers = {
  /**
   * The disclosure is written in the same transaction as the export is read, so there is
   * never an export without its record, and every restricted record in it is audited.
   */
  'family.export': (ctx, { studentId, format, recipient, purpose }) => {
    const { staff } = requireViewer(ctx);
    const school = requireSchool(ctx);
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
    ctx.writer.insert('disclosures', {
      id,
      schoolId: school.id,
      studentId,
      disclosedBy: staff.id,
      recipient,
      purpose,
      description: `Record of ${name}: ${caregivers.length} caregivers, ${notes.length} notes, ${followUps.length} follow-ups (${format === 'csv' ? 'CSV file' : 'printed page'})`,
      format,
      disclosedAt: now,
    });
    const disclosure = disclosureViews(ctx, 'd.id = ?', id)[0] as DisclosureView;
    return { disclosure, record, csv: format === 'csv' ? recordCsv(record) : null };
  },

  'disclosure.forStudent': (ctx, { studentId }) => {
    loadOwned(ctx, 'students', studentId, 'student');
    return disclosureViews(ctx, 'd.student_id = ?', studentId);
  },
} satisfies Partial<Handlers>;
