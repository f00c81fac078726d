/**
 * Run by tests/unit/keys.test.ts in a process of its own under `node --stress-compaction`
 * (a full garbage collection at almost every chance): seals a secret to a member many times,
 * as a school's key changes do, and says "sealed" when done.
 */
import { randomBytes } from 'node:crypto';
import { newStaffKeyPair, openSealed, sealTo } from '../../db/privacy/keys';

const wrapKey = randomBytes(32);
const member = newStaffKeyPair('a member', wrapKey);
const times = Number(process.argv[2]);
for (let i = 0; i < times; i++) {
  const sealed = sealTo(member.publicKey, wrapKey, 'a record');
  if (i % 1000 !== 0) continue;
  if (!openSealed(member.privateKey, member.publicKey, sealed, 'a record').equals(wrapKey))
    throw new Error('a sealed secret did not open');
  newStaffKeyPair('another member', wrapKey);
}
console.log('sealed');
