import { RETIRED_AUDIENCE, type SyncedTable } from '../../contract';
import type { Sql } from '../db';
import type { IncomingChange, MergeResult, StoredRecord } from './merge';

export interface LogEntry {
  schoolId: string;
  audience: string;
  table: SyncedTable;
  rowId: string;
  hlc: string;
  values: Record<string, unknown>;
  removed: boolean;
  /** Values set elsewhere that this entry replaced unseen (merge.ts `overwrote`). */
  overwrote?: Record<string, { value: unknown; hlc: string }>;
}

export interface RecordRow {
  tbl: SyncedTable;
  id: string;
  school_id: string;
  audience: string;
  data: Record<string, unknown>;
  clocks: Record<string, string>;
  seqs: Record<string, number>;
}

const key = (table: string, id: string) => `${table}:${id}`;

/**
 * The stored records with these ids, locked until the transaction ends, so two merges into
 * one record take turns and never decide on the same stale clocks. Every writer locks rows in
 * one order (tbl, id), so two transactions never wait for each other's. A row that does not
 * exist yet cannot be locked: the school's log lock orders creations (sync_push).
 */
const HOLD_RECORDS = `SELECT r.tbl, r.id, r.school_id, r.audience, r.data, r.clocks, r.seqs
   FROM records r WHERE (r.tbl, r.id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
   ORDER BY r.tbl, r.id FOR UPDATE OF r`;

/** Rows of `records` keyed by `table:id`. */
export const recordsByKey = (rows: RecordRow[]): Map<string, StoredRecord> =>
  new Map(
    rows.map((r) => [
      key(r.tbl, r.id),
      {
        table: r.tbl,
        id: r.id,
        schoolId: r.school_id,
        audience: r.audience,
        data: r.data,
        clocks: r.clocks,
        seqs: r.seqs,
      },
    ]),
  );

/**
 * Records named by table and id, each once, as two arrays for `unnest($n::text[],
 * $m::uuid[])`: `records` is looked up by its primary key (tbl, id), the only index on it.
 */
export function recordNames(names: { table: string; id: string }[]): [string[], string[]] {
  const tables: string[] = [];
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const { table, id } of names) {
    const name = key(table, id);
    if (seen.has(name)) continue;
    seen.add(name);
    tables.push(table);
    ids.push(id);
  }
  return [tables, ids];
}

/** The stored records with these names (HOLD_RECORDS), keyed by `table:id`. */
export async function loadRecords(
  tx: Sql,
  names: { table: string; id: string }[],
): Promise<Map<string, StoredRecord>> {
  return recordsByKey(await tx.query<RecordRow>(HOLD_RECORDS, recordNames(names)));
}

export const recordKey = key;

/**
 * Log entries as sync_append and sync_push take them (migration 0008). Without their school
 * or device: sync_append writes every entry and record under the school whose log lock it
 * holds (migration 0021) and names the device it is given (migration 0022), and each byte
 * here is one PostgreSQL parses inside that lock.
 */
export const entriesJson = (entries: LogEntry[]): string =>
  JSON.stringify(
    entries.map((e) => ({
      audience: e.audience,
      tbl: e.table,
      row_id: e.rowId,
      hlc: e.hlc,
      vals: e.values,
      removed: e.removed,
      ...(e.overwrote ? { overwrote: e.overwrote } : {}),
    })),
  );

/**
 * Records to save as sync_append and sync_push take them, without their school (as
 * entriesJson); sync_push checks `version`.
 */
export const recordsJson = (records: (StoredRecord & { version?: string | null })[]): string =>
  JSON.stringify(
    records.map((r) => ({
      tbl: r.table,
      id: r.id,
      audience: r.audience,
      data: r.data,
      clocks: r.clocks,
      seqs: r.seqs,
      version: r.version ?? null,
    })),
  );

/**
 * Append the server's own entries (no device wrote them) in the given order and save the
 * records in the caller's transaction, holding the school's log lock to commit (sync_append,
 * migration 0008), noting in each record which seq carried each of its values. Records are
 * saved only with entries: a record whose change won no field is left as it was. A device's
 * push appends through sync_push instead.
 */
export async function commitChanges(
  tx: Sql,
  schoolId: string,
  records: StoredRecord[],
  entries: LogEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query('SELECT sync_append($1::uuid, NULL, $2::jsonb, $3::jsonb)', [
    schoolId,
    entriesJson(entries),
    recordsJson(records),
  ]);
}

/**
 * What a merged change appends to the log: the fields it won, or the whole record when the
 * record is new or just reached another audience (whose readers have no copy), preceded by
 * a removal for the audience it left.
 */
export function logEntriesOf(
  result: Extract<MergeResult, { kind: 'merged' }>,
  change: IncomingChange,
): LogEntry[] {
  const { record, won, leftAudience, overwrote } = result;
  const entry = {
    schoolId: record.schoolId,
    table: record.table,
    rowId: record.id,
    hlc: change.hlc,
  };
  const entries: LogEntry[] = [];
  // Nobody holds a retired record, so bringing one back needs no removal entry.
  if (leftAudience && leftAudience !== RETIRED_AUDIENCE)
    entries.push({ ...entry, audience: leftAudience, values: {}, removed: true });
  const values = leftAudience || change.insert ? record.data : won;
  // What was overwritten travels only where it already was: not to an audience the record
  // just reached, whose readers never held it.
  const replaced = !leftAudience && Object.keys(overwrote).length > 0 ? { overwrote } : {};
  if (Object.keys(values).length > 0)
    entries.push({ ...entry, audience: record.audience, values, removed: false, ...replaced });
  return entries;
}
