import type { Visibility } from '../../contract';
import { openContent, type Keyring } from './keyring';

/** The columns every restricted-record query returns, content only where `readable` is 1. */
export interface GuardedRow {
  id: string;
  visibility: Visibility;
  readable: 0 | 1;
  sealed: string | null;
}

export type Revealed<T> = { open: true; content: T } | { open: false; waitingForKey: boolean };

/**
 * What the viewer may see of one row the privacy predicate let through: the content
 * (decrypted when restricted), or only that it exists. The SQL already withheld the
 * ciphertext from rows the viewer may not read; this adds the cryptographic half.
 */
export function reveal<T>(keyring: Keyring, row: GuardedRow, clear: () => T): Revealed<T> {
  if (row.readable !== 1) return { open: false, waitingForKey: false };
  if (row.visibility === 'staff') return { open: true, content: clear() };
  const content = row.sealed ? openContent(keyring, row.visibility, row.id, row.sealed) : null;
  return content === null
    ? { open: false, waitingForKey: true }
    : { open: true, content: content as T };
}
