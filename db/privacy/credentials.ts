import type { KeyObject } from 'node:crypto';
import type { Store } from '../store';
import {
  derivePasswordKeys,
  newKdf,
  newStaffKeyPair,
  openPrivateKey,
  verifierMatches,
  type PasswordKdf,
  type PasswordKeys,
} from './keys';

/** A password run through the KDF once, so several staff can share it (the demo school). */
export interface DerivedPassword {
  kdf: PasswordKdf;
  keys: PasswordKeys;
}

export function derivePassword(password: string): DerivedPassword {
  const kdf = newKdf();
  return { kdf, keys: derivePasswordKeys(password, kdf) };
}

/**
 * Give a staff member a (new) password: a fresh key pair whose private half only that
 * password opens. Replaces earlier keys, so anything sealed to the old ones is lost to them.
 */
export function setStaffKeys(
  store: Store,
  staffId: string,
  { kdf, keys }: DerivedPassword,
  now: Date,
): UnlockedStaffKeys {
  const pair = newStaffKeyPair(staffId, keys.wrapKey);
  store
    .sql(
      `INSERT INTO staff_keys (staff_id, kdf, verifier, public_key, sealed_private_key, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (staff_id) DO UPDATE SET kdf = excluded.kdf, verifier = excluded.verifier,
         public_key = excluded.public_key, sealed_private_key = excluded.sealed_private_key,
         updated_at = excluded.updated_at`,
    )
    .run(
      staffId,
      JSON.stringify(kdf),
      keys.verifier,
      pair.publicKey,
      pair.sealedPrivateKey,
      now.toISOString(),
    );
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}

export interface UnlockedStaffKeys {
  privateKey: KeyObject;
  publicKey: Buffer;
}

interface StaffKeysRow {
  kdf: string;
  verifier: Buffer;
  public_key: Buffer;
  sealed_private_key: Buffer;
}

export const hasStaffKeys = (store: Store, staffId: string): boolean =>
  store.sql('SELECT 1 FROM staff_keys WHERE staff_id = ?').get(staffId) !== undefined;

/**
 * Check a password and open the staff member's private key with it: one argon2id run.
 * Returns null for a wrong password.
 */
export function unlockStaffKeys(
  store: Store,
  staffId: string,
  password: string,
): UnlockedStaffKeys | null {
  const row = store.sql('SELECT * FROM staff_keys WHERE staff_id = ?').get(staffId) as
    StaffKeysRow | undefined;
  if (!row) return null;
  const keys = derivePasswordKeys(password, JSON.parse(row.kdf) as PasswordKdf);
  if (!verifierMatches(row.verifier, keys.verifier)) return null;
  return {
    privateKey: openPrivateKey(staffId, row.sealed_private_key, keys.wrapKey),
    publicKey: row.public_key,
  };
}
