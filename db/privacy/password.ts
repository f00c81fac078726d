import { hashSync, verifySync } from '@node-rs/argon2';

/**
 * Password hashing with argon2id (64 MiB, 3 passes): slow enough that a stolen database
 * does not give up passwords cheaply, fast enough (about a quarter of a second here) that
 * signing in stays under the half-second the front desk can wait.
 */
// The package's default algorithm is argon2id (a unit test checks the stored hash says so).
const PARAMS = { memoryCost: 65_536, timeCost: 3, parallelism: 1 };

export const hashPassword = (password: string): string => hashSync(password, PARAMS);

export function verifyPassword(hash: string, password: string): boolean {
  try {
    return verifySync(hash, password);
  } catch {
    return false;
  }
}

/** Wrong guesses allowed before waiting starts; then the wait doubles, up to 15 minutes. */
const FREE_ATTEMPTS = 3;
const MAX_WAIT_SECONDS = 15 * 60;

/** Seconds to wait after `failures` wrong passwords in a row. */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS) * 5);
}
