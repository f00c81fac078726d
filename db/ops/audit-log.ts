import { plural, type AuditEntry } from '../../contract';
import type { Handlers } from '../context';
import { unpackIds } from '../privacy/audit';
import { personName, studentName } from './summaries';

interface AuditRow {
  id: string;
  at: string;
  staff_id: string;
  staff_name: string;
  device_id: string;
  action: AuditEntry['action'];
  record_type: AuditEntry['recordType'];
  record_ids: Buffer;
  student_id: string | null;
  person_id: string | null;
  first_name: string | null;
  last_name: string | null;
  preferred_name: string | null;
}

/** What the school-wide records an entry names are, counted. */
const SCHOOL_WIDE: Record<'family_list' | 'caution_list' | 'visit_log', (n: number) => string> = {
  family_list: (n) => `the families list (${plural(n, 'family', 'families')})`,
  caution_list: (n) => `the caution list (${plural(n, 'entry', 'entries')})`,
  visit_log: (n) => `the visitor log (${plural(n, 'visit', 'visits')})`,
};

/** Whom an entry is about: the student, the person, or for a school-wide record what and how many. */
function aboutName(row: AuditRow): string {
  const { first_name: firstName, last_name: lastName } = row;
  if (
    row.record_type === 'family_list' ||
    row.record_type === 'caution_list' ||
    row.record_type === 'visit_log'
  )
    return SCHOOL_WIDE[row.record_type](row.record_ids.length / 16);
  if (firstName === null) return '';
  return row.student_id
    ? studentName({ ...row, first_name: firstName, last_name: lastName ?? '' })
    : personName({ first_name: firstName, last_name: lastName });
}

export const auditHandlers = {
  /** Newest first; `before` pages back through older entries. Read only: nothing edits it. */
  'audit.list': (ctx, filter) => {
    const rows = ctx.store
      .sql(
        `SELECT e.id, e.at, e.staff_id, st.display_name AS staff_name, e.device_id, e.action,
           e.record_type, e.record_ids, e.student_id, e.person_id,
           coalesce(s.first_name, p.first_name) AS first_name,
           coalesce(s.last_name, p.last_name) AS last_name, s.preferred_name
         FROM audit_events e
         JOIN staff st ON st.id = e.staff_id
         LEFT JOIN students s ON s.id = e.student_id
         LEFT JOIN people p ON p.id = e.person_id
         WHERE (@staffId IS NULL OR e.staff_id = @staffId)
           AND (@action IS NULL OR e.action = @action)
           AND (@studentId IS NULL OR e.student_id = @studentId)
           AND (@before IS NULL OR e.at < @before)
         ORDER BY e.pk DESC
         LIMIT @limit`,
      )
      .all(filter) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      staffId: row.staff_id,
      staffName: row.staff_name,
      deviceId: row.device_id,
      action: row.action,
      recordType: row.record_type,
      recordIds: unpackIds(row.record_ids),
      studentId: row.student_id,
      personId: row.person_id,
      aboutName: aboutName(row),
    }));
  },
} satisfies Partial<Handlers>;
