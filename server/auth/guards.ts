import { COMPUTER_HEADER, WORDS, readComputerHeader, say } from '../../contract';
import type { FastifyRequest } from 'fastify';
import type { ServerSchool, ServerStaff, SyncLog } from '../../contract';
import type { Sql } from '../db';
import { ServerError, forbidden } from '../errors';
import { checkForgery, consoleToken } from './console-session';
import { LOG_COLUMNS } from '../sync/epoch';
import { hashSecret } from './secrets';

export interface StaffRow {
  id: string;
  school_id: string | null;
  email: string;
  display_name: string;
  role: ServerStaff['role'];
  teams: ServerStaff['teams'];
}

export const STAFF_COLUMNS = 's.id, s.school_id, s.email, s.display_name, s.role, s.teams';

export const toStaff = (row: StaffRow): ServerStaff => ({
  id: row.id,
  schoolId: row.school_id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  teams: row.teams,
});

function bearer(request: FastifyRequest, prefix: 'hd' | 'ha'): string {
  const header = request.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!token.startsWith(`${prefix}_`))
    throw new ServerError(401, 'UNAUTHORIZED', say(WORDS.noValidToken));
  return token;
}

/**
 * An administrator's session token: a bearer token (scripts), or else the district console's
 * cookie, checked against forgery when the request would change anything.
 */
export function adminToken(request: FastifyRequest): string {
  if (request.headers.authorization !== undefined) return bearer(request, 'ha');
  const token = consoleToken(request);
  if (!token) throw new ServerError(401, 'UNAUTHORIZED', say(WORDS.noValidToken));
  checkForgery(request, token);
  return token;
}

/** The active administrator whose unexpired session this token is, and when it ends; or null. */
export async function adminSession(
  db: Sql,
  token: string,
): Promise<{ staff: ServerStaff; expiresAt: Date } | null> {
  const [row] = await db.query<StaffRow & { expires_at: Date }>(
    `SELECT ${STAFF_COLUMNS}, a.expires_at FROM admin_sessions a
     JOIN staff_accounts s ON s.id = a.staff_id
     WHERE a.token_hash = $1 AND a.expires_at > now() AND s.active AND s.role = 'administrator'`,
    [hashSecret(token)],
  );
  return row ? { staff: toStaff(row), expiresAt: row.expires_at } : null;
}

/** The administrator whose unexpired session the request carries. */
export async function requireAdmin(db: Sql, request: FastifyRequest): Promise<ServerStaff> {
  const session = await adminSession(db, adminToken(request));
  if (!session) throw new ServerError(401, 'UNAUTHORIZED', say(WORDS.sessionEnded));
  return session.staff;
}

/** District administrators manage every school; a school's administrator only their own. */
export const manages = (staff: ServerStaff, schoolId: string) =>
  staff.schoolId === null || staff.schoolId === schoolId;

/** For a school the caller names: refused when it is not theirs to manage. */
export function checkManages(staff: ServerStaff, schoolId: string): void {
  if (!manages(staff, schoolId)) throw forbidden(say(WORDS.manageOwnDevices));
}

export interface DeviceCaller {
  deviceId: string;
  school: ServerSchool;
  /**
   * The active staff who signed in on this device through the server: whose changes it may
   * push, and whose audiences (teams, private records) it receives.
   */
  staff: { id: string; teams: string[]; role: string }[];
  /** What the device is told of the log with each answer (server/sync/epoch.ts). */
  log: SyncLog;
}

export interface DeviceRow {
  id: string;
  revoked_at: Date | null;
  pushed_seq: string;
  school_id: string;
  name: string;
  time_zone: string;
  staff: { id: string; teams: string[]; role: string }[];
  log: { epoch: string; head: string | number; resendAfter: string | number };
}

/** The device's staff: who signed in on it through the server and is still active. */
const DEVICE_STAFF = `coalesce((SELECT json_agg(json_build_object('id', s.id, 'teams', s.teams, 'role', s.role) ORDER BY s.id)
       FROM device_users u JOIN staff_accounts s ON s.id = u.staff_id
       WHERE u.device_id = device.id AND s.active
         AND (s.school_id = device.school_id OR s.school_id IS NULL)), '[]') AS staff`;

/** When a device's row is written for being seen: at most once a minute. */
const STALE = `(last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')`;

/**
 * What the device says about itself (`$2`, a ComputerState as JSON, or null), kept when it
 * changed: an idle computer's requests write nothing more than its once-a-minute visit.
 */
const STATE = `$2::jsonb->>'appVersion', ($2::jsonb->>'changesWaiting')::int,
  ($2::jsonb->>'conflictsWaiting')::int`;
const KEEP_STATE = `, app_version = coalesce($2::jsonb->>'appVersion', app_version),
     changes_waiting = coalesce(($2::jsonb->>'changesWaiting')::int, changes_waiting),
     conflicts_waiting = coalesce(($2::jsonb->>'conflictsWaiting')::int, conflicts_waiting)`;
const STATE_CHANGED = ` OR ($2::jsonb IS NOT NULL
       AND (app_version, changes_waiting, conflicts_waiting) IS DISTINCT FROM (${STATE}))`;

/** A device and its school, for deviceQuery and devicesQuery to name `device`. */
const DEVICE_OF = `SELECT d.id, d.revoked_at, d.pushed_seq, d.restored_seq, d.last_seen_at,
       s.id AS school_id, s.name, s.time_zone
     FROM devices d JOIN schools s ON s.id = d.school_id`;

/** What a DeviceRow holds, read from `device`. */
const DEVICE_COLUMNS = `device.id, device.revoked_at, device.pushed_seq, device.school_id, device.name,
     device.time_zone, ${DEVICE_STAFF}${LOG_COLUMNS}`;

/**
 * The device whose token's hash is `$1`, with its school and staff (a DeviceRow). Its
 * `last_seen_at` moves, at most once a minute so that a busy device does not rewrite its row,
 * and `$2` is what the device said about itself, kept when it changed; `columns` adds to what
 * it selects and may read `device` and parameters from `$3`.
 */
export const deviceQuery = (columns = '') => `WITH device AS (
     ${DEVICE_OF} WHERE d.token_hash = $1
   ), seen AS (
     UPDATE devices SET last_seen_at = CASE WHEN ${STALE} THEN now() ELSE last_seen_at END${KEEP_STATE}
     WHERE id = (SELECT id FROM device) AND (${STALE}${STATE_CHANGED})
   )
   SELECT ${DEVICE_COLUMNS}${columns}
   FROM device`;

/**
 * The devices of several requests in one statement, writing nothing: `$1` is a JSON array
 * with an object per request whose `hash` is its token's hash in hex. A row per device found (a
 * DeviceRow), with `ask`, the index of its request in the array; `columns` may read `device`
 * and the request's object as `x.ask`.
 */
export const devicesQuery = (
  columns: string,
) => `SELECT (x.n - 1)::int AS ask, ${DEVICE_COLUMNS}${columns}
   FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x (ask, n),
     LATERAL (${DEVICE_OF} WHERE d.token_hash = decode(x.ask->>'hash', 'hex')) AS device`;

/** The device, keeping what it says about itself (`$2`). */
export const FIND_DEVICE = deviceQuery();

/** A device and the seq of the last change it pushed. */
export interface HeldDevice {
  device: DeviceCaller;
  pushedSeq: number;
}

/**
 * The device whose token the request carries, from `query` (which binds the token's hash as
 * `$1`, then `params`), refused when unknown or revoked.
 */
export async function findDevice<R extends DeviceRow>(
  db: Sql,
  request: FastifyRequest,
  query: string,
  params: unknown[] = [],
): Promise<HeldDevice & { row: R }> {
  const [row] = await db.query<R>(query, [deviceTokenHash(request), ...params]);
  return heldDevice(row);
}

/** The hash of the device token a request carries, as deviceQuery and devicesQuery look it up. */
export const deviceTokenHash = (request: FastifyRequest): Buffer =>
  hashSecret(bearer(request, 'hd'));

/** The device a DeviceRow is, refused when there was none (an unknown token) or it is revoked. */
export function heldDevice<R extends DeviceRow>(row: R | undefined): HeldDevice & { row: R } {
  if (!row) throw new ServerError(401, 'UNAUTHORIZED', say(WORDS.notEnrolled));
  if (row.revoked_at)
    throw new ServerError(401, 'DEVICE_REVOKED', say(WORDS.accessWithdrawnByDistrict));
  return {
    device: {
      deviceId: row.id,
      school: { id: row.school_id, name: row.name, timeZone: row.time_zone },
      staff: row.staff,
      log: {
        epoch: row.log.epoch,
        head: Number(row.log.head),
        resendAfter: Number(row.log.resendAfter),
      },
    },
    pushedSeq: Number(row.pushed_seq),
    row,
  };
}

/**
 * The enrolled device whose token the request carries, with its staff, in one statement
 * (every sync request starts here). A revoked device gets DEVICE_REVOKED, which tells the
 * app to lock and stop syncing.
 */
export async function requireDevice(db: Sql, request: FastifyRequest): Promise<DeviceCaller> {
  return (await findDevice(db, request, FIND_DEVICE, [computerState(request)])).device;
}

/** What the device says of itself in its request, as deviceQuery's `$2` (JSON, or null). */
export function computerState(request: FastifyRequest): string | null {
  const state = readComputerHeader(request.headers[COMPUTER_HEADER]);
  return state && JSON.stringify(state);
}
