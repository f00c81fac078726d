import type { PushChange, SyncedTable } from '../../contract';
import { COLUMNS, fromRow } from '../columns';
import type { Store } from '../store';

/**
 * The outbox is the change log itself: an entry stays until the server acknowledges it
 * (db/sync/acknowledge.ts deletes it then), so every entry here is unacknowledged.
 */
interface Entry {
  seq: number;
  tbl: SyncedTable;
  row_id: string;
  fields: string | null;
  hlc: string;
  staff_id: string | null;
}

/** The fields a pending entry set; null means all of them (it created the row). */
const fieldsOf = (entry: { fields: string | null }): string[] | null =>
  entry.fields === null ? null : (JSON.parse(entry.fields) as string[]);

/**
 * The oldest `limit` pending changes, ready to push. Values are read from the row as it is
 * now; a field that a later pending entry sets again is left to that entry, so a field
 * edited many times offline travels once, with its newest clock.
 */
export function nextBatch(store: Store, limit: number): PushChange[] {
  const entries = store
    .sql('SELECT seq, tbl, row_id, fields, hlc, staff_id FROM change_log ORDER BY seq LIMIT ?')
    .all(limit) as Entry[];
  const last = entries[entries.length - 1];
  if (!last) return [];
  const setLater = new Map<string, Set<string>>();
  // Only the batch's own rows matter; SQLite filters, so a long queue is not parsed per batch.
  const later = store
    .sql(
      `SELECT tbl, row_id, fields FROM change_log
       WHERE seq > ? AND row_id IN (SELECT value FROM json_each(?))`,
    )
    .iterate(last.seq, JSON.stringify([...new Set(entries.map((e) => e.row_id))])) as Iterable<
    Pick<Entry, 'tbl' | 'row_id' | 'fields'>
  >;
  const note = (entry: Pick<Entry, 'tbl' | 'row_id' | 'fields'>) => {
    const key = `${entry.tbl}:${entry.row_id}`;
    const set = setLater.get(key) ?? new Set<string>();
    for (const field of fieldsOf(entry) ?? COLUMNS[entry.tbl].map((c) => c.field)) set.add(field);
    setLater.set(key, set);
  };
  for (const entry of later) note(entry);

  const rows = new Map<string, Record<string, unknown> | null>();
  const changes: PushChange[] = [];
  for (const entry of [...entries].reverse()) {
    const key = `${entry.tbl}:${entry.row_id}`;
    if (!rows.has(key)) {
      const row = store.sql(`SELECT * FROM ${entry.tbl} WHERE id = ?`).get(entry.row_id) as
        Record<string, unknown> | undefined;
      rows.set(key, row ? (fromRow(entry.tbl, row) as Record<string, unknown>) : null);
    }
    const record = rows.get(key);
    const insert = entry.fields === null;
    const skip = setLater.get(key);
    const values: Record<string, unknown> = {};
    // A row removed from this device since (the server took it out of its reach) sends nothing.
    if (record)
      for (const field of fieldsOf(entry) ?? COLUMNS[entry.tbl].map((c) => c.field))
        if (insert || !skip?.has(field)) values[field] = record[field];
    changes.push({
      seq: entry.seq,
      table: entry.tbl,
      rowId: entry.row_id,
      hlc: entry.hlc,
      by: entry.staff_id,
      insert: insert && record !== null,
      values,
    });
    note(entry);
  }
  return changes.reverse();
}

export function pendingCount(store: Store): number {
  return (store.sql('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
}

/**
 * Pending fields of these rows by `table:id`; `all` when the row itself has not reached the
 * server yet.
 */
export function pendingFields(store: Store, rowIds: string[]): Map<string, Set<string> | 'all'> {
  const pending = new Map<string, Set<string> | 'all'>();
  if (rowIds.length === 0) return pending;
  const entries = store
    .sql(
      'SELECT tbl, row_id, fields FROM change_log WHERE row_id IN (SELECT value FROM json_each(?))',
    )
    .iterate(JSON.stringify([...new Set(rowIds)])) as Iterable<
    Pick<Entry, 'tbl' | 'row_id' | 'fields'>
  >;
  for (const entry of entries) {
    const key = `${entry.tbl}:${entry.row_id}`;
    const fields = fieldsOf(entry);
    const known = pending.get(key);
    if (fields === null) pending.set(key, 'all');
    else if (known !== 'all') pending.set(key, new Set([...(known ?? []), ...fields]));
  }
  return pending;
}
