import type { ServerStaff } from '../../contract';
import type { Sql } from '../db';
import { ServerError } from '../errors';
import { STAFF_COLUMNS, toStaff, type StaffRow } from './guards';
import { passwordMatches, spendPasswordCheck } from './passwords';

/** Attempts per client address, for every route that checks a secret (counted by rate-store.ts). */
export const SIGN_IN_LIMIT = { max: 10, timeWindow: '1 minute' };

/**
 * The active account with this email (or id) and password, or null; as slow for an unknown
 * account as for a wrong password.
 */
export async function checkCredentials(
  db: Sql,
  who: string | { staffId: string },
  password: string,
): Promise<ServerStaff | null> {
  const [row] = await db.query<StaffRow & { password_hash: string }>(
    typeof who === 'string'
      ? `SELECT ${STAFF_COLUMNS}, s.password_hash FROM staff_accounts s
         WHERE lower(s.email) = lower($1) AND s.active`
      : `SELECT ${STAFF_COLUMNS}, s.password_hash FROM staff_accounts s
         WHERE s.id = $1 AND s.active`,
    [typeof who === 'string' ? who : who.staffId],
  );
  if (!row) {
    await spendPasswordCheck(password);
    return null;
  }
  return (await passwordMatches(row.password_hash, password)) ? toStaff(row) : null;
}

export const wrongCredentials = () =>
  new ServerError(401, 'WRONG_PASSWORD', 'That email and password do not match an account.');
