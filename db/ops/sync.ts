import {
  HearthError,
  isSyncedTable,
  type SyncConflict,
  type SyncRejection,
  type SyncStatus,
  type SyncedTable,
  WORDS,
  say,
} from '../../contract';
import { COLUMNS } from '../columns';
import { loadOwned, type Ctx, type Handlers } from '../context';
import { getMeta } from '../store';
import { SYNC_META } from '../sync/meta';
import { refuseIfSetUp } from '../demo/install';
import { districtConnection, refuseIfRevoked } from '../sync/enrollment';
import { LISTED, openConflictCount } from '../sync/listed';
import { pendingCount } from '../sync/outbox';

const RECORD_WORDS: Record<SyncedTable, string> = {
  schools: 'The school',
  staff: 'A staff member',
  households: 'A family',
  students: 'A student',
  people: 'A person',
  student_person_links: 'A student’s family link',
  visits: 'A front-desk visit',
  contacts: 'A contact',
  notes: 'A note',
  follow_ups: 'A follow-up',
  disclosures: 'A record of disclosure',
  strengths: 'A strength',
  home_visits: 'A home visit',
  voice_items: 'Something a family raised',
  school_goals: 'A school goal',
  roll_calls: 'A roll call',
  caution_entries: 'A caution-list entry',
  health_visits: 'A health office visit',
  health_profiles: 'A health profile',
  med_orders: 'A medication order',
  med_doses: 'A medication dose entry',
};

/** The record in words, for people reviewing what sync could not settle alone. */
function recordName(ctx: Ctx, table: SyncedTable, id: string): string {
  const named = (sql: string) => (ctx.store.sql(sql).get(id) as { name: string } | undefined)?.name;
  const name =
    table === 'households'
      ? named(`SELECT name || ' family' AS name FROM households WHERE id = ?`)
      : table === 'people' || table === 'students'
        ? named(
            `SELECT trim(first_name || ' ' || coalesce(last_name, '')) AS name FROM ${table} WHERE id = ?`,
          )
        : undefined;
  return name ?? RECORD_WORDS[table];
}

function status(ctx: Ctx): SyncStatus {
  const connection = districtConnection(ctx.store);
  const { live } = ctx.sync;
  const open = (sql: string) => (ctx.store.sql(sql).get() as { n: number }).n;
  return {
    joined: connection !== null,
    serverUrl: connection?.serverUrl ?? null,
    state: connection
      ? live.state === 'not_joined'
        ? 'waiting'
        : live.state
      : live.state === 'joining'
        ? 'joining'
        : 'not_joined',
    lastError: live.lastError,
    progress: live.progress,
    nextAttemptAt: live.nextAttemptAt,
    pending: pendingCount(ctx.store),
    lastSyncAt: getMeta(ctx.store, SYNC_META.lastSyncAt),
    conflicts: openConflictCount(ctx.store),
    rejections: open(
      `SELECT count(*) AS n FROM sync_rejections WHERE dismissed_at IS NULL AND ${LISTED}`,
    ),
    districtSignIn: live.districtSignIn,
  };
}

/** Rows about synced records, each with the record named in words. */
function named<T extends { table: string; rowId: string }>(
  ctx: Ctx,
  rows: T[],
): (T & { record: string })[] {
  return rows.flatMap((row) =>
    isSyncedTable(row.table) ? [{ ...row, record: recordName(ctx, row.table, row.rowId) }] : [],
  );
}

function review(ctx: Ctx) {
  const conflicts = ctx.store
    .sql(
      `SELECT id, tbl AS "table", row_id AS "rowId", field, mine, theirs, kept, at
       FROM sync_conflicts WHERE resolved_at IS NULL AND ${LISTED}
       ORDER BY at DESC, id DESC LIMIT 200`,
    )
    .all() as Omit<SyncConflict, 'record'>[];
  const rejections = ctx.store
    .sql(
      `SELECT seq, tbl AS "table", row_id AS "rowId", reason, at
       FROM sync_rejections WHERE dismissed_at IS NULL AND ${LISTED}
       ORDER BY at DESC, seq DESC LIMIT 200`,
    )
    .all() as Omit<SyncRejection, 'record'>[];
  return { conflicts: named(ctx, conflicts), rejections: named(ctx, rejections) };
}

export const syncHandlers = {
  'sync.status': (ctx) => status(ctx),

  'sync.join': (ctx, request) => {
    refuseIfSetUp(ctx.store);
    const { live } = ctx.sync;
    if (live.state === 'joining' || live.pending.join)
      throw new HearthError('CONFLICT', say(WORDS.alreadyJoining));
    live.pending.join = request;
    live.lastError = null;
    live.state = 'joining';
    live.onRequest();
    return status(ctx);
  },

  'session.signInWithDistrict': (ctx, request) => {
    refuseIfRevoked(ctx.store);
    if (!districtConnection(ctx.store))
      throw new HearthError('NOT_SET_UP', say(WORDS.notConnected));
    const staff = loadOwned(ctx, 'staff', request.staffId, 'staff');
    if (!staff.active) throw new HearthError('NOT_FOUND', say(WORDS.staffInactive));
    const { live } = ctx.sync;
    live.pending.signIn = request;
    live.districtSignIn = { state: 'checking', message: null };
    live.onRequest();
    return status(ctx);
  },

  'sync.now': (ctx) => {
    ctx.sync.live.onRequest();
    return status(ctx);
  },

  'sync.review': (ctx) => review(ctx),

  'sync.resolveConflict': (ctx, { id, keep }) => {
    const conflict = ctx.store
      .sql(
        `SELECT tbl, row_id, field, mine, theirs, kept FROM sync_conflicts WHERE id = ? AND resolved_at IS NULL AND ${LISTED}`,
      )
      .get(id) as
      | { tbl: string; row_id: string; field: string; mine: string; theirs: string; kept: string }
      | undefined;
    if (!conflict || !isSyncedTable(conflict.tbl))
      throw new HearthError('NOT_FOUND', say(WORDS.conflictSettled));
    const table = conflict.tbl;
    if (keep !== conflict.kept && COLUMNS[table].some((c) => c.field === conflict.field)) {
      const value: unknown = JSON.parse(keep === 'mine' ? conflict.mine : conflict.theirs);
      ctx.writer.update(table, conflict.row_id, { [conflict.field]: value } as never);
    }
    ctx.store
      .sql('UPDATE sync_conflicts SET resolved_at = ? WHERE id = ?')
      .run(ctx.now().toISOString(), id);
    return review(ctx);
  },

  'sync.dismissRejection': (ctx, { seq }) => {
    const done = ctx.store
      .sql('UPDATE sync_rejections SET dismissed_at = ? WHERE seq = ? AND dismissed_at IS NULL')
      .run(ctx.now().toISOString(), seq);
    if (done.changes === 0) throw new HearthError('NOT_FOUND', say(WORDS.messageDismissed));
    return review(ctx);
  },
} satisfies Partial<Handlers>;
