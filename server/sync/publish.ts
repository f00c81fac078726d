import { formatHlc, parseHlc, tick, type SyncedRecord, type SyncedTable } from '../../contract';
import type { Sql } from '../db';
import { mergeChange } from './merge';
import { commitChanges, loadRecords, logEntriesOf, recordKey } from './store';

const SERVER_NODE = 'server';

/**
 * Write a record the server itself owns (a school, a staff member's account, the roster) so
 * that it syncs down to devices. Stamped just after the newest clock on the record, so it
 * wins over every value already there; only fields that differ are logged.
 */
export async function publish<T extends SyncedTable>(
  tx: Sql,
  table: T,
  record: SyncedRecord<T>,
  nowMs = Date.now(),
): Promise<void> {
  const data = record as Record<string, unknown>;
  const id = String(data.id);
  const schoolId = String(table === 'schools' ? data.id : data.schoolId);
  const existing = (await loadRecords(tx, [id])).get(recordKey(table, id)) ?? null;
  const newest = existing ? Object.values(existing.clocks).sort().pop() : undefined;
  const previous = newest
    ? { ...parseHlc(newest), node: SERVER_NODE }
    : { wall: 0, counter: 0, node: SERVER_NODE };
  const hlc = formatHlc(tick(previous, nowMs));
  const values = Object.fromEntries(
    Object.entries(data).filter(
      ([field, value]) =>
        !existing || JSON.stringify(existing.data[field]) !== JSON.stringify(value),
    ),
  );
  if (Object.keys(values).length === 0) return;
  const change = { table, rowId: id, hlc, insert: !existing, values };
  const result = mergeChange(existing, change, schoolId, null);
  if (result.kind === 'rejected') throw new Error(`server record refused: ${result.reason}`);
  await commitChanges(tx, schoolId, [result.record], logEntriesOf(result, change, null));
}
