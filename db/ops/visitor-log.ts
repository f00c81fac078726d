import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  VISITOR_LOG_SHOWN,
  toCsv,
  type StudentSummary,
  type Visit,
  type VisitorLog,
  type VisitorLogQuery,
  type VisitorLogRow,
} from '../../contract';
import { fromRow } from '../columns';
import { requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { auditListExport } from '../privacy/audit';
import { schoolDaysBounds } from '../school-day';
import { fold } from '../search/normalize';
import { studentSummaries } from './summaries';

type Row = Record<string, unknown>;

const PURPOSE_LABELS: Record<Visit['purpose'], string> = {
  pickup: 'Pickup / early dismissal',
  drop_off: 'Drop-off / late arrival',
  meeting: 'Meeting',
  volunteer: 'Volunteering',
  question: 'Question',
  concern: 'Concern',
  enrollment: 'Enrollment',
  other: 'Other',
};

const studentName = (s: StudentSummary) => `${s.preferredName ?? s.firstName} ${s.lastName}`;

/** Every visit the query names, newest first, with its students and who greeted them. */
function matchingVisits(ctx: Ctx, query: VisitorLogQuery): VisitorLogRow[] {
  const school = requireSchool(ctx);
  const { since, until } = schoolDaysBounds(query.from, query.to, school.timeZone);
  const rows = ctx.store
    .sql(
      `SELECT v.*, st.display_name AS greeted_by_name FROM visits v
       LEFT JOIN staff st ON st.id = v.greeted_by
       WHERE v.school_id = ? AND v.signed_in_at >= ? AND v.signed_in_at < ?
         AND (? IS NULL OR v.purpose = ?)
       ORDER BY v.signed_in_at DESC, v.pk DESC`,
    )
    .all(school.id, since, until, query.purpose, query.purpose) as Row[];
  const visits = rows.map((row) => fromRow('visits', row));
  const students = studentSummaries(ctx, [...new Set(visits.flatMap((v) => v.studentIds))]);
  const all = visits.map((v, i): VisitorLogRow => {
    const out = v.signedOutAt ? Date.parse(v.signedOutAt) : null;
    return {
      id: v.id,
      visitorName: v.visitorName,
      students: v.studentIds.flatMap((id) => students.get(id) ?? []),
      purpose: v.purpose,
      seeing: v.seeing,
      signedInAt: v.signedInAt,
      signedOutAt: v.signedOutAt,
      minutesStayed: out === null ? null : Math.round((out - Date.parse(v.signedInAt)) / 60_000),
      greetedByName: ((rows[i] as Row).greeted_by_name as string | null) ?? '',
      warned:
        v.pickupWarnings.length > 0 ||
        (v.signOutWarnings?.length ?? 0) > 0 ||
        (v.cautionIds?.length ?? 0) > 0,
    };
  });
  const needle = fold(query.text);
  if (!needle) return all;
  // At most a year of one school's visits, so the words are folded here rather than indexed.
  return all.filter((r) =>
    fold([r.visitorName, r.seeing ?? '', ...r.students.map(studentName)].join(' ')).includes(
      needle,
    ),
  );
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

function comingsAndGoings(rows: readonly VisitorLogRow[]): VisitorLog['byStudent'] {
  const byStudent = new Map<string, VisitorLog['byStudent'][number]>();
  for (const row of rows) {
    if (row.purpose !== 'pickup' && row.purpose !== 'drop_off') continue;
    for (const student of row.students) {
      const tally = byStudent.get(student.id) ?? { student, lateArrivals: 0, earlyDismissals: 0 };
      if (row.purpose === 'pickup') tally.earlyDismissals += 1;
      else tally.lateArrivals += 1;
      byStudent.set(student.id, tally);
    }
  }
  return [...byStudent.values()].sort(
    (a, b) =>
      b.lateArrivals + b.earlyDismissals - (a.lateArrivals + a.earlyDismissals) ||
      studentName(a.student).localeCompare(studentName(b.student)),
  );
}

const CSV_HEADER = [
  'Date',
  'Signed in',
  'Signed out',
  'Minutes',
  'Visitor',
  'Purpose',
  'Students',
  'Came to see',
  'Greeted by',
  'Warned',
];

function csvRow(row: VisitorLogRow, timeZone: string): string[] {
  const local = (at: string) => new TZDate(Date.parse(at), timeZone);
  return [
    format(local(row.signedInAt), 'yyyy-MM-dd'),
    format(local(row.signedInAt), 'HH:mm'),
    row.signedOutAt ? format(local(row.signedOutAt), 'HH:mm') : '',
    row.minutesStayed === null ? '' : String(row.minutesStayed),
    row.visitorName,
    PURPOSE_LABELS[row.purpose],
    row.students.map(studentName).join('; '),
    row.seeing ?? '',
    row.greetedByName,
    row.warned ? 'yes' : 'no',
  ];
}

export const visitorLogHandlers = {
  'visit.log': (ctx, query) => {
    const rows = matchingVisits(ctx, query);
    return {
      total: rows.length,
      rows: rows.slice(0, VISITOR_LOG_SHOWN),
      medianMinutes: median(
        rows.flatMap((r) => (r.minutesStayed === null ? [] : [r.minutesStayed])),
      ),
      byStudent: comingsAndGoings(rows),
    };
  },

  /** The visits the query names as CSV, oldest first; the export is audited with every visit. */
  'visit.exportLog': (ctx, query) => {
    const staff = requireStaff(ctx);
    const school = requireSchool(ctx);
    const rows = matchingVisits(ctx, query).reverse();
    auditListExport(
      ctx,
      staff.id,
      'visit_log',
      rows.map((r) => r.id),
    );
    return {
      count: rows.length,
      csv: toCsv([CSV_HEADER, ...rows.map((r) => csvRow(r, school.timeZone))]),
    };
  },
} satisfies Partial<Handlers>;
