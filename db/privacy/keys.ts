import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { hashRawSync } from '@node-rs/argon2';

/**
 * The key material behind restricted notes (DESIGN.md, Privacy). All of it is pure: no
 * database, so it is unit-tested on its own.
 *
 * - A password goes through argon2id once per sign-in. HKDF splits the result into a
 *   *verifier* (stored, compared at sign-in; later the district server stores it instead of
 *   the password) and a *wrap key* that never leaves memory.
 * - Each staff member has an X25519 key pair. The private key is stored encrypted with the
 *   wrap key; the public key is stored in the clear, so anyone holding a team key can seal
 *   it to a new member without learning their password.
 * - Team keys and per-record keys are random 256-bit AES-GCM keys. A record's content is
 *   encrypted with its own key; that key is wrapped with the team key (or sealed to the
 *   author alone for a private note).
 *
 * Every ciphertext is bound to where it belongs through AES-GCM's associated data, so a
 * sealed value copied onto another record or member fails to open.
 */

/** argon2id, 64 MiB, 3 passes: about a tenth of a second here, far too slow to guess at scale. */
const ARGON2 = { memoryCost: 65_536, timeCost: 3, parallelism: 1 };

export interface PasswordKdf {
  algorithm: 'argon2id';
  memoryCost: number;
  timeCost: number;
  parallelism: number;
  /** base64 */
  salt: string;
}

export interface PasswordKeys {
  verifier: Buffer;
  wrapKey: Buffer;
}

export function newKdf(): PasswordKdf {
  return { algorithm: 'argon2id', ...ARGON2, salt: randomBytes(16).toString('base64') };
}

export function derivePasswordKeys(password: string, kdf: PasswordKdf): PasswordKeys {
  const master = hashRawSync(password, {
    memoryCost: kdf.memoryCost,
    timeCost: kdf.timeCost,
    parallelism: kdf.parallelism,
    salt: Buffer.from(kdf.salt, 'base64'),
    outputLen: 32,
  });
  const split = (info: string) =>
    Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32));
  return { verifier: split('hearth/password-verifier/1'), wrapKey: split('hearth/wrap-key/1') };
}

export function verifierMatches(stored: Buffer, derived: Buffer): boolean {
  return stored.length === derived.length && timingSafeEqual(stored, derived);
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM; the result is nonce ‖ ciphertext ‖ tag. */
export function encrypt(key: Buffer, plaintext: Buffer, boundTo: string): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(boundTo));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** Throws if the key is wrong, the box was altered, or it belongs to something else. */
export function decrypt(key: Buffer, box: Buffer, boundTo: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, NONCE_BYTES));
  decipher.setAAD(Buffer.from(boundTo));
  decipher.setAuthTag(box.subarray(box.length - TAG_BYTES));
  return Buffer.concat([
    decipher.update(box.subarray(NONCE_BYTES, box.length - TAG_BYTES)),
    decipher.final(),
  ]);
}

export const newSecretKey = (): Buffer => randomBytes(32);

export interface StaffKeyPair {
  /** Raw 32-byte X25519 public key. */
  publicKey: Buffer;
  privateKey: KeyObject;
  /** The PKCS#8 private key encrypted with the member's wrap key. */
  sealedPrivateKey: Buffer;
}

const privateKeyBinding = (staffId: string) => `hearth/staff-private-key/${staffId}`;

/**
 * PKCS#8 (RFC 8410) of an X25519 private key, up to its 32 bytes: version 0, the algorithm
 * 1.3.101.110, and the key as an octet string.
 */
const X25519_PKCS8_HEAD = Buffer.from('302e020100300506032b656e04220420', 'hex');

/**
 * A new X25519 key pair, made from 32 random bytes (any 32 bytes are a valid X25519 private
 * key; OpenSSL's own generator draws them the same way). Not generateKeyPairSync: in Node 20
 * the key-generation job it leaves behind locks its key's mutex when garbage-collected, and a
 * collection that lands while that same key is being exported (which holds the mutex) blocks
 * the process for ever. Seen as a test run that hung; node --stress-compaction makes it
 * happen within seconds (tests/unit/keys.test.ts).
 */
function newX25519(): { publicKey: KeyObject; privateKey: KeyObject } {
  const privateKey = createPrivateKey({
    key: Buffer.concat([X25519_PKCS8_HEAD, randomBytes(32)]),
    format: 'der',
    type: 'pkcs8',
  });
  return { publicKey: createPublicKey(privateKey), privateKey };
}

export function newStaffKeyPair(staffId: string, wrapKey: Buffer): StaffKeyPair {
  const { publicKey, privateKey } = newX25519();
  return {
    publicKey: rawPublicKey(publicKey),
    privateKey,
    sealedPrivateKey: encrypt(
      wrapKey,
      privateKey.export({ format: 'der', type: 'pkcs8' }),
      privateKeyBinding(staffId),
    ),
  };
}

export function openPrivateKey(staffId: string, sealed: Buffer, wrapKey: Buffer): KeyObject {
  return createPrivateKey({
    key: decrypt(wrapKey, sealed, privateKeyBinding(staffId)),
    format: 'der',
    type: 'pkcs8',
  });
}

function rawPublicKey(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}

function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({
    key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
}

const PUBLIC_KEY_BYTES = 32;

function sealingKey(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(
    hkdfSync('sha256', shared, Buffer.concat([ephemeral, recipient]), 'hearth/seal/1', 32),
  );
}

/**
 * Seal a secret to one member's public key (ephemeral X25519, HKDF-SHA256, AES-256-GCM).
 * Only the holder of the matching private key can open it. Result: ephemeral public key ‖ box.
 */
export function sealTo(recipientPublicKey: Buffer, secret: Buffer, boundTo: string): Buffer {
  const ephemeral = newX25519();
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: publicKeyFromRaw(recipientPublicKey),
  });
  const key = sealingKey(shared, ephemeralRaw, recipientPublicKey);
  return Buffer.concat([ephemeralRaw, encrypt(key, secret, boundTo)]);
}

export function openSealed(
  privateKey: KeyObject,
  ownPublicKey: Buffer,
  sealed: Buffer,
  boundTo: string,
): Buffer {
  const ephemeralRaw = sealed.subarray(0, PUBLIC_KEY_BYTES);
  const shared = diffieHellman({ privateKey, publicKey: publicKeyFromRaw(ephemeralRaw) });
  const key = sealingKey(shared, ephemeralRaw, ownPublicKey);
  return decrypt(key, sealed.subarray(PUBLIC_KEY_BYTES), boundTo);
}
