import { WORDS, say } from '../../contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerStaff } from '../../contract';
import type { Sql } from '../db';
import { ServerError } from '../errors';
import { clearAccount, countWrongPassword, refuseWhileWaiting, signInKeys } from './backoff';
import { STAFF_COLUMNS, toStaff, type StaffRow } from './guards';
import { passwordMatches, spendPasswordCheck } from './passwords';

/**
 * Requests per client address to every route that checks a secret (counted by rate-store.ts):
 * a guard against floods only; wrong passwords back off per account and address (backoff.ts).
 */
export const SIGN_IN_LIMIT = { max: 60, timeWindow: '1 minute' };

/**
 * The active account with this email (or id) and password, or null; as slow for an unknown
 * account as for a wrong password.
 */
async function checkCredentials(
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

/**
 * The account signing in, once its password is right: refused while the account or the address
 * must wait after wrong passwords, and a wrong one counted against both.
 */
export async function signIn(
  db: Sql,
  request: FastifyRequest,
  reply: FastifyReply,
  who: string | { staffId: string },
  password: string,
): Promise<ServerStaff> {
  const keys = signInKeys(request, typeof who === 'string' ? who : `id:${who.staffId}`);
  await refuseWhileWaiting(db, keys, reply);
  const staff = await checkCredentials(db, who, password);
  if (!staff) {
    await countWrongPassword(db, keys);
    throw wrongCredentials();
  }
  await clearAccount(db, keys);
  return staff;
}

const wrongCredentials = () =>
  new ServerError(401, 'WRONG_PASSWORD', say(WORDS.emailPasswordNoMatch));
