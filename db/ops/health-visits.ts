import {
  HearthError,
  WORDS,
  newId,
  say,
  type ContactKind,
  type HealthVisit,
  type HealthVisitContent,
  type HealthVisitView,
  type Staff,
  type CaregiverContact,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireViewer, type Ctx, type Handlers } from '../context';
import { auditShown } from '../privacy/audit';
import { openContent, sealContent, type Keyring } from '../privacy/keyring';
import { startOfSchoolDay } from '../school-day';
import { HEALTH, requireHealthTeam } from './health-team';
import { studentName } from './summaries';

/** A health visit's row with the student's name and grade, as VISIT_SELECT gives it. */
type StudentRow = Record<string, unknown> &
  Parameters<typeof studentName>[0] & { grade: string; student_id: string };
type VisitRow = StudentRow & { recorded_by_name: string | null };

/** How a caregiver contact made by the nurse is kept in the family's history. */
const CONTACT_KIND: Record<CaregiverContact['how'], ContactKind> = {
  call: 'call',
  text: 'text',
  email: 'email',
  in_person: 'meeting',
};

const seal = (keyring: Keyring, id: string, content: HealthVisitContent) =>
  sealContent(keyring, HEALTH, id, content);

/**
 * Visits as the health team reads them, each read audited per student. Content that the
 * reader's keyring cannot open yet (a team key still on its way) is shown as null.
 */
function views(ctx: Ctx, keyring: Keyring, staff: Staff, rows: VisitRow[]): HealthVisitView[] {
  const shown = rows.map((row): HealthVisitView => {
    const visit = fromRow('health_visits', row);
    const content = openContent(keyring, HEALTH, visit.id, JSON.stringify(visit.sealed));
    return {
      id: visit.id,
      schoolId: visit.schoolId,
      studentId: visit.studentId,
      arrivedAt: visit.arrivedAt,
      leftAt: visit.leftAt,
      releaseToCaregiver: visit.releaseToCaregiver,
      recordedBy: visit.recordedBy,
      studentName: studentName(row),
      grade: row.grade,
      recordedByName: row.recorded_by_name ?? '',
      content: (content as HealthVisitContent | null) ?? null,
    };
  });
  auditShown(
    ctx,
    staff.id,
    'read',
    'health_visit',
    shown.filter((v) => v.content !== null).map((v) => ({ id: v.id, studentId: v.studentId })),
  );
  return shown;
}

const VISIT_SELECT = `SELECT h.*, s.first_name, s.last_name, s.preferred_name, s.grade,
    st.display_name AS recorded_by_name
  FROM health_visits h JOIN students s ON s.id = h.student_id
  LEFT JOIN staff st ON st.id = h.recorded_by`;

function oneView(ctx: Ctx, keyring: Keyring, staff: Staff, id: string): HealthVisitView {
  const row = ctx.store.sql(`${VISIT_SELECT} WHERE h.id = ?`).get(id) as VisitRow;
  return views(ctx, keyring, staff, [row])[0] as HealthVisitView;
}

/** An open visit the team may change: its content, opened. */
function openVisit(ctx: Ctx, keyring: Keyring, id: string): HealthVisit {
  const visit = loadOwned(ctx, 'health_visits', id, 'health_visit');
  if (visit.leftAt) throw new HearthError('CONFLICT', say(WORDS.healthVisitEnded));
  if (openContent(keyring, HEALTH, id, JSON.stringify(visit.sealed)) === null)
    throw new HearthError('KEYS_UNAVAILABLE', say(WORDS.teamKeyMissing, { team: 'health' }));
  return visit;
}

export const healthVisitHandlers = {
  /** A student arrives at the health office: with the nurse from now, for everyone to see. */
  'health.visitStart': (ctx, { studentId, reason, assessment }) => {
    const { staff, keyring } = requireHealthTeam(ctx);
    loadOwned(ctx, 'students', studentId, 'student');
    const open = ctx.store
      .sql('SELECT id FROM health_visits WHERE student_id = ? AND left_at IS NULL')
      .get(studentId) as { id: string } | undefined;
    if (open) return oneView(ctx, keyring, staff, open.id);
    const id = newId(ctx.now().getTime());
    ctx.writer.insert('health_visits', {
      id,
      schoolId: staff.schoolId,
      studentId,
      visibility: HEALTH,
      arrivedAt: ctx.now().toISOString(),
      leftAt: null,
      releaseToCaregiver: false,
      recordedBy: staff.id,
      sealed: seal(keyring, id, {
        reason,
        assessment,
        careGiven: null,
        disposition: null,
        pickedUpBy: null,
        caregiverContact: null,
      }),
    });
    return oneView(ctx, keyring, staff, id);
  },

  /**
   * The visit ends: how it ended and the care given. Sent home, the student may be released
   * at the front desk; a caregiver told is also in the family's history, saying only that the
   * nurse contacted the family about a health matter.
   */
  'health.visitEnd': (ctx, input) => {
    const { staff, keyring } = requireHealthTeam(ctx);
    const visit = openVisit(ctx, keyring, input.id);
    const now = ctx.now().toISOString();
    const caregiverContact = input.caregiver ? { ...input.caregiver, at: now } : null;
    if (input.caregiver?.personId) loadOwned(ctx, 'people', input.caregiver.personId, 'person');
    ctx.writer.update('health_visits', visit.id, {
      leftAt: now,
      releaseToCaregiver: input.disposition === 'sent_home',
      sealed: seal(keyring, visit.id, {
        reason: input.reason,
        assessment: input.assessment,
        careGiven: input.careGiven,
        disposition: input.disposition,
        pickedUpBy: input.pickedUpBy,
        caregiverContact,
      }),
    });
    if (caregiverContact) {
      const person = caregiverContact.personId
        ? loadOwned(ctx, 'people', caregiverContact.personId, 'person')
        : null;
      ctx.writer.insert('contacts', {
        id: newId(),
        schoolId: staff.schoolId,
        personId: person?.id ?? null,
        studentIds: [visit.studentId],
        kind: CONTACT_KIND[caregiverContact.how],
        direction: 'school_to_family',
        tone: 'information',
        language: person?.homeLanguage ?? null,
        interpreterUsed: false,
        summary: 'The nurse contacted the family about a health matter.',
        staffId: staff.id,
        occurredAt: now,
        visitId: null,
        householdId: person?.householdId ?? null,
        homeVisitId: null,
        correctsId: null,
        recordedBy: null,
      });
    }
    return oneView(ctx, keyring, staff, visit.id);
  },

  /** Today's office visits, newest first, for the health team; each read is audited. */
  'health.today': (ctx) => {
    const { staff, keyring } = requireHealthTeam(ctx);
    const rows = ctx.store
      .sql(`${VISIT_SELECT} WHERE h.school_id = ? AND h.arrived_at >= ? ORDER BY h.arrived_at DESC`)
      .all(staff.schoolId, startOfSchoolDay(ctx.now(), requireSchool(ctx).timeZone)) as VisitRow[];
    return views(ctx, keyring, staff, rows);
  },

  /**
   * What any staff member sees: students with the nurse now, and students sent home whom the
   * front desk has not yet released (no pickup signed in for them since). Nothing clinical.
   */
  'health.withNurse': (ctx) => {
    const { staff } = requireViewer(ctx);
    const rows = ctx.store
      .sql(
        `SELECT h.student_id, h.arrived_at, h.left_at, h.release_to_caregiver,
           s.first_name, s.last_name, s.preferred_name, s.grade
         FROM health_visits h JOIN students s ON s.id = h.student_id
         WHERE h.school_id = ? AND h.arrived_at >= ?
           AND (h.left_at IS NULL OR (h.release_to_caregiver = 1 AND NOT EXISTS (
             SELECT 1 FROM visits v, json_each(v.student_ids) j
             WHERE v.school_id = h.school_id AND v.purpose = 'pickup'
               AND j.value = h.student_id AND v.signed_in_at >= h.left_at)))
         ORDER BY h.arrived_at`,
      )
      .all(
        staff.schoolId,
        startOfSchoolDay(ctx.now(), requireSchool(ctx).timeZone),
      ) as (StudentRow & { arrived_at: string; left_at: string | null })[];
    return rows.map((row) => ({
      studentId: row.student_id,
      studentName: studentName(row),
      grade: row.grade,
      arrivedAt: row.arrived_at,
      releaseToCaregiver: row.left_at !== null && row.release_to_caregiver === 1,
    }));
  },
} satisfies Partial<Handlers>;
