import type { z } from 'zod';
import {
  REFUSALS,
  RETIRED_AUDIENCE,
  SYNCED_RECORDS,
  audienceOf,
  type SyncedTable,
} from '../../contract';
import { refusal, type Writer } from './permissions';

type Rec = Record<string, unknown>;

/** The device (or `server`) that stamped a clock: its last dot-separated part. */
const nodeOf = (hlc: string) => hlc.slice(hlc.lastIndexOf('.') + 1);

/** A record as the server keeps it: the contract's record and each field's winning clock. */
export interface StoredRecord {
  table: SyncedTable;
  id: string;
  schoolId: string;
  audience: string;
  data: Rec;
  clocks: Record<string, string>;
  /** Field name -> the sync_log seq that carried its value (store.ts fills it in). */
  seqs: Record<string, number>;
}

export interface IncomingChange {
  table: SyncedTable;
  rowId: string;
  hlc: string;
  insert: boolean;
  values: Rec;
}

export type MergeResult =
  | { kind: 'rejected'; reason: string }
  | {
      kind: 'merged';
      record: StoredRecord;
      /** Fields this change set, with its values: what the log records. */
      won: Rec;
      /** Fields where a newer value was already there: those values and their clocks. */
      lost: Record<string, { value: unknown; hlc: string }>;
      /** Values from another device this change replaced without its device having seen them. */
      overwrote: Record<string, { value: unknown; hlc: string }>;
      /** The audience before, when this change moved the record to another. */
      leftAudience: string | null;
    };

function validate(
  table: SyncedTable,
  record: Rec,
): { ok: true; data: Rec } | { ok: false; reason: string } {
  const parsed = (SYNCED_RECORDS[table] as z.ZodType).safeParse(record);
  if (parsed.success) return { ok: true, data: parsed.data as Rec };
  const details = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'record'}: ${issue.message}`)
    .join('; ');
  return { ok: false, reason: `${REFUSALS.invalid.defaultMessage} (${details})` };
}

/**
 * Per-field last-writer-wins: each field takes the change's value only if the change's
 * clock is newer than the clock of the value there. The merged record must still satisfy
 * the contract (fields that only make sense together) and the writer's permissions, or
 * the change is refused whole. `writer` null is the server itself (accounts, roster).
 */
export function mergeChange(
  existing: StoredRecord | null,
  change: IncomingChange,
  schoolId: string,
  writer: Writer | null,
  /** The pushing device's pull cursor: log entries above it were unseen when it pushed. */
  basedOn = Number.MAX_SAFE_INTEGER,
): MergeResult {
  const { table } = change;
  // Another school's record answers as one the server does not have: its id tells nothing.
  if ((existing && existing.schoolId !== schoolId) || (!existing && !change.insert))
    return { kind: 'rejected', reason: REFUSALS.notOnServer.defaultMessage };
  if (writer && existing?.audience === RETIRED_AUDIENCE)
    return { kind: 'rejected', reason: REFUSALS.leftRoster.defaultMessage };

  const won: Rec = {};
  const lost: Record<string, { value: unknown; hlc: string }> = {};
  const overwrote: Record<string, { value: unknown; hlc: string }> = {};
  const node = nodeOf(change.hlc);
  for (const [field, value] of Object.entries(change.values)) {
    const current = existing?.clocks[field];
    if (current !== undefined && change.hlc <= current) {
      lost[field] = { value: existing?.data[field], hlc: current };
      continue;
    }
    won[field] = value;
    const unseen = (existing?.seqs[field] ?? 0) > basedOn && nodeOf(current ?? '') !== node;
    const differs = JSON.stringify(existing?.data[field]) !== JSON.stringify(value);
    if (current !== undefined && unseen && differs)
      overwrote[field] = { value: existing?.data[field], hlc: current };
  }
  const merged = { ...existing?.data, ...won, id: change.rowId };
  // Permission first: a writer who may not write this learns nothing about its shape.
  if (writer) {
    const reason = refusal(table, existing?.data ?? null, merged, writer);
    if (reason) return { kind: 'rejected', reason: reason.defaultMessage };
  }
  const candidate = validate(table, merged);
  if (!candidate.ok) return { kind: 'rejected', reason: candidate.reason };
  const data = candidate.data;
  if ((table === 'schools' ? data.id : data.schoolId) !== schoolId)
    return { kind: 'rejected', reason: REFUSALS.otherSchool.defaultMessage };
  const clocks = { ...existing?.clocks };
  for (const field of Object.keys(won)) clocks[field] = change.hlc;
  const audience = audienceOf(table, data);
  return {
    kind: 'merged',
    record: {
      table,
      id: change.rowId,
      schoolId,
      audience,
      data,
      clocks,
      seqs: { ...existing?.seqs },
    },
    won,
    lost,
    overwrote,
    leftAudience: existing && existing.audience !== audience ? existing.audience : null,
  };
}
