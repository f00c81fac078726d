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

interface RecordRow {
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
 * The stored records with these ids, keyed by `table:id`, locked until the transaction
 * ends, so two merges into one record take turns and never decide on the same stale clocks.
 * (Two devices creating a record with the same id at the same moment is not guarded: ids
 * are UUIDv7 made by one device.)
 */
export async function loadRecords(tx: Sql, ids: string[]): Promise<Map<string, StoredRecord>> {
  const rows = await tx.query<RecordRow>(
    `SELECT tbl, id, school_id, audience, data, clocks, seqs FROM records
     WHERE id = ANY($1::uuid[]) ORDER BY tbl, id FOR UPDATE`,
    [[...new Set(ids)]],
  );
  return new Map(
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
}

export const recordKey = key;

async function saveRecords(tx: Sql, records: StoredRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `INSERT INTO records (tbl, id, school_id, audience, data, clocks, seqs)
     SELECT r.tbl, r.id, r.school_id, r.audience, r.data, r.clocks, r.seqs
     FROM jsonb_to_recordset($1::jsonb)
       AS r (tbl text, id uuid, school_id uuid, audience text, data jsonb, clocks jsonb, seqs jsonb)
     ON CONFLICT (tbl, id) DO UPDATE SET school_id = excluded.school_id,
       audience = excluded.audience, data = excluded.data, clocks = excluded.clocks,
       seqs = excluded.seqs`,
    [
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
 * Append in the given order and return each entry's seq.
 *
 * Every append to a school's part of sync_log holds a transaction-scoped lock for that
 * school until commit, so its appends commit one after another and a reader (who reads one
 * school) never sees a sequence number before a smaller one. Schools do not wait for each
 * other. Seqs come from the column default, taken row by row in the ORDER BY's order, so
 * entries of one record get increasing seqs in the order given.
 */
async function appendLog(tx: Sql, schoolId: string, entries: LogEntry[]): Promise<number[]> {
  // The lock is taken in the same statement, before any row (and its seq) is made.
  const rows = await tx.query<{ seq: string; row_id: string; removed: boolean }>(
    `WITH locked AS MATERIALIZED (
       SELECT pg_advisory_xact_lock(hashtext('hearth-sync-log'), hashtext($2)) AS ok
     )
     INSERT INTO sync_log (school_id, audience, tbl, row_id, hlc, vals, removed, device_id)
     SELECT (e->>'school_id')::uuid, e->>'audience', e->>'tbl', (e->>'row_id')::uuid,
       e->>'hlc', e->'vals', (e->>'removed')::boolean, (e->>'device_id')::uuid
     FROM locked, jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x (e, n)
     ORDER BY x.n
     RETURNING seq, row_id, removed`,
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
    ],
  );
  const byKey = new Map<string, number[]>();
  for (const row of rows.sort((a, b) => Number(a.seq) - Number(b.seq))) {
    const k = `${row.row_id}:${row.removed}`;
    byKey.set(k, [...(byKey.get(k) ?? []), Number(row.seq)]);
  }
  return entries.map((e) => byKey.get(`${e.rowId}:${e.removed}`)?.shift() as number);
}

/**
 * Append the entries, note in each record which seq carried each of its values, and save
 * the records: one round trip for each.
 */
export async function commitChanges(
  tx: Sql,
  schoolId: string,
  records: StoredRecord[],
  entries: LogEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const seqs = await appendLog(tx, schoolId, entries);
  const byKey = new Map(records.map((r) => [key(r.table, r.id), r]));
  entries.forEach((entry, i) => {
    const record = byKey.get(key(entry.table, entry.rowId));
    if (!record || entry.removed) return;
    for (const field of Object.keys(entry.values)) record.seqs[field] = seqs[i] as number;
  });
  await saveRecords(tx, records);
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
