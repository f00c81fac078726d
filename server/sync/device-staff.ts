import { audiencesOfStaff } from '../../contract';
import type { DeviceCaller } from '../auth/guards';
import type { Sql } from '../db';
import type { Writer } from './permissions';

/**
 * The active staff who signed in on this device through the server: whose changes it may
 * push, and whose audiences (teams, private records) it receives.
 */
export async function deviceStaff(tx: Sql, device: DeviceCaller): Promise<Writer[]> {
  return tx.query<Writer>(
    `SELECT s.id, s.teams FROM device_users u JOIN staff_accounts s ON s.id = u.staff_id
     WHERE u.device_id = $1 AND s.active AND (s.school_id = $2 OR s.school_id IS NULL)
     ORDER BY s.id`,
    [device.deviceId, device.school.id],
  );
}

export const audiencesOf = (staff: Writer[]): string[] =>
  [...new Set(staff.flatMap(audiencesOfStaff))].sort();
