import type { KeyWrap } from '../db/key-file';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/**
 * The database key sealed by the OS keychain (Keychain, DPAPI, libsecret/kwallet). Where
 * the OS offers none (Linux without a secret service, where Electron would fall back to a
 * fixed password), there is no wrap and the key file is kept readable by the user only, as
 * in browser mode.
 */
export function keychainWrap(safeStorage: SafeStorageLike): KeyWrap | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (safeStorage.getSelectedStorageBackend?.() === 'basic_text') return undefined;
  return {
    seal: (hex) => safeStorage.encryptString(hex),
    unseal: (sealed) => safeStorage.decryptString(sealed),
  };
}
