/**
 * UUIDv7 ids: 48 bits of Unix milliseconds, then random bits, so ids sort by creation time
 * and devices and the district server can make them offline without colliding. Randomness
 * is drawn (Web Crypto, in Node and browsers alike) in blocks rather than per id, which
 * makes bulk writes several times cheaper.
 */
const POOL_SIZE = 16 * 1024;
const pool = new Uint8Array(POOL_SIZE);
let offset = POOL_SIZE;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function random10Hex(): string {
  if (offset + 10 > POOL_SIZE) {
    globalThis.crypto.getRandomValues(pool);
    offset = 0;
  }
  let hex = '';
  for (let i = offset; i < offset + 10; i++) hex += HEX[pool[i] as number];
  offset += 10;
  return hex;
}

export function newId(nowMs = Date.now()): string {
  const hex = nowMs.toString(16).padStart(12, '0') + random10Hex();
  // version 7 in the 13th hex digit, variant 10xx in the 17th.
  const variant = ((parseInt(hex[15] as string, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
