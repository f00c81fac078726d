import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  HearthError,
  isRestricted,
  teamOf,
  type FollowUp,
  type FollowUpView,
  type School,
  type Staff,
  newId,
  WORDS,
  say,
} from '../../contract';
import { loadOwned, requireSchool, requireViewer, type Ctx, type Handlers } from '../context';
import { logContact } from './contacts';
import { audit, auditShown, type ContentAudit } from '../privacy/audit';
import { sealContent, type Keyring } from '../privacy/keyring';
import { reveal, type GuardedRow } from '../privacy/reveal';
import { viewerBindings, visibilitySql } from '../privacy/visibility';
import type { Writer } from '../write';
import { checkCanWriteFor } from './notes';
import { familiesOfStudent, familyStudentIds, studentName } from './summaries';

interface FollowUpRow extends GuardedRow {
  student_id: string;
  person_id: string | null;
  title: string | null;
  assignee_id: string;
  assignee_name: string;
  due_on: string;
  status: 'open' | 'done' | 'cancelled';
  created_at: string;
  closed_at: string | null;
  first_name: string;
  last_name: string;
  preferred_name: string | null;
}

const { readable, listed } = visibilitySql('f', 'created_by');

// Outside the team, a restricted follow-up shows only while it is open: "see the nurse".
const select = (where: string, order: string) => `
  SELECT f.id, f.visibility, f.student_id, f.person_id, f.assignee_id, f.due_on, f.status,
    f.created_at, f.closed_at, ${readable} AS readable,
    CASE WHEN ${readable} THEN f.title END AS title,
    CASE WHEN ${readable} THEN f.sealed END AS sealed,
    a.display_name AS assignee_name, s.first_name, s.last_name, s.preferred_name
  FROM follow_ups f
  JOIN staff a ON a.id = f.assignee_id
  JOIN students s ON s.id = f.student_id
  WHERE f.school_id = @school AND ${listed} AND (${readable} OR f.status = 'open') AND ${where}
  ORDER BY ${order}`;

const FOR_STUDENT = select('f.student_id = @target', `f.status <> 'open', f.due_on, f.created_at`);
const FOR_FAMILY = select(
  `(f.household_id = @target OR f.student_id IN (${familyStudentIds('@target')}))`,
  `f.status <> 'open', f.due_on, f.created_at`,
);
const MINE = select(`f.assignee_id = @viewer AND f.status = 'open'`, 'f.due_on, f.created_at');
const BY_ID = select('f.id = @target', 'f.id');
const FROM_ORIGIN = select('f.origin_id = @target', `f.status <> 'open', f.due_on, f.created_at`);

function followUpViews(
  ctx: Ctx,
  sql: string,
  target = '',
  action: ContentAudit = 'read',
): FollowUpView[] {
  const { staff, keyring } = requireViewer(ctx);
  const rows = ctx.store.sql(sql).all({
    ...viewerBindings(staff),
    target,
  }) as FollowUpRow[];
  const views = rows.map((row) => toView(keyring, row));
  auditShown(
    ctx,
    staff.id,
    action,
    'follow_up',
    views.flatMap((v) =>
      v.access === 'open' && isRestricted(v.visibility)
        ? [{ id: v.id, studentId: v.studentId }]
        : [],
    ),
  );
  return views;
}

/** Follow-ups about a student, as the viewer may see them; `export` audits what goes out. */
export const followUpsForStudent = (ctx: Ctx, studentId: string, action: ContentAudit) =>
  followUpViews(ctx, FOR_STUDENT, studentId, action);

/** Follow-ups made from one contact, walk-in or home visit, as the viewer may see them. */
export const followUpsFromOrigin = (ctx: Ctx, originId: string) =>
  followUpViews(ctx, FROM_ORIGIN, originId);

function toView(keyring: Keyring, row: FollowUpRow): FollowUpView {
  const about = {
    id: row.id,
    visibility: row.visibility,
    studentId: row.student_id,
    studentName: studentName(row),
    personId: row.person_id,
  };
  const seen = reveal<{ title: string }>(keyring, row, () => ({ title: row.title as string }));
  if (!seen.open) return { access: 'restricted', ...about, waitingForKey: seen.waitingForKey };
  return {
    access: 'open',
    ...about,
    title: seen.content.title,
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
    dueOn: row.due_on,
    status: row.status,
    createdAt: row.created_at,
    closedAt: row.closed_at,
  };
}

function onlyView(ctx: Ctx, id: string): FollowUpView {
  const view = followUpViews(ctx, BY_ID, id)[0];
  if (!view) throw new HearthError('NOT_FOUND', say(WORDS.followUpNotFound));
  return view;
}

/**
 * Write a new, open follow-up through the write path, sealing its title when restricted.
 * Used by the API and by the demo school.
 */
export function writeNewFollowUp(
  writer: Writer,
  keyring: Keyring,
  followUp: Omit<FollowUp, 'title' | 'sealed' | 'status' | 'closedAt' | 'closedByContactId'> & {
    title: string;
  },
): FollowUp {
  const { title, ...rest } = followUp;
  const restricted = isRestricted(followUp.visibility);
  return writer.insert('follow_ups', {
    ...rest,
    title: restricted ? null : title,
    sealed: restricted ? sealContent(keyring, followUp.visibility, followUp.id, { title }) : null,
    status: 'open',
    closedAt: null,
    closedByContactId: null,
  });
}

export type NewFollowUpInput = Pick<
  FollowUp,
  | 'studentId'
  | 'personId'
  | 'visibility'
  | 'assigneeId'
  | 'dueOn'
  | 'householdId'
  | 'originKind'
  | 'originId'
> & { title: string };

/**
 * Check and write a new follow-up for the signed-in staff member: from the API, a logged
 * contact or a completed home visit. Returns its id.
 */
export function createFollowUp(
  ctx: Ctx,
  viewer: { staff: Staff; keyring: Keyring },
  school: School,
  input: NewFollowUpInput,
): string {
  const { staff, keyring } = viewer;
  checkCanWriteFor(staff, input.visibility, 'follow-ups');
  loadOwned(ctx, 'students', input.studentId, 'student');
  if (input.personId) loadOwned(ctx, 'people', input.personId, 'person');
  if (input.householdId) loadOwned(ctx, 'households', input.householdId, 'family');
  const assignee = loadOwned(ctx, 'staff', input.assigneeId, 'staff');
  if (!assignee.active)
    throw new HearthError('VALIDATION', say(WORDS.noLongerActive, { name: assignee.displayName }));
  const team = teamOf(input.visibility);
  if (team && !assignee.teams.includes(team))
    throw new HearthError('VALIDATION', say(WORDS.notOnTeam, { name: assignee.displayName, team }));
  if (input.visibility === 'private' && assignee.id !== staff.id)
    throw new HearthError('VALIDATION', say(WORDS.privateToYourself));
  const today = format(new TZDate(ctx.now(), school.timeZone), 'yyyy-MM-dd');
  if (input.dueOn < today)
    throw new HearthError('VALIDATION', say(WORDS.dueInPast), {
      issues: [{ path: 'dueOn', message: WORDS.inThePast.defaultMessage }],
    });
  const id = newId(ctx.now().getTime());
  writeNewFollowUp(ctx.writer, keyring, {
    id,
    schoolId: school.id,
    ...input,
    createdBy: staff.id,
    createdAt: ctx.now().toISOString(),
  });
  if (isRestricted(input.visibility))
    audit(ctx, staff.id, 'create', 'follow_up', [id], input.studentId);
  return id;
}

const ORIGIN_TABLES = {
  contact: 'contacts',
  walk_in: 'visits',
  home_visit: 'home_visits',
  med_order: 'med_orders',
} as const;

export const followUpHandlers = {
  'followUp.create': (ctx, input) => {
    const viewer = requireViewer(ctx);
    const school = requireSchool(ctx);
    if ((input.originKind === null) !== (input.originId === null))
      throw new HearthError('VALIDATION', say(WORDS.originNeedsBoth));
    if (input.originKind && input.originId)
      loadOwned(ctx, ORIGIN_TABLES[input.originKind], input.originId, 'origin');
    return onlyView(ctx, createFollowUp(ctx, viewer, school, input));
  },

  'followUp.setStatus': (ctx, { id, status, closingContact }) => {
    const { staff } = requireViewer(ctx);
    const current = followUpViews(ctx, BY_ID, id)[0];
    if (!current) throw new HearthError('NOT_FOUND', say(WORDS.followUpNotFound));
    if (current.access !== 'open')
      throw new HearthError('UNAUTHORIZED', say(WORDS.followUpTeamOnly));
    if (closingContact && status !== 'done')
      throw new HearthError('VALIDATION', say(WORDS.contactOnlyCompleting));
    if (current.status === status) return current;
    const record = loadOwned(ctx, 'follow_ups', id, 'follow_up');
    const contact =
      closingContact &&
      logContact(ctx, staff, {
        ...closingContact,
        householdId: record.householdId ?? familiesOfStudent(ctx, record.studentId)[0]?.id ?? null,
        personId: record.personId,
        studentIds: [record.studentId],
        language: null,
        interpreterUsed: false,
        staffId: staff.id,
        occurredAt: ctx.now().toISOString(),
      });
    ctx.writer.update('follow_ups', id, {
      status,
      closedAt: status === 'open' ? null : ctx.now().toISOString(),
      closedByContactId: contact ? contact.id : null,
    });
    if (isRestricted(current.visibility))
      audit(ctx, staff.id, 'status', 'follow_up', [id], current.studentId);
    return onlyView(ctx, id);
  },

  'followUp.mine': (ctx) => followUpViews(ctx, MINE),

  'followUp.forFamily': (ctx, { householdId }) => {
    loadOwned(ctx, 'households', householdId, 'family');
    return followUpViews(ctx, FOR_FAMILY, householdId);
  },

  'followUp.forStudent': (ctx, { studentId }) => {
    loadOwned(ctx, 'students', studentId, 'student');
    return followUpsForStudent(ctx, studentId, 'read');
  },
} satisfies Partial<Handlers>;
