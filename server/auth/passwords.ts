import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum); the server checks
// a password only at sign-in, and rate limiting bounds how often.
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function passwordMatches(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * Spend the same time on an unknown email as on a wrong password, so sign-in does not tell
 * which addresses have accounts.
 */
let decoy: Promise<string> | undefined;
export async function spendPasswordCheck(password: string): Promise<void> {
  decoy ??= hash('no account has this password');
  await passwordMatches(await decoy, password);
}
