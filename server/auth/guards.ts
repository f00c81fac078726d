import type { FastifyRequest } from 'fastify';
import type { ServerSchool, ServerStaff } from '../../contract';
import type { Sql } from '../db';
import { ServerError, forbidden } from '../errors';
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
}

/**
 * The enrolled device whose token the request carries. A revoked device gets DEVICE_REVOKED,
 * which tells the app to lock and stop syncing.
 */
export async function requireDevice(db: Sql, request: FastifyRequest): Promise<DeviceCaller> {
  const [row] = await db.query<{
    id: string;
    revoked_at: Date | null;
    school_id: string;
    name: string;
    time_zone: string;
  }>(
    `UPDATE devices d SET last_seen_at = now() FROM schools s
     WHERE d.token_hash = $1 AND s.id = d.school_id
     RETURNING d.id, d.revoked_at, s.id AS school_id, s.name, s.time_zone`,
    [hashSecret(bearer(request, 'hd'))],
  );
  if (!row) throw new ServerError(401, 'UNAUTHORIZED', 'This computer is not enrolled.');
  if (row.revoked_at)
    throw new ServerError(
      401,
      'DEVICE_REVOKED',
      'This computer’s access to the district was withdrawn. Hearth is locked; ask district IT.',
    );
  return {
    deviceId: row.id,
    school: { id: row.school_id, name: row.name, timeZone: row.time_zone },
  };
}
