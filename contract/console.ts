import { z } from 'zod';
import { id, instant, isoDate, line } from './fields';
import { disclosureSchema } from './records';
import { serverStaffSchema } from './server';

/**
 * What the district console reads from the server beyond the admin routes' own answers: its
 * session, and the lists its screens show. The console validates every answer with these, as
 * the server validates every body with the input schemas.
 */

const when = z.iso.datetime({ offset: true });

/**
 * `POST` and `GET /v1/console/session`: who is signed in, and the token every request that
 * changes anything must carry in `x-hearth-csrf` (the session itself is an HttpOnly cookie).
 * `GET` answers null when no one is.
 */
export const consoleSessionSchema = z.object({
  staff: serverStaffSchema,
  csrfToken: z.string(),
  expiresAt: when,
});

/** `GET /v1/admin/devices`: a computer of a school the administrator manages. */
export const adminDeviceSchema = z.object({
  id,
  name: line(100),
  school: z.object({ id, name: line() }),
  enrolledAt: when,
  lastSeenAt: when.nullable(),
  revokedAt: when.nullable(),
  /** Changes the server refused from this computer (each told to the computer's user). */
  refusedChanges: z.int().min(0),
  /** Audit entries it sent naming someone who never signed in on it through the district. */
  refusedAuditEntries: z.int().min(0),
  /**
   * What it last said about itself as it synced (contract/sync.ts COMPUTER_HEADER): null
   * until a computer of a version that says it has synced.
   */
  appVersion: z.string().nullable(),
  changesWaiting: z.int().min(0).nullable(),
  conflictsWaiting: z.int().min(0).nullable(),
});

/** `GET /v1/admin/staff?schoolId=`: a school's staff accounts, as the console lists them. */
export const adminStaffQuery = z.strictObject({ schoolId: id });

export const adminStaffSchema = serverStaffSchema.extend({
  active: z.boolean(),
  /** A password is set: an account the roster made has none until an administrator sets one. */
  hasPassword: z.boolean(),
  /** The district roster made it: its name and whether it is active come from the roster. */
  fromRoster: z.boolean(),
  /**
   * When an administrator stopped it here: the roster cannot make it active again until an
   * administrator allows it here.
   */
  stoppedInConsoleAt: instant.nullable(),
});

const rosterCounts = z.object({
  created: z.int().min(0),
  updated: z.int().min(0),
  removed: z.int().min(0),
});

/** What a roster import did, or (a dry run) would do: counts per kind of record. */
export const rosterSummarySchema = z.object({
  version: z.enum(['1.1', '1.2']),
  mode: z.enum(['bulk', 'delta']),
  schools: rosterCounts,
  students: rosterCounts,
  caregivers: rosterCounts,
  links: rosterCounts,
  households: rosterCounts,
  staff: rosterCounts,
});

/** `POST /v1/admin/roster`: the summary, and whether it was a dry run (nothing changed). */
export const rosterImportResultSchema = rosterSummarySchema.extend({ dryRun: z.boolean() });

/** `GET /v1/admin/roster/imports`: one import of the history, latest first. */
export const rosterImportRecordSchema = z.object({
  id,
  importedAt: when,
  /** Who ran it; null from the command line. */
  importedByName: z.string().nullable(),
  summary: rosterSummarySchema,
});

/**
 * `GET /v1/admin/disclosures`: records of disclosure (FERPA) the schools' computers kept,
 * newest first, a page at a time; one school or (a district administrator) all; days in UTC.
 */
export const adminDisclosureQuery = z.strictObject({
  schoolId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Records older than this one (the last of the previous page). */
  before: id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const adminDisclosureSchema = disclosureSchema.extend({
  schoolName: z.string(),
  /** Names the district holds; null for a record it never received or an account it lacks. */
  studentName: z.string().nullable(),
  disclosedByName: z.string().nullable(),
});

/** `GET /v1/admin/server`: what district IT asks first when something is wrong. */
export const serverInfoSchema = z.object({
  /** The server's build (package version). */
  version: z.string(),
  /** The sync protocol versions it takes from computers. */
  protocols: z.object({ min: z.int(), max: z.int() }),
  database: z.enum(['postgres', 'pglite']),
  databaseVersion: z.string(),
  schema: z.int(),
  /** When the database was last marked restored from a backup (server/sync/epoch.ts). */
  restoredAt: when.nullable(),
});

export type ConsoleSession = z.infer<typeof consoleSessionSchema>;
export type AdminDevice = z.infer<typeof adminDeviceSchema>;
export type ServerInfo = z.infer<typeof serverInfoSchema>;
export type AdminStaff = z.infer<typeof adminStaffSchema>;
export type AdminDisclosure = z.infer<typeof adminDisclosureSchema>;
export type RosterSummary = z.infer<typeof rosterSummarySchema>;
export type RosterImportRecord = z.infer<typeof rosterImportRecordSchema>;
