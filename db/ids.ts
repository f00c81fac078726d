import { randomFillSync } from 'node:crypto';

/**
 * UUIDv7 ids: 48 bits of Unix milliseconds, then random bits, so ids sort by creation time
 * and devices can make them offline without colliding. Randomness is drawn from the OS in
 * blocks rather than per id, which makes bulk writes several times cheaper.
 */
const POOL_SIZE = 16 * 1024;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

function random10(): Buffer {
  if (offset + 10 > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const bytes = pool.subarray(offset, offset + 10);
  offset += 10;
  return bytes;
}

export function newId(nowMs = Date.now()): string {
  const r = random10();
  const hex = nowMs.toString(16).padStart(12, '0') + r.toString('hex');
  // version 7 in the 13th hex digit, variant 10xx in the 17th.
  const variant = ((parseInt(hex[15] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
