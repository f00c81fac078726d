import {
  NARROWED_TABLES,
  isSyncedTable,
  parseHlc,
  type PulledChange,
  type PullPage,
  type PushChange,
  type PushResult,
  type SyncedTable,
  type Team,
} from '../../contract';
import type { LocalClock } from '../clock';
import { getMeta, setMeta, type Store } from '../store';
import type { Writer } from '../write';
import { removeFromTeamKeys } from '../privacy/keyring';
import { movePersonReferences, moveStudentReferences } from '../merges';
import { dropFromSearch } from '../search';
import { keepAcknowledged, noticeLog } from './journal';
import { SYNC_META } from './meta';
import { pendingFields } from './outbox';

interface ApplyDeps {
  store: Store;
  writer: Writer;
  clock: LocalClock;
  now: () => Date;
}

function mergeClock(deps: ApplyDeps, hlc: string): void {
  const merged = deps.clock.receive(hlc);
  if (merged) setMeta(deps.store, SYNC_META.clockFloor, merged);
}

/**
 * Delete a local copy the device may no longer hold, and its search entry. A row that other
 * local rows still point at (a student with notes) stays for them, out of search; the server
 * no longer sends it. Pages apply with foreign keys deferred (a record may arrive before its
 * parent), where a delete's violation would surface only at commit and fail the whole page,
 * so the delete is checked at once.
 */
function removeLocal(store: Store, table: SyncedTable, id: string): void {
  const row = store.sql(`SELECT pk FROM ${table} WHERE id = ?`).get(id) as
    { pk: number } | undefined;
  if (!row) return;
  const deferred = store.db.pragma('defer_foreign_keys', { simple: true }) === 1;
  store.db.pragma('defer_foreign_keys = OFF');
  try {
    store.db.transaction(() => store.sql(`DELETE FROM ${table} WHERE pk = ?`).run(row.pk))();
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CONSTRAINT_FOREIGNKEY') throw error;
  } finally {
    if (deferred) store.db.pragma('defer_foreign_keys = ON');
  }
  dropFromSearch(store, table, row.pk);
}

/**
 * Record what the server did with a pushed batch, in one transaction: its entries leave
 * the outbox for the journal of acknowledged changes (journal.ts); fields that lost take the
 * winning value (the losing one is kept as a conflict to review, unless both are the same);
 * refused changes are kept with the reason and undone locally. Fields changed again since
 * the batch was read are left alone: they are still pending. Returns whether the answer says
 * the district's database was restored (journal.ts `noticeLog`): then a page it carries was
 * read after a cursor the restored log does not know, and is not to be applied.
 */
export function acknowledge(deps: ApplyDeps, batch: PushChange[], result: PushResult): boolean {
  const { store, writer } = deps;
  const at = deps.now().toISOString();
  const sent = new Map(batch.map((c) => [c.seq, c]));
  const restored = noticeLog(store, result.log, result.acknowledged);
  keepAcknowledged(
    store,
    result.acknowledged,
    result.outcomes.filter((o) => o.status === 'rejected').map((o) => o.seq),
    deps.now(),
  );
  store.sql('DELETE FROM change_log WHERE seq <= ?').run(result.acknowledged);
  const stillPending = pendingFields(
    store,
    result.outcomes.flatMap((o) => {
      const change = sent.get(o.seq);
      return change ? [change.rowId] : [];
    }),
  );
  for (const outcome of result.outcomes) {
    const change = sent.get(outcome.seq);
    if (!change || !isSyncedTable(change.table)) continue;
    const table = change.table;
    const pending = stillPending.get(`${table}:${change.rowId}`);
    if (pending === 'all') continue;
    /** `keptHlc`: the clock of the value the record keeps. Both sides the same: no conflict. */
    const conflict = (field: string, theirs: unknown, kept: 'mine' | 'theirs', keptHlc: string) => {
      const mine = JSON.stringify(change.values[field] ?? null);
      if (mine === JSON.stringify(theirs ?? null)) return;
      store
        .sql(
          `INSERT INTO sync_conflicts (tbl, row_id, field, mine, theirs, kept, kept_hlc, at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(table, change.rowId, field, mine, JSON.stringify(theirs ?? null), kept, keptHlc, at);
    };
    for (const [field, { value }] of Object.entries(outcome.overwrote))
      conflict(field, value, 'mine', change.hlc);
    const adopt: Record<string, unknown> = {};
    for (const [field, { value, hlc }] of Object.entries(outcome.current)) {
      mergeClock(deps, hlc);
      if (pending?.has(field)) continue;
      adopt[field] = value;
      if (outcome.status === 'superseded') conflict(field, value, 'theirs', hlc);
    }
    if (outcome.status === 'rejected')
      store
        .sql(
          `INSERT OR REPLACE INTO sync_rejections (seq, tbl, row_id, reason, sent, at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          outcome.seq,
          table,
          change.rowId,
          outcome.reason ?? 'Refused by the district server.',
          JSON.stringify(change.values),
          at,
        );
    if (outcome.missing && !pending) removeLocal(store, table, change.rowId);
    else if (Object.keys(adopt).length > 0) writer.applyRemote(table, change.rowId, adopt);
  }
  return restored;
}

/** Local rows in one audience narrower than the school (contract/audience.ts). */
function removeAudience(store: Store, audience: string): void {
  for (const [table, { ownerColumn }] of Object.entries(NARROWED_TABLES)) {
    if (audience.startsWith('team:')) {
      if (table !== 'strengths')
        store.sql(`DELETE FROM ${table} WHERE visibility = ?`).run(audience);
    } else if (audience.startsWith('staff:')) {
      const staffId = audience.slice('staff:'.length);
      const narrowed =
        table === 'strengths' ? "consent = 'recorder_only'" : "visibility = 'private'";
      store.sql(`DELETE FROM ${table} WHERE ${narrowed} AND ${ownerColumn} = ?`).run(staffId);
    }
  }
}

/**
 * A staff member the district took off a team (or deactivated) loses this computer's copies
 * of its keys, and the team gets a new key before anything more is written for it, as when
 * an administrator here makes the change (db/ops/staff.ts).
 */
function leaveTeams(deps: ApplyDeps, staffId: string, values: Record<string, unknown>): void {
  const row = deps.store.sql('SELECT teams, active FROM staff WHERE id = ?').get(staffId) as
    { teams: string; active: number } | undefined;
  if (!row) return;
  const before = JSON.parse(row.teams) as Team[];
  const active = values.active ?? row.active === 1;
  const after = active ? ((values.teams as Team[] | undefined) ?? before) : [];
  for (const team of before.filter((t) => !after.includes(t)))
    removeFromTeamKeys(deps.store, staffId, team, deps.now());
}

/**
 * Values this computer set that another computer's change replaced without having seen them
 * (server/sync/merge.ts `overwrote`): kept for review as a conflict the other value won, as
 * the computer that pushed second keeps its side (acknowledge). A field this computer has
 * changed again since is not listed: its newer value is on its way. A page pulled again
 * (after gaining an audience) adds nothing already kept, reviewed or not. Returns whether it
 * listed one.
 */
function keepOverwritten(
  deps: ApplyDeps,
  change: PulledChange,
  values: Record<string, unknown>,
): boolean {
  let kept = false;
  for (const [field, lost] of Object.entries(change.overwrote ?? {})) {
    if (!(field in values) || parseHlc(lost.hlc).node !== deps.clock.node) continue;
    const row = {
      tbl: change.table,
      rowId: change.rowId,
      field,
      mine: JSON.stringify(lost.value ?? null),
      theirs: JSON.stringify(values[field] ?? null),
      hlc: change.hlc,
      at: deps.now().toISOString(),
    };
    const inserted = deps.store
      .sql(
        `INSERT INTO sync_conflicts (tbl, row_id, field, mine, theirs, kept, kept_hlc, at)
         SELECT @tbl, @rowId, @field, @mine, @theirs, 'theirs', @hlc, @at
         WHERE NOT EXISTS (SELECT 1 FROM sync_conflicts WHERE tbl = @tbl AND row_id = @rowId
           AND field = @field AND mine = @mine AND theirs = @theirs)`,
      )
      .run(row);
    if (inserted.changes > 0) kept = true;
  }
  return kept;
}

/**
 * A conflict listed here that someone settled on another computer leaves the list when the
 * value they chose arrives: a pulled value, stamped after the value the conflict kept, that is
 * the one it did not keep. (The value that lost, pulled again in the page that brought the
 * conflict, is older; a third value leaves it listed: the value it lost may still matter.)
 * Checked only while this computer lists conflicts, so a first sync of a hundred thousand
 * records pays nothing.
 */
function settledElsewhere(deps: ApplyDeps, change: PulledChange, values: Record<string, unknown>) {
  const settle = deps.store.sql(
    `UPDATE sync_conflicts SET resolved_at = @at
     WHERE resolved_at IS NULL AND tbl = @tbl AND row_id = @rowId AND field = @field
       AND kept_hlc < @hlc AND (CASE kept WHEN 'mine' THEN theirs ELSE mine END) = @value`,
  );
  for (const [field, value] of Object.entries(values))
    settle.run({
      at: deps.now().toISOString(),
      tbl: change.table,
      rowId: change.rowId,
      field,
      hlc: change.hlc,
      value: JSON.stringify(value ?? null),
    });
}

/** `restart`: pull again from the start; `restored`: the district was restored (journal.ts). */
export type PageEffect = 'applied' | 'restart' | 'restored';

/**
 * Apply one pulled page with its cursor, in the caller's transaction. Audiences the device
 * lost are removed first; when it gained one, the page is not applied and the cursor goes
 * back to the start, because earlier records of that audience were never sent to it.
 * Returns the number of values that did not validate here (a newer server's records).
 */
export function applyPage(
  deps: ApplyDeps,
  page: PullPage,
): { effect: PageEffect; unreadable: number } {
  const { store, writer } = deps;
  if (noticeLog(store, page.log)) return { effect: 'restored', unreadable: 0 };
  const before = JSON.parse(getMeta(store, SYNC_META.audiences) ?? '[]') as string[];
  const now = new Set(page.audiences);
  for (const lost of before.filter((a) => !now.has(a))) removeAudience(store, lost);
  setMeta(store, SYNC_META.audiences, JSON.stringify(page.audiences));
  if (
    page.audiences.some((a) => !before.includes(a)) &&
    Number(getMeta(store, SYNC_META.cursor) ?? 0) > 0
  ) {
    setMeta(store, SYNC_META.cursor, '0');
    return { effect: 'restart', unreadable: 0 };
  }
  store.db.pragma('defer_foreign_keys = ON');
  const pending = pendingFields(
    store,
    page.changes.map((c) => c.rowId),
  );
  let unreadable = 0;
  let listsConflicts =
    store.sql('SELECT 1 FROM sync_conflicts WHERE resolved_at IS NULL LIMIT 1').get() !== undefined;
  const merged: { table: 'people' | 'students'; from: string; to: string }[] = [];
  // New records go in together (a first sync is almost all new records); what reads the
  // tables below (a removal, a staff member's teams, the merges) comes after a flush.
  const batch = writer.remoteBatch();
  for (const change of page.changes) {
    if (!isSyncedTable(change.table)) {
      unreadable += 1;
      continue;
    }
    mergeClock(deps, change.hlc);
    if (change.removed) {
      batch.flush();
      removeLocal(store, change.table, change.rowId);
      continue;
    }
    const held = pending.get(`${change.table}:${change.rowId}`);
    if (held === 'all') continue;
    const values = Object.fromEntries(
      Object.entries(change.values).filter(([field]) => !held?.has(field)),
    );
    if (Object.keys(values).length === 0) continue;
    if (listsConflicts) settledElsewhere(deps, change, values);
    if (keepOverwritten(deps, change, values)) listsConflicts = true;
    if (change.table === 'staff') {
      batch.flush();
      leaveTeams(deps, change.rowId, values);
    }
    if (!batch.apply(change.table, change.rowId, values)) unreadable += 1;
    else if (
      (change.table === 'people' || change.table === 'students') &&
      typeof values.mergedIntoId === 'string'
    )
      merged.push({ table: change.table, from: change.rowId, to: values.mergedIntoId });
  }
  batch.flush();
  // A merge made elsewhere: what only this computer holds moves to the record kept (db/merges.ts).
  for (const { table, from, to } of merged)
    (table === 'people' ? movePersonReferences : moveStudentReferences)(store, writer, from, to);
  setMeta(store, SYNC_META.cursor, String(page.next));
  setMeta(store, SYNC_META.lastSyncAt, deps.now().toISOString());
  return { effect: 'applied', unreadable };
}
