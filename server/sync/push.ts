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
  WORDS,
  REFUSALS,
  say,
} from '../../contract';
import {
  computerState,
  deviceTokenHash,
  heldDevice,
  type DeviceCaller,
  type HeldDevice,
} from '../auth/guards';
import type { Sql } from '../db';
import { ServerError } from '../errors';
import { audiencesOf } from './device-staff';
import { mergeChange, type StoredRecord } from './merge';
import type { PushAnswer, PushGroups, PushWrite } from './group-commit';
import type { JsonPieces, LogCache } from './log-cache';
import type { PushReads } from './push-reads';
import { keptPage, pageOfRow, pageJson, type Page, type PageAsk } from './pull';
import {
  entriesJson,
  logEntriesOf,
  recordKey,
  recordNames,
  recordsByKey,
  recordsJson,
  type LogEntry,
} from './store';

/**
 * Refuse the whole batch before any SQL when a name is not in the contract's table of
 * synced records, or a clock is unreadable or more than a day ahead of the server's.
 */
export function checkBatch(changes: PushChange[], nowMs: number): void {
  changes.forEach((change, index) => {
    const where = `changes.${index}`;
    if (!isSyncedTable(change.table))
      throw new ServerError(400, 'VALIDATION', say(WORDS.unknownTable), [
        { path: `${where}.table`, message: 'is not a synced table' },
      ]);
    const schema = SYNCED_RECORDS[change.table];
    const unknown = Object.keys(change.values).find((field) => !Object.hasOwn(schema.shape, field));
    if (unknown !== undefined)
      throw new ServerError(400, 'VALIDATION', say(WORDS.unknownField), [
        {
          path: `${where}.values`,
          message: `${change.table} has no field ${unknown.slice(0, 40)}`,
        },
      ]);
    let wall: number;
    try {
      wall = parseHlc(change.hlc).wall;
    } catch {
      throw new ServerError(400, 'VALIDATION', say(WORDS.unreadableClock), [
        { path: `${where}.hlc`, message: 'is not a clock timestamp' },
      ]);
    }
    if (wall - nowMs > MAX_DRIFT_MS)
      throw new ServerError(400, 'CLOCK_AHEAD', say(WORDS.clockAhead));
  });
}

/** The writes and the answer of a batch, decided from what READ_PUSHES read. */
export interface PushPlan {
  result: PushResult;
  records: StoredRecord[];
  log: LogEntry[];
  rejected: { seq: number; reason: string }[];
}

/** The seq of a batch's last change: where the device's pushed seq moves. */
const lastSeqOf = (changes: PushChange[]): number => changes[changes.length - 1]?.seq ?? 0;

/**
 * sync_push refused to write because another push changed what this one read (40001), or
 * PostgreSQL broke a deadlock (40P01; sync_push's lock order should leave none, but a
 * retry is the right answer to one).
 */
const raced = (error: unknown) =>
  typeof error === 'object' &&
  error !== null &&
  ['40001', '40P01'].includes(String((error as { code?: unknown }).code));

/** Enough for every push that races another for one device or record to get its turn. */
const MAX_ATTEMPTS = 8;

/**
 * A batch, applied all or nothing, and its answer as JSON in UTF-8 (a PushResult, with the
 * first page of what is new when the batch asked for it). Two statements at most, whatever
 * the batch, each shared with other pushes when they come together (each message to
 * PostgreSQL is a good part of a push's cost): READ_PUSHES (push-reads.ts), then sync_push
 * (migration 0008) in a group with other pushes of the school (group-commit.ts), which writes
 * only if no other push changed the device's pushed seq or a record this one writes in
 * between; if one did, the batch is read and decided again.
 */
export async function pushBatch(
  db: Sql,
  { reads, groups, cache }: { reads: PushReads; groups: PushGroups; cache: LogCache },
  request: FastifyRequest,
  input: PushInput,
): Promise<Buffer> {
  const { changes, pull } = input;
  const [tables, ids] = recordNames(changes.map((c) => ({ table: c.table, id: c.rowId })));
  const read = {
    hash: deviceTokenHash(request).toString('hex'),
    tables,
    ids,
    seqs: changes.map((c) => c.seq),
  };
  for (let attempt = 1; ; attempt++) {
    const { device, pushedSeq, row } = heldDevice(await reads.read(read));
    const versions = new Map(row.records.map((r) => [recordKey(r.tbl, r.id), r.version]));
    const plan = planPush(
      { device, pushedSeq },
      recordsByKey(row.records),
      new Map(row.rejections.map((r) => [r.seq, r.reason])),
      input,
    );
    const audiences = audiencesOf(device);
    try {
      const answer = await groups.write(
        pushWrite({ device, pushedSeq }, plan, input, {
          versions,
          audiences,
          state: computerState(request),
        }),
        device.log.epoch,
      );
      const pushed = JSON.stringify({ ...plan.result, log: device.log });
      if (!pull) return Buffer.from(pushed, 'utf8');
      const page = await pageOfPush(db, cache, device, { ...pull, audiences }, answer);
      return withPage(pushed, pageJson(page, audiences, device.log));
    } catch (error) {
      if (!raced(error)) throw error;
      if (attempt === MAX_ATTEMPTS) throw new ServerError(503, 'CONFLICT', say(WORDS.serverBusy));
    }
  }
}

/**
 * A decided batch as sync_push takes it: its JSON for PostgreSQL, each record with the row
 * version READ_PUSHES read (`versions`, by recordKey; none for a new record).
 */
export function pushWrite(
  { device, pushedSeq }: HeldDevice,
  plan: PushPlan,
  { changes, pull }: PushInput,
  read: { versions: Map<string, string>; audiences: string[]; state: string | null },
): PushWrite {
  return {
    device: device.deviceId,
    pushed: pushedSeq,
    last: lastSeqOf(changes),
    school: device.school.id,
    entries: entriesJson(plan.log),
    records: recordsJson(
      plan.records.map((r) => ({
        ...r,
        version: read.versions.get(recordKey(r.table, r.id)) ?? null,
      })),
    ),
    rejections: JSON.stringify(plan.rejected),
    after: pull?.after ?? 0,
    audiences: read.audiences,
    limit: pull?.limit ?? null,
    state: read.state,
  };
}

const CLOSE_BRACE = Buffer.from('}');

/** A push's answer (its result and the log, as JSON text) with its page's JSON joined in. */
export const withPage = (pushed: string, page: JsonPieces): Buffer =>
  Buffer.concat([Buffer.from(`${pushed.slice(0, -1)},"page":`), ...page, CLOSE_BRACE]);

/** The page a push's answer brings, as its write left it (group-commit.ts). */
function pageOfPush(
  db: Sql,
  cache: LogCache,
  device: DeviceCaller,
  ask: PageAsk,
  answer: PushAnswer,
): Promise<Page> | Page {
  switch (answer.kind) {
    case 'kept':
      return keptPage(db, cache, device, ask, answer);
    case 'read':
      return pageOfRow(answer.page, ask.after, ask.limit);
    case 'none':
      return pageOfRow(undefined, ask.after, ask.limit);
  }
}

/**
 * Decide a batch: changes already applied (seq at or below the device's pushed seq) are
 * answered again without being reapplied (`earlierRejections`: the reasons kept for those
 * refused then); each new one merges field by field into `records` or is refused with a
 * reason the device shows its user.
 */
export function planPush(
  { device, pushedSeq: pushed }: HeldDevice,
  records: Map<string, StoredRecord>,
  earlierRejections: Map<number, string>,
  { basedOn, changes }: PushInput,
): PushPlan {
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
          reason: REFUSALS.notSignedIn.defaultMessage,
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
    const entries = logEntriesOf(result, incoming);
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

  return {
    result: { acknowledged: Math.max(pushed, last), outcomes },
    records: [...dirty.values()],
    log,
    rejected,
  };
}
