import { z } from 'zod';
import { id, instant, isoDate, line } from './fields';
import { saidSchema } from './words';
import { AUDIT_ACTIONS, AUDIT_RECORD_TYPES, SCHOOL_WIDE_RECORDS, auditEntrySchema } from './views';

/**
 * The sync wire format (DESIGN.md "Sync"), shared by the server, which validates every push
 * with it, and the device's sync client.
 *
 * A device's change log entry travels as one PushChange: the fields one local write set,
 * with their current values and the write's clock. Its op id is (device, seq): the server
 * keeps, per device, the highest seq it has applied, so a batch sent twice is applied once.
 * Table and field names are plain strings here on purpose: the server checks them against
 * SYNCED_RECORDS before any SQL sees them, and refuses the whole batch if one is unknown.
 */

/** Most changes one push may carry; a bigger batch is refused whole. */
export const MAX_PUSH_CHANGES = 500;
/**
 * Most a push's changes may weigh as JSON text: a device stops a batch before it is heavier.
 * The server refuses a request body over twice this whole (server/routes/sync.ts), which
 * leaves room for the rest of the request and for escaping. A count alone was not enough:
 * 140 caution-list photos (60 kB each) made a batch the server refused, and the outbox
 * stuck on it at every sync.
 */
export const MAX_PUSH_BYTES = 4 * 1024 * 1024;

/**
 * The sync protocol this build speaks. A computer sends it with every request to the district
 * (`PROTOCOL_HEADER`); the server answers every request with the range it takes
 * (`PROTOCOLS_HEADER`, "1-1") and refuses a computer outside it with 426, saying which side
 * needs the update. Raise it when the other side would misread what changed on the wire.
 * Computers from before the handshake send no header: they speak version 1.
 */
export const PROTOCOL_VERSION = 1;
export const PROTOCOL_HEADER = 'hearth-protocol';
export const PROTOCOLS_HEADER = 'hearth-protocols';

/**
 * What a computer tells the district about itself with its sync requests, for the console's
 * list of computers: its app version and what waits on it (changes not yet sent, conflicts
 * nobody has settled). A header, so that a server from before it ignores it.
 */
export const COMPUTER_HEADER = 'hearth-computer';

export interface ComputerState {
  appVersion: string;
  changesWaiting: number;
  conflictsWaiting: number;
}

export const computerHeader = (state: ComputerState): string =>
  `version=${state.appVersion}; changes=${state.changesWaiting}; conflicts=${state.conflictsWaiting}`;

const COMPUTER_STATE = /^version=([0-9A-Za-z.+-]{1,40}); changes=(\d{1,9}); conflicts=(\d{1,9})$/;

/** The header as a computer sent it, or null when it is missing or not in this shape. */
export function readComputerHeader(value: unknown): ComputerState | null {
  const parts = typeof value === 'string' ? COMPUTER_STATE.exec(value) : null;
  if (!parts) return null;
  return {
    appVersion: parts[1] as string,
    changesWaiting: Number(parts[2]),
    conflictsWaiting: Number(parts[3]),
  };
}
/** Most changes one pull page returns. */
export const MAX_PULL_CHANGES = 2_000;

const name = z.string().min(1).max(40);
const hlcText = z.string().min(1).max(100);

export const pushChangeSchema = z.strictObject({
  seq: z.int().positive(),
  table: name,
  rowId: id,
  hlc: hlcText,
  /** The staff member signed in when the change was made. */
  by: id.nullable(),
  /** The write created the row: `values` holds the whole record. */
  insert: z.boolean(),
  values: z.record(name, z.unknown()),
});

export const pullQuery = z.strictObject({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(MAX_PULL_CHANGES).default(MAX_PULL_CHANGES),
});

/**
 * One record's change in the server's log: the fields that won, or `removed` when the record
 * left an audience (a device that no longer may see it deletes its copy).
 */
export const pulledChangeSchema = z.object({
  seq: z.int().positive(),
  table: z.string(),
  rowId: z.string(),
  hlc: hlcText,
  values: z.record(z.string(), z.unknown()),
  removed: z.boolean(),
  /**
   * Values another computer had set that these replaced without it having seen them (two
   * computers changed one field offline), each with its clock: the computer that stamped
   * it keeps it for review.
   */
  overwrote: z.record(z.string(), z.object({ value: z.unknown(), hlc: hlcText })).optional(),
});

/**
 * The district's log as a computer should know it, with every sync answer (older servers send
 * none). `epoch` changes when the district's database was restored from a backup
 * (server/sync/epoch.ts); a computer that saw another one sends again its changes after
 * `resendAfter` (the last of its own the restored database kept) and pulls again after
 * `head` (the last entry of the restored log).
 */
export const syncLogSchema = z.object({
  epoch: z.string().min(1),
  head: z.int().min(0),
  resendAfter: z.int().min(0),
});

export const pullPageSchema = z.object({
  changes: z.array(pulledChangeSchema),
  /** The cursor to store with this page. */
  next: z.int().min(0),
  more: z.boolean(),
  /**
   * What the device's signed-in staff may see: `team:<team>` and `staff:<id>` (someone's
   * private records), besides everything shared with the whole school. A device that held
   * an audience no longer listed removes those records; one that gains an audience pulls
   * again from the start.
   */
  audiences: z.array(z.string()),
  /** The school's key version (server/sync/keys.ts): a new one means keys to fetch. */
  keys: z.int().min(0),
  log: syncLogSchema.optional(),
});

export const pushInput = z.strictObject({
  /** The device's pull cursor when it read this batch: what it had seen of others' changes. */
  basedOn: z.int().min(0),
  changes: z
    .array(pushChangeSchema)
    .min(1)
    .max(MAX_PUSH_CHANGES)
    .refine((changes) => changes.every((c, i) => i === 0 || c.seq > (changes[i - 1]?.seq ?? 0)), {
      message: 'changes must be in increasing seq order',
    }),
  /**
   * Also answer with the first page of the log after `after`, read once this batch has
   * committed: a device's usual exchange (a few changes up, what is new down) in one round
   * trip. A device sends it with its last batch.
   */
  pull: z
    .strictObject({
      after: z.int().min(0),
      limit: z.int().min(1).max(MAX_PULL_CHANGES),
    })
    .optional(),
});

const fieldValue = z.object({ value: z.unknown(), hlc: hlcText });

/**
 * What became of one change that did not simply apply.
 * - applied, with `overwrote`: it replaced values from another device that this device had
 *   not seen yet (made at the same time); those are kept for review as conflicts.
 * - superseded: some fields lost to newer values (`current`), which the device adopts; its
 *   own values are kept for review as conflicts.
 * - rejected: nothing of it applied, for `reason`; the device adopts `current` (the
 *   server's values for those fields; empty when the record does not exist there).
 * - duplicate: sent before and already handled; `current` holds fields whose server value
 *   is no longer this change's.
 */
export const pushOutcomeSchema = z.object({
  seq: z.int().positive(),
  status: z.enum(['applied', 'superseded', 'rejected', 'duplicate']),
  reason: z.string().nullable(),
  current: z.record(z.string(), fieldValue),
  overwrote: z.record(z.string(), fieldValue),
  /** The record does not exist on the server (a rejected insert). */
  missing: z.boolean(),
});

export const pushResultSchema = z.object({
  /** Every change up to this seq is handled; the device may forget them. */
  acknowledged: z.int().min(0),
  /** Only the changes that did not simply apply. */
  outcomes: z.array(pushOutcomeSchema),
  /** The page the push asked for with `pull`. */
  page: pullPageSchema.optional(),
  log: syncLogSchema.optional(),
});

/** Most audit entries one upload may carry. */
export const MAX_AUDIT_UPLOAD = 1_000;

/**
 * One entry of a device's audit log (db/privacy/audit.ts) as the district keeps it: who read
 * or changed which restricted records, about whom, and when. Which device it came from is
 * the server's to say (the token's), not the entry's.
 */
export const uploadedAuditEntrySchema = z
  .strictObject({
    id,
    at: instant,
    staffId: id,
    action: z.enum(AUDIT_ACTIONS),
    recordType: z.enum(AUDIT_RECORD_TYPES),
    recordIds: z.array(id).min(1).max(MAX_PULL_CHANGES),
    studentId: id.nullable(),
    personId: id.nullable(),
  })
  .refine(
    (entry) =>
      SCHOOL_WIDE_RECORDS.includes(entry.recordType)
        ? entry.studentId === null && entry.personId === null
        : (entry.studentId === null) !== (entry.personId === null),
    { message: 'an entry is about a student or a person, or (a school-wide record) neither' },
  );

export const auditUploadInput = z.strictObject({
  entries: z.array(uploadedAuditEntrySchema).min(1).max(MAX_AUDIT_UPLOAD),
});

export const auditUploadResult = z.object({
  /** Entries the district did not have yet (an upload sent twice stores nothing new). */
  stored: z.int().min(0),
  /**
   * Entries the district will not keep: they name someone who never signed in on this
   * computer through the district. Sending them again changes nothing.
   */
  refused: z.array(z.object({ id, reason: z.string() })),
});

/**
 * An administrator's view of the audit log, newest first, a page at a time: one school, or
 * (a district administrator leaving it out) every school; narrowed by who, what and when
 * (days in UTC, both ends included).
 */
export const districtAuditQuery = z.strictObject({
  schoolId: id.optional(),
  staffId: id.optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  recordType: z.enum(AUDIT_RECORD_TYPES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Entries older than this one (the last entry of the previous page). */
  before: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/**
 * A device's audit entry as the district lists it: the school and computer it came from,
 * and the names the district knows (null for someone it does not hold, such as a computer's
 * own first administrator, or a record it never received).
 */
export const districtAuditEntrySchema = auditEntrySchema.extend({
  staffName: z.string().nullable(),
  aboutName: z.string().nullable(),
  deviceName: z.string(),
  schoolId: id,
  schoolName: z.string(),
});

export type PushChange = z.infer<typeof pushChangeSchema>;
export type PushInput = z.infer<typeof pushInput>;
export type PushOutcome = z.infer<typeof pushOutcomeSchema>;
export type PushResult = z.infer<typeof pushResultSchema>;
export type PulledChange = z.infer<typeof pulledChangeSchema>;
export type PullPage = z.infer<typeof pullPageSchema>;
export type PullQuery = z.infer<typeof pullQuery>;
export type SyncLog = z.infer<typeof syncLogSchema>;
export type UploadedAuditEntry = z.infer<typeof uploadedAuditEntrySchema>;
export type AuditUploadInput = z.infer<typeof auditUploadInput>;
export type AuditUploadResult = z.infer<typeof auditUploadResult>;
export type DistrictAuditEntry = z.infer<typeof districtAuditEntrySchema>;

/** What the app shows about sync (the top bar and the Sync panel). */
export const syncStatusSchema = z.object({
  /** The device was enrolled with a district server. */
  joined: z.boolean(),
  serverUrl: z.string().nullable(),
  state: z.enum(['not_joined', 'joining', 'waiting', 'syncing', 'offline', 'stopped']),
  lastError: z
    .object({ code: z.string(), message: z.string(), said: saidSchema.optional() })
    .nullable(),
  /** Changes pushed and pulled so far in the exchange under way (a first sync's progress). */
  progress: z.object({ pushed: z.int(), pulled: z.int() }).nullable(),
  nextAttemptAt: z.string().nullable(),
  /** Local changes the server has not acknowledged yet. */
  pending: z.int().min(0),
  lastSyncAt: z.string().nullable(),
  conflicts: z.int().min(0),
  rejections: z.int().min(0),
  /** A sign-in being checked by the district server, or why it failed. */
  districtSignIn: z
    .object({
      state: z.enum(['checking', 'failed']),
      message: z.string().nullable(),
      said: saidSchema.optional(),
    })
    .nullable(),
});

/** Joining a district with the one-time code its IT gave for this computer. */
export const joinInput = z.strictObject({
  serverUrl: z
    .url({ protocol: /^https?$/, error: 'must be a web address starting with http:// or https://' })
    .max(300),
  code: line(40),
  deviceName: line(100),
});

/** A field changed here and elsewhere at the same time; both values, as JSON text. */
export const syncConflictSchema = z.object({
  id: z.int(),
  table: z.string(),
  rowId: z.string(),
  /** What the record is, in words ("Okafor family", "Ada Okafor"). */
  record: z.string(),
  field: z.string(),
  mine: z.string(),
  theirs: z.string(),
  kept: z.enum(['mine', 'theirs']),
  at: z.string(),
});

/** A change the server refused, and why. */
export const syncRejectionSchema = z.object({
  seq: z.int(),
  table: z.string(),
  rowId: z.string(),
  record: z.string(),
  reason: z.string(),
  at: z.string(),
});

export const syncReviewSchema = z.object({
  conflicts: z.array(syncConflictSchema),
  rejections: z.array(syncRejectionSchema),
});

export type SyncStatus = z.infer<typeof syncStatusSchema>;
export type SyncConflict = z.infer<typeof syncConflictSchema>;
export type SyncRejection = z.infer<typeof syncRejectionSchema>;
