import { WORDS, say, waitValues } from '../../contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Sql } from '../db';
import { ServerError } from '../errors';
import { hashSecret } from './secrets';

/**
 * Wrong passwords back off per account and per client address, across every instance (one
 * table): after a few wrong passwords each next attempt waits twice as long as the one before
 * (5 seconds, 10, 20, … up to 15 minutes), and the answer says how long. A right password
 * clears its account's count; an address's count is forgiven after an hour without a wrong
 * password, since a school's computers may share one. During a wait every attempt is refused
 * without checking the password, so a guesser learns nothing from it.
 */
const RULES = {
  account: { free: 3 },
  // Higher: one address may be a whole school's network.
  address: { free: 20 },
};
const FIRST_WAIT_S = 5;
const LONGEST_WAIT_S = 15 * 60;

export interface SignInKeys {
  account: string;
  address: string;
}

/** Who is signing in, as the table keys them: hashed, lower-cased. */
export function signInKeys(request: FastifyRequest, who: string): SignInKeys {
  return {
    account: hashSecret(`account:${who.toLowerCase()}`).toString('hex'),
    address: hashSecret(`address:${request.ip}`).toString('hex'),
  };
}

/** Refuses the attempt (429, with Retry-After) while the account or the address must wait. */
export async function refuseWhileWaiting(
  db: Sql,
  keys: SignInKeys,
  reply: FastifyReply,
): Promise<void> {
  const [row] = await db.query<{ seconds: number }>(
    `SELECT ceil(extract(epoch FROM max(blocked_until) - now()))::int AS seconds
     FROM sign_in_backoff WHERE key = ANY($1) AND blocked_until > now()`,
    [[keys.account, keys.address]],
  );
  if (!row?.seconds) return;
  void reply.header('retry-after', String(row.seconds));
  throw new ServerError(
    429,
    'TOO_MANY_ATTEMPTS',
    say(WORDS.tooManyPasswords, waitValues(row.seconds)),
  );
}

/** Counts a wrong password against the account and the address. */
export async function countWrongPassword(db: Sql, keys: SignInKeys): Promise<void> {
  for (const [key, { free }] of [
    [keys.account, RULES.account],
    [keys.address, RULES.address],
  ] as const)
    await db.query(
      `INSERT INTO sign_in_backoff AS b (key, failures, last_failure_at)
       VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN b.last_failure_at < now() - interval '1 hour' THEN 1
                         ELSE b.failures + 1 END,
         last_failure_at = now(),
         blocked_until = CASE WHEN b.last_failure_at >= now() - interval '1 hour'
                                AND b.failures + 1 > $2
           THEN now() + make_interval(secs => least($3 * power(2, b.failures - $2), $4))
           END`,
      [key, free, FIRST_WAIT_S, LONGEST_WAIT_S],
    );
}

/** A right password: the account starts again from nothing. */
export async function clearAccount(db: Sql, keys: SignInKeys): Promise<void> {
  await db.query('DELETE FROM sign_in_backoff WHERE key = $1', [keys.account]);
}
