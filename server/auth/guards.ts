import type { FastifyRequest } from 'fastify';
import type { ServerSchool, ServerStaff } from '../../contract';
import type { Sql } from '../db';
import { ServerError, forbidden } from '../errors';
import type { StoredRecord } from '../sync/merge';
import {
  distinctIds,
  holdRecordsWhere,
  loadRecords,
  recordsByKey,
  type RecordRow,
} from '../sync/store';
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
    throw new ServerError(401, 'UNAUTHORIZED', 'Sign in again: this request has no valid token.');
  return token;
}

/** The administrator whose unexpired session token the request carries. */
export async function requireAdmin(db: Sql, request: FastifyRequest): Promise<ServerStaff> {
  const [row] = await db.query<StaffRow>(
    `SELECT ${STAFF_COLUMNS} FROM admin_sessions a JOIN staff_accounts s ON s.id = a.staff_id
     WHERE a.token_hash = $1 AND a.expires_at > now() AND s.active AND s.role = 'administrator'`,
    [hashSecret(bearer(request, 'ha'))],
  );
  if (!row) throw new ServerError(401, 'UNAUTHORIZED', 'Your session has ended. Sign in again.');
  return toStaff(row);
}

/** District administrators manage every school; a school's administrator only their own. */
export function checkManages(staff: ServerStaff, schoolId: string): void {
  if (staff.schoolId !== null && staff.schoolId !== schoolId)
    throw forbidden('You can manage only your own school’s devices.');
}

export interface DeviceCaller {
  deviceId: string;
  school: ServerSchool;
  /**
   * The active staff who signed in on this device through the server: whose changes it may
   * push, and whose audiences (teams, private records) it receives.
   */
  staff: { id: string; teams: string[] }[];
}

interface DeviceRow {
  id: string;
  revoked_at: Date | null;
  pushed_seq: string;
  school_id: string;
  name: string;
  time_zone: string;
  staff: { id: string; teams: string[] }[];
}

/** The device's staff: who signed in on it through the server and is still active. */
const DEVICE_STAFF = `coalesce((SELECT json_agg(json_build_object('id', s.id, 'teams', s.teams) ORDER BY s.id)
       FROM device_users u JOIN staff_accounts s ON s.id = u.staff_id
       WHERE u.device_id = device.id AND s.active
         AND (s.school_id = device.school_id OR s.school_id IS NULL)), '[]') AS staff`;

const FIND_DEVICE = `WITH device AS (
     SELECT d.id, d.revoked_at, d.pushed_seq, d.last_seen_at, s.id AS school_id, s.name,
       s.time_zone
     FROM devices d JOIN schools s ON s.id = d.school_id WHERE d.token_hash = $1
   ), seen AS (
     UPDATE devices SET last_seen_at = now()
     WHERE id = (SELECT id FROM device)
       AND (last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute')
   )
   SELECT device.id, device.revoked_at, device.pushed_seq, device.school_id, device.name,
     device.time_zone, ${DEVICE_STAFF}
   FROM device`;

/**
 * What a push needs before it merges, in one statement (each round trip to PostgreSQL is a
 * good part of a push's cost): the device, locked; its pushed seq moved to
 * `$3` (and `last_seen_at` as in requireDevice, in the same update: one statement must not
 * update a row twice); and the batch's stored records (`$2`), locked as in HOLD_RECORDS,
 * only once the device is known.
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
       last_seen_at = CASE WHEN last_seen_at IS NULL OR last_seen_at < now() - interval '1 minute'
         THEN now() ELSE last_seen_at END
     WHERE id = (SELECT id FROM device WHERE revoked_at IS NULL)
   ), held AS (
     ${holdRecordsWhere('id = ANY($2::uuid[]) AND EXISTS (SELECT 1 FROM device WHERE revoked_at IS NULL)')}
   )
   SELECT device.id, device.revoked_at, device.pushed_seq, device.school_id, device.name,
     device.time_zone, ${DEVICE_STAFF},
     (SELECT d.xmin::text FROM devices d WHERE d.id = device.id) = device.version AS fresh,
     coalesce((SELECT json_agg(held) FROM held), '[]') AS records
   FROM device`;

/** A device and the seq of the last change it pushed. */
export interface HeldDevice {
  device: DeviceCaller;
  pushedSeq: number;
}

async function findDevice<R extends DeviceRow>(
  db: Sql,
  request: FastifyRequest,
  query: string,
  params: unknown[] = [],
): Promise<HeldDevice & { row: R }> {
  const [row] = await db.query<R>(query, [hashSecret(bearer(request, 'hd')), ...params]);
  if (!row) throw new ServerError(401, 'UNAUTHORIZED', 'This computer is not enrolled.');
  if (row.revoked_at)
    throw new ServerError(
      401,
      'DEVICE_REVOKED',
      'This computer’s access to the district was withdrawn. Hearth is locked; ask district IT.',
    );
  return {
    device: {
      deviceId: row.id,
      school: { id: row.school_id, name: row.name, timeZone: row.time_zone },
      staff: row.staff,
    },
    pushedSeq: Number(row.pushed_seq),
    row,
  };
}

/**
 * The enrolled device whose token the request carries, with its staff, in one statement
 * (every sync request starts here). A revoked device gets DEVICE_REVOKED, which tells the
 * app to lock and stop syncing. `last_seen_at` is written at most once a minute, so a busy
 * device does not rewrite its row on every request.
 */
export async function requireDevice(db: Sql, request: FastifyRequest): Promise<DeviceCaller> {
  return (await findDevice(db, request, FIND_DEVICE)).device;
}

/** A device with its pushed seq, and the stored records a batch names, locked (HOLD_RECORDS). */
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
