import type { Sqlite } from './store';
import { HearthError, WORDS, say } from '../contract';

/**
 * Encryption at rest. The whole database file (and its WAL) is encrypted with SQLCipher 4's
 * format through better-sqlite3-multiple-ciphers, keyed with a raw 256-bit key, so no
 * password-stretching runs on open and the file can be opened by SQLCipher tools given the
 * key. The key itself lives outside the database: the OS keychain (Electron safeStorage) or
 * a key file readable only by the user (browser mode).
 */
export const KEY_BYTES = 32;

function applyKey(db: Sqlite, key: Buffer, pragma: 'key' | 'rekey'): void {
  if (key.length !== KEY_BYTES) throw new Error(`database key must be ${KEY_BYTES} bytes`);
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  // A raw key in SQLCipher's x'…' form; the hex never appears in any log or error.
  db.pragma(`${pragma} = "x'${key.toString('hex')}'"`);
}

const readable = (db: Sqlite) => {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  }
};

/**
 * Unlock an encrypted database, or encrypt one that was written before Hearth encrypted its
 * data (`reopenPlain` opens the same file without a key). Fails with a plain message when the
 * file is encrypted with another key.
 */
export function unlockDatabase(db: Sqlite, key: Buffer, reopenPlain: () => Sqlite): Sqlite {
  applyKey(db, key, 'key');
  if (readable(db)) return db;
  db.close();
  const plain = reopenPlain();
  if (!readable(plain)) {
    plain.close();
    throw new HearthError('DATABASE_KEY_MISMATCH', say(WORDS.lockedOtherKey));
  }
  // Rekeying rewrites every page and is not possible in WAL mode.
  plain.pragma('journal_mode = DELETE');
  applyKey(plain, key, 'rekey');
  return plain;
}
