import {
  RETIRED_AUDIENCE,
  formatHlc,
  parseHlc,
  tick,
  type ServerStaff,
  type SyncedRecord,
  type SyncedTable,
} from '../../contract';
import type { Sql } from '../db';
import { dropSharesOutside } from './keys';
import { mergeChange, type StoredRecord } from './merge';
import { commitChanges, loadRecords, logEntriesOf, recordKey, type LogEntry } from './store';

const SERVER_NODE = 'server';
/** Records loaded and appended per round trip in a large publish (a roster import). */
const CHUNK = 1_000;

/** Values the server writes into one record: all of a new record, or some fields of one. */
export interface ServerWrite {
  table: SyncedTable;
  id: string;
  schoolId: string;
  values: Record<string, unknown>;
}

/** Stamped just after the newest clock on the record, so it wins over every value there. */
function stampAfter(existing: StoredRecord | null, nowMs: number): string {
  const newest = existing ? Object.values(existing.clocks).sort().pop() : undefined;
  const previous = newest
    ? { ...parseHlc(newest), node: SERVER_NODE }
    : { wall: 0, counter: 0, node: SERVER_NODE };
  return formatHlc(tick(previous, nowMs));
}

async function inChunks<T>(items: T[], work: (chunk: T[]) => Promise<void>): Promise<void> {
  for (let at = 0; at < items.length; at += CHUNK) await work(items.slice(at, at + CHUNK));
}

/** Append each school's entries with its records (commitChanges locks one school's log). */
async function commitBySchool(
  tx: Sql,
  bySchool: Map<string, { records: StoredRecord[]; entries: LogEntry[] }>,
): Promise<void> {
  for (const [schoolId, { records, entries }] of bySchool)
    await commitChanges(tx, schoolId, records, entries);
}

function batchFor(
  bySchool: Map<string, { records: StoredRecord[]; entries: LogEntry[] }>,
  schoolId: string,
) {
  let batch = bySchool.get(schoolId);
  if (!batch) bySchool.set(schoolId, (batch = { records: [], entries: [] }));
  return batch;
}

/**
 * Write records the server itself owns (schools, staff accounts, the roster) so they sync
 * down to devices. A write to a record the server does not have must hold the whole record;
 * only fields that differ from the stored values are logged. Returns how many records changed.
 * Invariant: the values must pass the contract's schema once merged, or this throws and the
 * caller's transaction rolls back (the server never stores a record a device would refuse).
 */
export async function publishMany(
  tx: Sql,
  writes: ServerWrite[],
  nowMs = Date.now(),
): Promise<number> {
  let changed = 0;
  await inChunks(writes, async (chunk) => {
    const stored = await loadRecords(tx, chunk);
    const bySchool = new Map<string, { records: StoredRecord[]; entries: LogEntry[] }>();
    for (const write of chunk) {
      const existing = stored.get(recordKey(write.table, write.id)) ?? null;
      const revived = existing?.audience === RETIRED_AUDIENCE;
      const values = Object.fromEntries(
        Object.entries(write.values).filter(
          ([field, value]) =>
            !existing || JSON.stringify(existing.data[field]) !== JSON.stringify(value),
        ),
      );
      if (Object.keys(values).length === 0 && !revived) continue;
      const change = {
        table: write.table,
        rowId: write.id,
        hlc: stampAfter(existing, nowMs),
        insert: !existing,
        values,
      };
      const result = mergeChange(existing, change, write.schoolId, null);
      if (result.kind === 'rejected')
        throw new Error(`server record ${write.table} refused: ${result.reason}`);
      const batch = batchFor(bySchool, write.schoolId);
      batch.records.push(result.record);
      batch.entries.push(...logEntriesOf(result, change));
      stored.set(recordKey(write.table, write.id), result.record);
      changed += 1;
    }
    await commitBySchool(tx, bySchool);
  });
  return changed;
}

export async function publish<T extends SyncedTable>(
  tx: Sql,
  table: T,
  record: SyncedRecord<T>,
  nowMs = Date.now(),
): Promise<void> {
  const data = record as Record<string, unknown>;
  const schoolId = String(table === 'schools' ? data.id : data.schoolId);
  await publishMany(tx, [{ table, id: String(data.id), schoolId, values: data }], nowMs);
}

/**
 * A staff account changed (name, role, teams, active): devices receive it, and a member who
 * left a team, or Hearth, keeps no share of its keys on the server.
 */
export async function staffChanged(
  tx: Sql,
  staff: ServerStaff & { active: boolean },
): Promise<void> {
  await dropSharesOutside(tx, staff.id, staff.active ? staff.teams : []);
  await publishStaff(tx, staff);
}

/** The staff record devices receive: the account without its email or password. */
export async function publishStaff(
  tx: Sql,
  staff: ServerStaff & { active: boolean },
): Promise<void> {
  if (staff.schoolId === null) return;
  await publish(tx, 'staff', {
    id: staff.id,
    schoolId: staff.schoolId,
    displayName: staff.displayName,
    role: staff.role,
    teams: staff.teams,
    active: staff.active,
  });
}

/**
 * Take records off every device: each moves to the retired audience, which no device
 * receives, and its old audience gets a removal entry. The record stays on the server as a
 * tombstone (for good: a device offline for any time still learns of the removal), and a
 * later write by the server (the roster listing it again) brings it back whole.
 * Returns how many records were retired.
 */
export async function retireMany(
  tx: Sql,
  records: { table: SyncedTable; id: string }[],
  nowMs = Date.now(),
): Promise<number> {
  let retired = 0;
  await inChunks(records, async (chunk) => {
    const stored = await loadRecords(tx, chunk);
    const bySchool = new Map<string, { records: StoredRecord[]; entries: LogEntry[] }>();
    for (const { table, id } of chunk) {
      const record = stored.get(recordKey(table, id));
      if (!record || record.audience === RETIRED_AUDIENCE) continue;
      const batch = batchFor(bySchool, record.schoolId);
      batch.entries.push({
        schoolId: record.schoolId,
        audience: record.audience,
        table,
        rowId: id,
        hlc: stampAfter(record, nowMs),
        values: {},
        removed: true,
      });
      batch.records.push({ ...record, audience: RETIRED_AUDIENCE });
      retired += 1;
    }
    await commitBySchool(tx, bySchool);
  });
  return retired;
}
