/**
 * Visitor badge codes (issue 22). A code is eight symbols of Crockford's base 32 (40 random
 * bits) written as two groups, "K7QM-2XPD". It belongs to one visit and is good only on the
 * day of that visit: a badge kept overnight signs no one out. Reading is forgiving as the
 * alphabet intends: case, spaces and dashes do not matter, O reads as 0 and I or L as 1, so
 * a code typed from a printed badge, or sent by a barcode scanner, reads the same.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BADGE_CODE_LENGTH = 8;
/** A code as stored and printed. */
export const BADGE_CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** A new code from `random` (crypto-strong bytes, at least five). */
export function badgeCodeFrom(random: Uint8Array): string {
  if (random.length < 5) throw new Error('A badge code needs five random bytes.');
  let bits = 0n;
  for (const byte of random.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < BADGE_CODE_LENGTH; i += 1) {
    code = (ALPHABET[Number(bits & 31n)] as string) + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code a person typed or a scanner sent, as stored; null when it cannot be one. */
export function readBadgeCode(typed: string): string | null {
  const symbols = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (symbols.length !== BADGE_CODE_LENGTH) return null;
  const code = `${symbols.slice(0, 4)}-${symbols.slice(4)}`;
  return BADGE_CODE.test(code) ? code : null;
}

/** How a badge prints: a 2.25 × 4 in label, or a page of letter or A4 paper. */
export const BADGE_LAYOUTS = ['label', 'letter', 'a4'] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];
