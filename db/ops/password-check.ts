import { addSeconds } from 'date-fns';
import { HearthError, WORDS, say, waitValues } from '../../contract';
import { FailAfterCommit, type Ctx } from '../context';
import { unlockStaffKeys, type UnlockedStaffKeys } from '../privacy/credentials';
import { backoffSeconds } from '../privacy/throttle';

interface Throttle {
  failed_attempts: number;
  blocked_until: string | null;
}

const waitFor = (until: Date, now: Date) =>
  waitValues(Math.ceil((until.getTime() - now.getTime()) / 1000));

/**
 * A staff member's keys for the password typed here: at sign-in, and for a second person
 * who checks a medication dose. Wrong passwords are counted per staff member on this device
 * whichever screen they were typed on; after a few, each attempt must wait twice as long as
 * the last. The count survives restarts, and a correct password during a wait is refused
 * too, so waiting cannot be skipped. A wrong password commits its count and nothing else:
 * call this before writing anything.
 */
export function unlockWithBackoff(ctx: Ctx, staffId: string, password: string): UnlockedStaffKeys {
  const throttle = (ctx.store
    .sql('SELECT failed_attempts, blocked_until FROM sign_in_throttle WHERE staff_id = ?')
    .get(staffId) as Throttle | undefined) ?? { failed_attempts: 0, blocked_until: null };
  const now = ctx.now();
  if (throttle.blocked_until && new Date(throttle.blocked_until) > now) {
    throw new HearthError(
      'TOO_MANY_ATTEMPTS',
      say(WORDS.tooManyPasswords, waitFor(new Date(throttle.blocked_until), now)),
      { details: { retryAt: throttle.blocked_until } },
    );
  }
  const keys = unlockStaffKeys(ctx.store, staffId, password);
  if (!keys) {
    const failures = throttle.failed_attempts + 1;
    const wait = backoffSeconds(failures);
    const blockedUntil = wait > 0 ? addSeconds(now, wait).toISOString() : null;
    ctx.store
      .sql(
        `INSERT INTO sign_in_throttle (staff_id, failed_attempts, blocked_until) VALUES (?, ?, ?)
         ON CONFLICT (staff_id) DO UPDATE SET failed_attempts = excluded.failed_attempts,
           blocked_until = excluded.blocked_until`,
      )
      .run(staffId, failures, blockedUntil);
    throw new FailAfterCommit(
      new HearthError(
        'WRONG_PASSWORD',
        blockedUntil
          ? say(WORDS.wrongPasswordWait, waitFor(new Date(blockedUntil), now))
          : say(WORDS.wrongPassword),
        { details: { retryAt: blockedUntil } },
      ),
    );
  }
  ctx.store.sql('DELETE FROM sign_in_throttle WHERE staff_id = ?').run(staffId);
  return keys;
}
