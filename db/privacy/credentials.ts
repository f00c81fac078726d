import type { KeyObject } from 'node:crypto';
import { passwordKdfSchema, type StaffKeyRecord } from '../../contract';
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
  storeStaffKeys(
    store,
    staffId,
    {
      kdf: JSON.stringify(kdf),
      verifier: keys.verifier,
      public_key: pair.publicKey,
      sealed_private_key: pair.sealedPrivateKey,
    },
    now,
  );
  return { privateKey: pair.privateKey, publicKey: pair.publicKey };
}

function storeStaffKeys(store: Store, staffId: string, row: StaffKeysRow, now: Date): void {
  store
    .sql(
      `INSERT INTO staff_keys (staff_id, kdf, verifier, public_key, sealed_private_key, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (staff_id) DO UPDATE SET kdf = excluded.kdf, verifier = excluded.verifier,
         public_key = excluded.public_key, sealed_private_key = excluded.sealed_private_key,
         updated_at = excluded.updated_at`,
    )
    .run(staffId, row.kdf, row.verifier, row.public_key, row.sealed_private_key, now.toISOString());
}

/** This computer's key record for a staff member, as the district keeps it (contract/keys.ts). */
export function staffKeyRecordOf(store: Store, staffId: string): StaffKeyRecord | null {
  const row = store.sql('SELECT * FROM staff_keys WHERE staff_id = ?').get(staffId) as
    StaffKeysRow | undefined;
  if (!row) return null;
  return {
    kdf: passwordKdfSchema.parse(JSON.parse(row.kdf)),
    verifier: row.verifier.toString('base64'),
    publicKey: row.public_key.toString('base64'),
    sealedPrivateKey: row.sealed_private_key.toString('base64'),
  };
}

/**
 * Open the district's key record for a staff member with their password, and keep it as
 * theirs on this computer. Null (and nothing kept) when the password does not open it: it
 * was made with a password changed since.
 */
export function adoptStaffKeyRecord(
  store: Store,
  staffId: string,
  record: StaffKeyRecord,
  password: string,
  now: Date,
): UnlockedStaffKeys | null {
  const row: StaffKeysRow = {
    kdf: JSON.stringify(record.kdf),
    verifier: Buffer.from(record.verifier, 'base64'),
    public_key: Buffer.from(record.publicKey, 'base64'),
    sealed_private_key: Buffer.from(record.sealedPrivateKey, 'base64'),
  };
  const keys = derivePasswordKeys(password, record.kdf);
  if (!verifierMatches(row.verifier, keys.verifier)) return null;
  let privateKey: KeyObject;
  try {
    privateKey = openPrivateKey(staffId, row.sealed_private_key, keys.wrapKey);
  } catch {
    return null;
  }
  storeStaffKeys(store, staffId, row, now);
  return { privateKey, publicKey: row.public_key };
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
