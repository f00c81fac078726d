import type { FastifyRequest } from 'fastify';
import {
  MAX_DRIFT_MS,
  SCHOOL_AUDIENCE,
  SYNCED_RECORDS,
  isSyncedTable,
  parseHlc,
  type PushChange,
  type PushInput,
  type PushOutcome,
  type PushResult,
  type SyncedTable,
} from '../../contract';
import {
  DEVICE_STAFF,
  SEEN_IS_STALE,
  findDevice,
  type DeviceRow,
  type HeldDevice,
} from '../auth/guards';
import type { Sql } from '../db';
import { ServerError } from '../errors';
import { audiencesOf } from './device-staff';
import { mergeChange, type StoredRecord } from './merge';
import {
  commitChanges,
  distinctIds,
  holdRecordsWhere,
  loadRecords,
  logEntriesOf,
  recordKey,
  recordsByKey,
  type LogEntry,
  type RecordRow,
} from './store';

/**
 * Refuse the whole batch before any SQL when a name is not in the contract's table of
 * synced records, or a clock is unreadable or more than a day ahead of the server's.
 */
export function checkBatch(changes: PushChange[], nowMs: number): void {
  changes.forEach((change, index) => {
    const where = `changes.${index}`;
    if (!isSyncedTable(change.table))
      throw new ServerError(400, 'VALIDATION', 'The batch names a table Hearth does not sync.', [
        { path: `${where}.table`, message: 'is not a synced table' },
      ]);
    const schema = SYNCED_RECORDS[change.table];
    const unknown = Object.keys(change.values).find((field) => !Object.hasOwn(schema.shape, field));
    if (unknown !== undefined)
      throw new ServerError(400, 'VALIDATION', 'The batch names a field Hearth does not sync.', [
        {
          path: `${where}.values`,
          message: `${change.table} has no field ${unknown.slice(0, 40)}`,
        },
      ]);
    let wall: number;
    try {
      wall = parseHlc(change.hlc).wall;
    } catch {
      throw new ServerError(400, 'VALIDATION', 'The batch has an unreadable clock.', [
        { path: `${where}.hlc`, message: 'is not a clock timestamp' },
      ]);
    }
    if (wall - nowMs > MAX_DRIFT_MS)
      throw new ServerError(
        400,
        'CLOCK_AHEAD',
        'This computer’s clock is more than a day ahead. Set the right date and time, then sync again.',
      );
  });
}

/**
 * What a push needs before it merges, in one statement (each round trip to PostgreSQL is a
 * good part of a push's cost): the device, locked; its pushed seq moved to `$3` (and
 * `last_seen_at` as in requireDevice, in the same update: one statement must not update a
 * row twice); and the batch's stored records (`$2`), locked as in store.ts, only once the
 * device is known.
 *
 * `fresh` says whether the statement's snapshot already held the device row it locked. When
 * it did not, another push of the same device committed while this one waited for the lock,
 * and records that push created are missing from `records`: the caller reads them again.
 */
const HOLD_PUSH = `WITH device AS (
     SELECT d.id, d.revoked_at, d.pushed_seq, d.xmin::text AS version, s.id AS school_id,
       s.name, s.time_zone
     FROM devices d JOIN schools s ON s.id = d.school_id WHERE d.token_hash = $1
     FOR UPDATE OF d
   ), moved AS (
     UPDATE devices SET pushed_seq = greatest(pushed_seq, $3),
       last_seen_at = CASE WHEN ${SEEN_IS_STALE} THEN now() ELSE last_seen_at END
     WHERE id = (SELECT id FROM device WHERE revoked_at IS NULL)
   ), held AS (
     ${holdRecordsWhere('id = ANY($2::uuid[]) AND EXISTS (SELECT 1 FROM device WHERE revoked_at IS NULL)')}
   )
   SELECT device.id, device.revoked_at, device.pushed_seq, device.school_id, device.name,
     device.time_zone, ${DEVICE_STAFF},
     (SELECT d.xmin::text FROM devices d WHERE d.id = device.id) = device.version AS fresh,
     coalesce((SELECT json_agg(held) FROM held), '[]') AS records
   FROM device`;

/** The seq of a batch's last change: where the device's pushed seq moves (holdPush). */
export const lastSeqOf = (changes: PushChange[]): number => changes[changes.length - 1]?.seq ?? 0;

/** A device with its pushed seq, and the stored records a batch names, locked. */
export interface HeldPush extends HeldDevice {
  records: Map<string, StoredRecord>;
}

/**
 * requireDevice for a push, with the device's row locked until `tx` ends (one push per
 * device at a time: a second push waits and then sees the first one's seq), its pushed seq
 * moved to `last`, and the records with these ids locked (see HOLD_PUSH). Every change up to
 * `last` is handled by this transaction, so the mark moves now and is undone with the
 * transaction on failure.
 */
export async function holdPush(
  tx: Sql,
  request: FastifyRequest,
  ids: string[],
  last: number,
): Promise<HeldPush> {
  const unique = distinctIds(ids);
  const { device, pushedSeq, row } = await findDevice<
    DeviceRow & { fresh: boolean; records: RecordRow[] }
  >(tx, request, HOLD_PUSH, [unique, last]);
  // The device's row is locked now, so a new statement sees the other push's records.
  const records = row.fresh ? recordsByKey(row.records) : await loadRecords(tx, unique);
  return { device, pushedSeq, records };
}

/**
 * Apply one batch in the caller's transaction: changes already applied (seq at or below
 * the device's pushed_seq) are answered again without being reapplied; each new one merges
 * field by field or is refused with a reason the device shows its user.
 */
export async function applyPush(
  tx: Sql,
  { device, pushedSeq: pushed, records }: HeldPush,
  { basedOn, changes }: PushInput,
): Promise<PushResult> {
  const last = lastSeqOf(changes);
  const writers = new Map(device.staff.map((s) => [s.id, s]));
  const visible = new Set([SCHOOL_AUDIENCE, ...audiencesOf(device)]);
  const schoolId = device.school.id;

  /** The server's values of a change's fields, if the device may see that record at all. */
  const currentOf = (change: PushChange, fields: string[]) => {
    const record = records.get(recordKey(change.table, change.rowId));
    if (!record || record.schoolId !== schoolId || !visible.has(record.audience))
      return { current: {}, missing: true };
    const current: PushOutcome['current'] = {};
    for (const field of fields)
      if (record.clocks[field] !== undefined)
        current[field] = { value: record.data[field], hlc: record.clocks[field] };
    return { current, missing: false };
  };

  const outcomes: PushOutcome[] = [];
  const dirty = new Map<string, StoredRecord>();
  const log: LogEntry[] = [];
  const rejected: { seq: number; reason: string }[] = [];

  const earlier = changes.filter((c) => c.seq <= pushed);
  const earlierRejections = new Map(
    earlier.length === 0
      ? []
      : (
          await tx.query<{ seq: string; reason: string }>(
            'SELECT seq, reason FROM sync_rejections WHERE device_id = $1 AND seq = ANY($2::bigint[])',
            [device.deviceId, earlier.map((c) => c.seq)],
          )
        ).map((r) => [Number(r.seq), r.reason]),
  );
  for (const change of earlier) {
    const reason = earlierRejections.get(change.seq);
    const fields = Object.keys(change.values);
    if (reason !== undefined) {
      outcomes.push({
        seq: change.seq,
        status: 'rejected',
        reason,
        overwrote: {},
        ...currentOf(change, fields),
      });
      continue;
    }
    const record = records.get(recordKey(change.table, change.rowId));
    const moved = fields.filter((f) => record?.clocks[f] !== change.hlc);
    if (moved.length > 0)
      outcomes.push({
        seq: change.seq,
        status: 'duplicate',
        reason: null,
        overwrote: {},
        ...currentOf(change, moved),
      });
  }

  for (const change of changes.filter((c) => c.seq > pushed)) {
    // An entry whose fields all travel with a later one, or whose row left this device.
    if (Object.keys(change.values).length === 0) continue;
    const table = change.table as SyncedTable;
    const key = recordKey(table, change.rowId);
    const incoming = { ...change, table };
    const writer = change.by ? writers.get(change.by) : undefined;
    const result = writer
      ? mergeChange(records.get(key) ?? null, incoming, schoolId, writer, basedOn)
      : {
          kind: 'rejected' as const,
          reason: 'It was made by someone who has not signed in to the district on this computer.',
        };
    if (result.kind === 'rejected') {
      rejected.push({ seq: change.seq, reason: result.reason });
      outcomes.push({
        seq: change.seq,
        status: 'rejected',
        reason: result.reason,
        overwrote: {},
        ...currentOf(change, Object.keys(change.values)),
      });
      continue;
    }
    records.set(key, result.record);
    const entries = logEntriesOf(result, incoming, device.deviceId);
    // A change that won no field leaves the stored record as it was.
    if (entries.length > 0) dirty.set(key, result.record);
    log.push(...entries);
    const { lost, overwrote } = result;
    if (Object.keys(lost).length > 0 || Object.keys(overwrote).length > 0)
      outcomes.push({
        seq: change.seq,
        status: Object.keys(lost).length > 0 ? 'superseded' : 'applied',
        reason: null,
        current: lost,
        overwrote,
        missing: false,
      });
  }

  if (rejected.length > 0)
    await tx.query(
      `INSERT INTO sync_rejections (device_id, seq, reason)
       SELECT $1, unnest($2::bigint[]), unnest($3::text[])`,
      [device.deviceId, rejected.map((r) => r.seq), rejected.map((r) => r.reason)],
    );
  const acknowledged = Math.max(pushed, last);
  // Last, so the school's log lock is held only for the append and the commit.
  await commitChanges(tx, schoolId, [...dirty.values()], log);
  return { acknowledged, outcomes };
}
