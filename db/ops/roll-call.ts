import {
  HearthError,
  WORDS,
  newId,
  say,
  type RollCall,
  type RollCallSummary,
  type RollCallView,
  type VisitPurpose,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';

type Row = Record<string, unknown>;

/** The people of a roll call, as the list at the desk shows them, in the order they came in. */
function viewOf(ctx: Ctx, call: RollCall): RollCallView {
  const rows = ctx.store
    .sql(
      `SELECT v.id, v.visitor_name, v.seeing, v.purpose, v.signed_in_at,
         (SELECT json_group_array(trim(s.first_name || ' ' || coalesce(s.last_name, '')))
            FROM json_each(v.student_ids) j JOIN students s ON s.id = j.value) AS student_names
       FROM visits v WHERE v.id IN (SELECT value FROM json_each(?))
       ORDER BY v.signed_in_at, v.pk`,
    )
    .all(JSON.stringify(call.visitIds)) as Row[];
  const accounted = new Set(call.accountedIds);
  const starter = ctx.store
    .sql('SELECT display_name FROM staff WHERE id = ?')
    .get(call.startedBy) as { display_name: string } | undefined;
  return {
    ...call,
    startedByName: starter?.display_name ?? '',
    people: rows.map((row) => ({
      visitId: row.id as string,
      visitorName: row.visitor_name as string,
      seeing: row.seeing as string | null,
      purpose: row.purpose as VisitPurpose,
      signedInAt: row.signed_in_at as string,
      studentNames: JSON.parse(row.student_names as string) as string[],
      accounted: accounted.has(row.id as string),
    })),
  };
}

function openRollCall(ctx: Ctx, schoolId: string): RollCall | null {
  const row = ctx.store
    .sql(
      'SELECT * FROM roll_calls WHERE school_id = ? AND ended_at IS NULL ORDER BY pk DESC LIMIT 1',
    )
    .get(schoolId) as Row | undefined;
  return row ? fromRow('roll_calls', row) : null;
}

function loadOpen(ctx: Ctx, id: string): RollCall {
  const call = loadOwned(ctx, 'roll_calls', id, 'roll_call');
  if (call.endedAt) throw new HearthError('CONFLICT', say(WORDS.rollCallEnded));
  return call;
}

export const rollCallHandlers = {
  /**
   * Begin a roll call of everyone signed in now; one under way is answered as it is, so a
   * second press (or a second computer's) never starts a second list.
   */
  'rollCall.start': (ctx, { kind }) => {
    const staff = requireStaff(ctx);
    const school = requireSchool(ctx);
    const open = openRollCall(ctx, school.id);
    if (open) return viewOf(ctx, open);
    const visitIds = (
      ctx.store
        .sql(
          'SELECT id FROM visits WHERE school_id = ? AND signed_out_at IS NULL ORDER BY signed_in_at, pk',
        )
        .all(school.id) as { id: string }[]
    ).map((v) => v.id);
    const call = ctx.writer.insert('roll_calls', {
      id: newId(ctx.now().getTime()),
      schoolId: school.id,
      kind,
      startedAt: ctx.now().toISOString(),
      startedBy: staff.id,
      visitIds,
      accountedIds: [],
      endedAt: null,
      endedBy: null,
    });
    return viewOf(ctx, call);
  },

  'rollCall.current': (ctx) => {
    requireStaff(ctx);
    const open = openRollCall(ctx, requireSchool(ctx).id);
    return open ? viewOf(ctx, open) : null;
  },

  'rollCall.mark': (ctx, { id, visitId, accounted }) => {
    requireStaff(ctx);
    const call = loadOpen(ctx, id);
    if (!call.visitIds.includes(visitId))
      throw new HearthError('NOT_FOUND', say(WORDS.notOnRollCall), {
        issues: [{ path: 'visitId', message: WORDS.notOnRollCall.defaultMessage }],
      });
    const others = call.accountedIds.filter((v) => v !== visitId);
    const accountedIds = accounted ? [...others, visitId] : others;
    return viewOf(ctx, ctx.writer.update('roll_calls', id, { accountedIds }));
  },

  'rollCall.setKind': (ctx, { id, kind }) => {
    requireStaff(ctx);
    loadOpen(ctx, id);
    return viewOf(ctx, ctx.writer.update('roll_calls', id, { kind }));
  },

  'rollCall.end': (ctx, { id }) => {
    const staff = requireStaff(ctx);
    loadOpen(ctx, id);
    const ended = ctx.writer.update('roll_calls', id, {
      endedAt: ctx.now().toISOString(),
      endedBy: staff.id,
    });
    return viewOf(ctx, ended);
  },

  /** The school's roll calls, newest first, for its safety records. */
  'rollCall.list': (ctx) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    return (
      ctx.store
        .sql(
          `SELECT r.*, s.display_name AS started_by_name FROM roll_calls r
           LEFT JOIN staff s ON s.id = r.started_by
           WHERE r.school_id = ? ORDER BY r.started_at DESC, r.pk DESC`,
        )
        .all(school.id) as Row[]
    ).map((row): RollCallSummary => {
      const call = fromRow('roll_calls', row);
      return {
        id: call.id,
        kind: call.kind,
        startedAt: call.startedAt,
        endedAt: call.endedAt,
        startedByName: (row.started_by_name as string | null) ?? '',
        people: call.visitIds.length,
        accounted: call.accountedIds.length,
      };
    });
  },
} satisfies Partial<Handlers>;
