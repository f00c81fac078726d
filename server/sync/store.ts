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
  deviceId: string | null;
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
 * The stored records the condition selects (by id), locked until the transaction ends, so
 * two merges into one record take turns and never decide on the same stale clocks. Rows are locked in
 * one order (tbl, id) by every caller, so two transactions never wait for each other's.
 * (Two devices creating a record with the same id at the same moment is not guarded: ids
 * are UUIDv7 made by one device.)
 */
export const holdRecordsWhere = (condition: string) =>
  `SELECT tbl, id, school_id, audience, data, clocks, seqs FROM records
   WHERE ${condition} ORDER BY tbl, id FOR UPDATE`;

const HOLD_RECORDS = holdRecordsWhere('id = ANY($1::uuid[])');

/** Rows of HOLD_RECORDS keyed by `table:id`. */
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

export const distinctIds = (ids: string[]): string[] => [...new Set(ids)];

/** The stored records with these ids (HOLD_RECORDS), keyed by `table:id`. */
export async function loadRecords(tx: Sql, ids: string[]): Promise<Map<string, StoredRecord>> {
  return recordsByKey(await tx.query<RecordRow>(HOLD_RECORDS, [distinctIds(ids)]));
}

export const recordKey = key;

/**
 * Append the entries in the given order and save the records, in one statement (one round
 * trip), noting in each record which seq carried each of its values.
 *
 * Every append to a school's part of sync_log holds a transaction-scoped lock for that
 * school until commit, so its appends commit one after another and a reader (who reads one
 * school) never sees a sequence number before a smaller one. Schools do not wait for each
 * other. The lock is taken before any seq is drawn. Seqs are drawn in the entries' order
 * (PostgreSQL evaluates a volatile select list after the ORDER BY), so a record's later
 * entries get larger seqs, and `jsonb_object_agg` in seq order keeps the last seq for each
 * field. Each entry is stored as its wire text too (migration 0005).
 * Records are saved only with entries: a record whose change won no field is left as it was.
 */
export async function commitChanges(
  tx: Sql,
  schoolId: string,
  records: StoredRecord[],
  entries: LogEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `WITH locked AS MATERIALIZED (
       SELECT pg_advisory_xact_lock(hashtext('hearth-sync-log'), hashtext($2)) AS ok
     ), numbered AS MATERIALIZED (
       SELECT nextval(pg_get_serial_sequence('sync_log', 'seq')) AS seq, x.e
       FROM locked, jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x (e, n)
       ORDER BY x.n
     ), appended AS (
       INSERT INTO sync_log (seq, school_id, audience, tbl, row_id, hlc, removed, device_id, wire)
       SELECT seq, (e->>'school_id')::uuid, e->>'audience', e->>'tbl', (e->>'row_id')::uuid,
         e->>'hlc', (e->>'removed')::boolean, (e->>'device_id')::uuid,
         json_build_object('seq', seq, 'table', e->'tbl', 'rowId', e->'row_id', 'hlc', e->'hlc',
           'values', e->'vals', 'removed', e->'removed')::text
       FROM numbered
     ), carried AS (
       SELECT e->>'tbl' AS tbl, (e->>'row_id')::uuid AS row_id,
         jsonb_object_agg(f.field, seq ORDER BY seq) AS seqs
       FROM numbered, jsonb_object_keys(e->'vals') AS f (field)
       WHERE NOT (e->>'removed')::boolean GROUP BY 1, 2
     )
     INSERT INTO records (tbl, id, school_id, audience, data, clocks, seqs)
     SELECT r.tbl, r.id, r.school_id, r.audience, r.data, r.clocks,
       r.seqs || coalesce(c.seqs, '{}'::jsonb)
     FROM jsonb_to_recordset($3::jsonb)
       AS r (tbl text, id uuid, school_id uuid, audience text, data jsonb, clocks jsonb, seqs jsonb)
       LEFT JOIN carried c ON c.tbl = r.tbl AND c.row_id = r.id
     ON CONFLICT (tbl, id) DO UPDATE SET school_id = excluded.school_id,
       audience = excluded.audience, data = excluded.data, clocks = excluded.clocks,
       seqs = excluded.seqs`,
    [
      JSON.stringify(
        entries.map((e) => ({
          school_id: e.schoolId,
          audience: e.audience,
          tbl: e.table,
          row_id: e.rowId,
          hlc: e.hlc,
          vals: e.values,
          removed: e.removed,
          device_id: e.deviceId,
        })),
      ),
      schoolId,
      JSON.stringify(
        records.map((r) => ({
          tbl: r.table,
          id: r.id,
          school_id: r.schoolId,
          audience: r.audience,
          data: r.data,
          clocks: r.clocks,
          seqs: r.seqs,
        })),
      ),
    ],
  );
}

/**
 * What a merged change appends to the log: the fields it won, or the whole record when the
 * record is new or just reached another audience (whose readers have no copy), preceded by
 * a removal for the audience it left.
 */
export function logEntriesOf(
  result: Extract<MergeResult, { kind: 'merged' }>,
  change: IncomingChange,
  deviceId: string | null,
): LogEntry[] {
  const { record, won, leftAudience } = result;
  const entry = {
    schoolId: record.schoolId,
    table: record.table,
    rowId: record.id,
    hlc: change.hlc,
    deviceId,
  };
  const entries: LogEntry[] = [];
  // Nobody holds a retired record, so bringing one back needs no removal entry.
  if (leftAudience && leftAudience !== RETIRED_AUDIENCE)
    entries.push({ ...entry, audience: leftAudience, values: {}, removed: true });
  const values = leftAudience || change.insert ? record.data : won;
  if (Object.keys(values).length > 0)
    entries.push({ ...entry, audience: record.audience, values, removed: false });
  return entries;
}
