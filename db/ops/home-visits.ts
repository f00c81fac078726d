import {
  HearthError,
  homeVisitDraftSchema,
  type HomeVisit,
  type HomeVisitView,
  type Staff,
  newId,
  WORDS,
  say,
} from '../../contract';
import { fromRow } from '../columns';
import {
  loadOwned,
  requireSchool,
  requireStaff,
  requireViewer,
  type Ctx,
  type Handlers,
} from '../context';
import { logContact } from './contacts';
import { createFollowUp } from './follow-ups';
import { recordStrength } from './strengths';

type Row = Record<string, unknown> & { family_name: string; staff_names: string };

// Staff names in the order of staff_ids, so "who is going" reads as it was planned.
const VIEW = `
  SELECT v.*, h.name AS family_name,
    (SELECT json_group_array(st.display_name) FROM json_each(v.staff_ids) j
      JOIN staff st ON st.id = j.value ORDER BY j.key) AS staff_names
  FROM home_visits v JOIN households h ON h.id = v.household_id`;

const toView = (row: Row): HomeVisitView => ({
  ...fromRow('home_visits', row),
  familyName: row.family_name,
  staffNames: JSON.parse(row.staff_names) as string[],
});

/** A family's planned visits, soonest first. */
export function plannedVisitsOfFamily(ctx: Ctx, householdId: string): HomeVisitView[] {
  const rows = ctx.store
    .sql(`${VIEW} WHERE v.household_id = ? AND v.status = 'planned' ORDER BY v.scheduled_at`)
    .all(householdId) as Row[];
  return rows.map(toView);
}

export function homeVisitView(ctx: Ctx, id: string): HomeVisitView {
  return toView(ctx.store.sql(`${VIEW} WHERE v.id = ?`).get(id) as Row);
}

/** Only staff going on the visit, or who planned it, may record or close it. */
function loadForRecording(ctx: Ctx, staff: Staff, id: string): HomeVisit {
  const visit = loadOwned(ctx, 'home_visits', id, 'home_visit');
  if (!visit.staffIds.includes(staff.id) && visit.createdBy !== staff.id)
    throw new HearthError('UNAUTHORIZED', say(WORDS.visitRecordWho));
  if (visit.status !== 'planned')
    throw new HearthError('CONFLICT', say(WORDS.visitAlreadyMarked, { status: visit.status }));
  return visit;
}

function dropDrafts(ctx: Ctx, visitId: string): void {
  ctx.store.sql('DELETE FROM home_visit_drafts WHERE home_visit_id = ?').run(visitId);
}

function draftOf(ctx: Ctx, visitId: string, staffId: string) {
  const row = ctx.store
    .sql('SELECT draft, saved_at FROM home_visit_drafts WHERE home_visit_id = ? AND staff_id = ?')
    .get(visitId, staffId) as { draft: string; saved_at: string } | undefined;
  if (!row) return { draft: null, draftSavedAt: null };
  // A draft is checked again when read: one saved by an older Hearth may not fit any more,
  // and losing a stale draft quietly is better than failing the whole visit page.
  const parsed = homeVisitDraftSchema.safeParse(JSON.parse(row.draft));
  return parsed.success
    ? { draft: parsed.data, draftSavedAt: row.saved_at }
    : { draft: null, draftSavedAt: null };
}

export const homeVisitHandlers = {
  'homeVisit.plan': (ctx, input) => {
    const staff = requireStaff(ctx);
    const school = requireSchool(ctx);
    loadOwned(ctx, 'households', input.householdId, 'family');
    const staffIds = [...new Set(input.staffIds)];
    for (const staffId of staffIds) {
      const going = loadOwned(ctx, 'staff', staffId, 'staff');
      if (!going.active)
        throw new HearthError('VALIDATION', say(WORDS.noLongerActive, { name: going.displayName }));
    }
    const id = newId(ctx.now().getTime());
    ctx.writer.insert('home_visits', {
      id,
      schoolId: school.id,
      ...input,
      scheduledAt: new Date(input.scheduledAt).toISOString(),
      staffIds,
      status: 'planned',
      present: null,
      hopes: null,
      concerns: null,
      outcomeNote: null,
      createdBy: staff.id,
      createdAt: ctx.now().toISOString(),
      closedBy: null,
      closedAt: null,
    });
    return homeVisitView(ctx, id);
  },

  'homeVisit.get': (ctx, { id }) => {
    const staff = requireStaff(ctx);
    loadOwned(ctx, 'home_visits', id, 'home_visit');
    return { visit: homeVisitView(ctx, id), ...draftOf(ctx, id, staff.id) };
  },

  'homeVisit.saveDraft': (ctx, { id, draft }) => {
    const staff = requireStaff(ctx);
    loadForRecording(ctx, staff, id);
    const savedAt = ctx.now().toISOString();
    ctx.store
      .sql(
        `INSERT INTO home_visit_drafts (home_visit_id, staff_id, draft, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (home_visit_id, staff_id) DO UPDATE SET draft = excluded.draft, saved_at = excluded.saved_at`,
      )
      .run(id, staff.id, JSON.stringify(draft), savedAt);
    return { savedAt };
  },

  'homeVisit.complete': (ctx, { id, strengths, followUps, tone, ...record }) => {
    const viewer = requireViewer(ctx);
    const school = requireSchool(ctx);
    const visit = loadForRecording(ctx, viewer.staff, id);
    const now = ctx.now();
    ctx.writer.update('home_visits', id, {
      ...record,
      status: 'completed',
      closedBy: viewer.staff.id,
      closedAt: now.toISOString(),
    });
    for (const strength of strengths)
      recordStrength(ctx, viewer.staff.id, {
        ...strength,
        householdId: visit.householdId,
        source: 'home_visit',
        homeVisitId: id,
      });
    for (const followUp of followUps)
      createFollowUp(ctx, viewer, school, {
        ...followUp,
        personId: null,
        householdId: visit.householdId,
        originKind: 'home_visit',
        originId: id,
      });
    // The visit becomes a contact too, so the family's last contact and its tone count it.
    const happened = Math.min(Date.parse(visit.scheduledAt), now.getTime());
    logContact(
      ctx,
      viewer.staff,
      {
        householdId: visit.householdId,
        personId: null,
        studentIds: [],
        kind: 'home_visit',
        direction: 'two_way',
        tone,
        language: null,
        interpreterUsed: false,
        summary: `${visit.purpose}\nHopes and dreams: ${record.hopes}`.slice(0, 2_000),
        staffId: viewer.staff.id,
        occurredAt: new Date(happened).toISOString(),
      },
      { homeVisitId: id },
    );
    dropDrafts(ctx, id);
    return homeVisitView(ctx, id);
  },

  'homeVisit.close': (ctx, { id, status, note }) => {
    const staff = requireStaff(ctx);
    loadForRecording(ctx, staff, id);
    ctx.writer.update('home_visits', id, {
      status,
      outcomeNote: note,
      closedBy: staff.id,
      closedAt: ctx.now().toISOString(),
    });
    dropDrafts(ctx, id);
    return homeVisitView(ctx, id);
  },

  'homeVisit.mine': (ctx) => {
    const staff = requireStaff(ctx);
    const rows = ctx.store
      .sql(
        `${VIEW} WHERE v.school_id = ? AND v.status = 'planned'
           AND EXISTS (SELECT 1 FROM json_each(v.staff_ids) j WHERE j.value = ?)
         ORDER BY v.scheduled_at`,
      )
      .all(staff.schoolId, staff.id) as Row[];
    return rows.map(toView);
  },
} satisfies Partial<Handlers>;
