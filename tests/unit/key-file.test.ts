import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOrCreateKey, type KeyWrap } from '../../db/key-file';
import { keychainWrap } from '../../electron/keychain';
import { tempDir } from '../helpers';

describe('database key file', () => {
  it('creates a random key readable only by its owner, then returns the same key', () => {
    const path = join(tempDir(), 'hearth.key');
    const key = readOrCreateKey(path);
    expect(key).toHaveLength(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readOrCreateKey(path).equals(key)).toBe(true);
    expect(readOrCreateKey(join(tempDir(), 'other.key')).equals(key)).toBe(false);
  });

  it('refuses a key file other users can read, and a damaged one', () => {
    const path = join(tempDir(), 'hearth.key');
    readOrCreateKey(path);
    chmodSync(path, 0o644);
    expect(() => readOrCreateKey(path)).toThrow(/can be read by other users.*chmod 600/);
    writeFileSync(path, 'not a key', { mode: 0o600 });
    chmodSync(path, 0o600);
    expect(() => readOrCreateKey(path)).toThrow(/damaged/);
  });

  it('keeps the key sealed by the OS keychain when a wrap is given', () => {
    const path = join(tempDir(), 'hearth.key.enc');
    const wrap: KeyWrap = {
      seal: (hex) => Buffer.from(`sealed:${[...hex].reverse().join('')}`),
      unseal: (sealed) => [...sealed.toString().slice('sealed:'.length)].reverse().join(''),
    };
    const key = readOrCreateKey(path, wrap);
    expect(readFileSync(path).toString()).not.toContain(key.toString('hex'));
    expect(readOrCreateKey(path, wrap).equals(key)).toBe(true);
  });
});

describe('keychain wrap (Electron safeStorage)', () => {
  const fake = (available: boolean, backend?: string) => ({
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: backend ? () => backend : undefined,
    encryptString: (plain: string) => Buffer.from(`k:${plain}`),
    decryptString: (sealed: Buffer) => sealed.toString().slice(2),
  });

  it('seals with the OS keychain when there is one', () => {
    const wrap = keychainWrap(fake(true, 'gnome_libsecret'));
    expect(wrap?.unseal(wrap.seal('ab12'))).toBe('ab12');
    expect(keychainWrap(fake(true))).toBeDefined();
  });

  it('falls back to an owner-only key file where the keychain is missing or a fixed password', () => {
    expect(keychainWrap(fake(false))).toBeUndefined();
    expect(keychainWrap(fake(true, 'basic_text'))).toBeUndefined();
  });
});
