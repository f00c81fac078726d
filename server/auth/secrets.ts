import { createHash, randomBytes, randomInt } from 'node:crypto';

/** Only hashes of secrets are stored; a token is looked up by its hash. */
export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/** 256 random bits, URL-safe, with a prefix that says what it is if one turns up in a log. */
export const newToken = (prefix: 'hd' | 'ha'): string =>
  `${prefix}_${randomBytes(32).toString('base64url')}`;

// Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper survives.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time enrollment code, 60 random bits, shown as XXXX-XXXX-XXXX. */
export function newEnrollmentCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(32)]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

/** The code as typed, in any case, with or without dashes, and with O/I/L mistaken for 0/1. */
export function normalizeEnrollmentCode(typed: string): string {
  const upper = typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
  const fixed = upper.replace(/O/g, '0').replace(/[IL]/g, '1');
  return `${fixed.slice(0, 4)}-${fixed.slice(4, 8)}-${fixed.slice(8)}`;
}
