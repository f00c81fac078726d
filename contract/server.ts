import { z } from 'zod';
import { email, id, line, secret, timeZone } from './fields';
import { staffKeyRecordSchema } from './keys';
import { TEAMS, staffRole } from './records';
import { saidSchema } from './words';

/**
 * The district server's HTTP contract, shared by the server (which validates every body with
 * it) and the desktop core's sync client. Paths are versioned; every error body is an
 * ErrorBody with a stable code.
 */

export const serverStaffSchema = z.object({
  id,
  schoolId: id.nullable(),
  email,
  displayName: line(),
  role: staffRole,
  teams: z.array(z.enum(TEAMS)),
});

export const serverSchoolSchema = z.object({ id, name: line(), timeZone });

/** Creates the first school and its district administrator; refused once anyone exists. */
export const bootstrapInput = z.strictObject({
  /** The one-time code the server printed when it first started (server/main.ts). */
  setupCode: z.string().max(100),
  schoolName: line(),
  timeZone,
  adminName: line(),
  email,
  password: secret(8),
});

export const credentialsInput = z.strictObject({ email, password: secret(1) });

/**
 * Staff signing in on an enrolled computer: by email, or by the staff id the computer lists
 * (its staff records carry no email).
 */
export const deviceSignInInput = z.union([
  credentialsInput,
  z.strictObject({
    staffId: id,
    password: secret(1),
    /** This person's key record, for the server to keep (contract/keys.ts). */
    keys: staffKeyRecordSchema.optional(),
  }),
]);

export const deviceSignInResult = z.object({
  staff: serverStaffSchema,
  /** The key record the server keeps for this person, if it has one. */
  keys: staffKeyRecordSchema.nullable(),
});

export const adminSessionSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
  staff: serverStaffSchema,
});

export const enrollmentCodeInput = z.strictObject({
  schoolId: id,
  /** How long the code works; an hour unless the administrator says otherwise. */
  validMinutes: z
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60),
});

export const enrollmentCodeSchema = z.object({
  code: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});

export const enrollInput = z.strictObject({
  code: z.string().trim().min(1, 'cannot be empty').max(40, 'must be at most 40 characters'),
  deviceName: line(100),
});

export const enrolledSchema = z.object({
  deviceId: id,
  /** The device's secret; shown once, stored by the server only as a hash. */
  token: z.string(),
  school: serverSchoolSchema,
});

export const deviceStatusSchema = z.object({ deviceId: id, school: serverSchoolSchema });

/** A district administrator adds a school. */
export const schoolInput = z.strictObject({ name: line(), timeZone });

/** An administrator adds a staff member to a school they manage. */
export const staffAccountInput = z.strictObject({
  schoolId: id,
  email,
  displayName: line(),
  role: staffRole,
  teams: z.array(z.enum(TEAMS)).max(TEAMS.length),
  password: secret(8),
});

/** Changes to a staff member; teams and active decide what their devices receive. */
export const staffAccountPatch = z
  .strictObject({
    displayName: line(),
    role: staffRole,
    teams: z.array(z.enum(TEAMS)).max(TEAMS.length),
    active: z.boolean(),
    /** A first password for an account the roster made, or a reset. */
    password: secret(8),
  })
  .partial();

/** `GET /health`: the process is alive (the database is not asked). */
export const serverHealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['postgres', 'pglite']),
  schema: z.int(),
});

/** `GET /ready`: 200 when the database answers and holds this server's schema, else 503. */
export const serverReadySchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ready'), schema: z.int() }),
  z.object({ status: z.literal('not_ready'), message: z.string(), said: saidSchema.optional() }),
]);

export type ServerStaff = z.infer<typeof serverStaffSchema>;
export type ServerSchool = z.infer<typeof serverSchoolSchema>;
export type Enrolled = z.infer<typeof enrolledSchema>;
