import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { HearthError, WORDS, say } from '../contract';
import { KEY_BYTES } from './at-rest';

/** How the key is protected inside its file: Electron passes the OS keychain (safeStorage). */
export interface KeyWrap {
  seal(hex: string): Buffer;
  unseal(sealed: Buffer): string;
}

/**
 * Read the database key from `path`, creating a new random key there on first use. Without
 * a wrap (browser mode) the file holds the key in hex and must be readable by its owner only;
 * a file that others can read is refused rather than trusted.
 */
export function readOrCreateKey(path: string, wrap?: KeyWrap): Buffer {
  let stored: Buffer;
  try {
    stored = readFileSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const hex = randomBytes(KEY_BYTES).toString('hex');
    // 'wx': two processes starting at once cannot both create (and overwrite) a key.
    writeFileSync(path, wrap ? wrap.seal(hex) : hex, { mode: 0o600, flag: 'wx' });
    return Buffer.from(hex, 'hex');
  }
  if (!wrap && process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
    throw new HearthError('DATABASE_KEY_MISMATCH', say(WORDS.keyFileOpen, { path }));
  }
  const hex = wrap ? wrap.unseal(stored) : stored.toString('utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new HearthError('DATABASE_KEY_MISMATCH', say(WORDS.keyFileDamaged, { path }));
  }
  return Buffer.from(hex, 'hex');
}

/** Where the key of a database file lives: beside it, `hearth.sqlite` → `hearth.key`. */
export const keyFileFor = (databaseFile: string) => `${databaseFile.replace(/\.sqlite$/, '')}.key`;
