import { z } from 'zod';
import { id } from './fields';
import { TEAMS } from './records';

/**
 * Keys travel between computers through the district server, which can open none of them
 * (DESIGN.md "Privacy"):
 * - a staff member's key record: their public key, and their private key sealed with a key
 *   only their password derives (argon2id, then HKDF), plus the KDF's parameters and the
 *   password verifier. The server stores it when it has just checked that password, so a
 *   computer cannot swap someone's key for its own;
 * - team key shares: one version of a team's key sealed to one member's public key, named
 *   with that key (`recipientKey`) so a share sealed to an old key is never taken for a
 *   current one.
 * Versions are numbered by the time they were made (milliseconds), so two computers that
 * each make a team's key while offline never give two keys one number.
 */

const base64 = (max: number) => z.base64().max(max);

/**
 * The password KDF's parameters. Bounded, so a record cannot make a computer spend minutes
 * or gigabytes deriving a key.
 */
export const passwordKdfSchema = z.strictObject({
  algorithm: z.literal('argon2id'),
  memoryCost: z.int().min(19_456).max(262_144),
  timeCost: z.int().min(2).max(10),
  parallelism: z.int().min(1).max(4),
  salt: base64(64),
});

export const staffKeyRecordSchema = z.strictObject({
  kdf: passwordKdfSchema,
  verifier: base64(200),
  publicKey: base64(200),
  sealedPrivateKey: base64(2_000),
});

export const teamKeyShareSchema = z.strictObject({
  team: z.enum(TEAMS),
  version: z.int().positive(),
  staffId: id,
  recipientKey: base64(200),
  sealedKey: base64(1_000),
  sealedBy: id,
});

/** Most shares one exchange may upload; more wait for the next sync. */
export const MAX_KEY_SHARES = 1_000;

export const keyExchangeInput = z.strictObject({
  shares: z.array(teamKeyShareSchema).max(MAX_KEY_SHARES),
});

/** What a computer learns in a key exchange. */
export const keyBundleSchema = z.object({
  /** The district public key of each active staff member of the school who has one. */
  publicKeys: z.array(z.object({ staffId: id, publicKey: z.string() })),
  /** Every share for the staff who signed in on this computer through the district. */
  shares: z.array(teamKeyShareSchema),
});

export type StaffKeyRecord = z.infer<typeof staffKeyRecordSchema>;
export type TeamKeyShare = z.infer<typeof teamKeyShareSchema>;
export type KeyExchangeInput = z.infer<typeof keyExchangeInput>;
export type KeyBundle = z.infer<typeof keyBundleSchema>;
