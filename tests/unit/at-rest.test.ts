import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HearthError } from '../../contract';
import { callOrThrow, openCore } from '../../db/core';
import { TEST_PASSWORD, TEST_SCHOOL, signInStaff } from '../fixtures';
import { tempDir } from '../helpers';

const NAME = 'Zephyrine';

function fileBytes(file: string): Buffer {
  const parts = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f));
  return Buffer.concat(parts);
}

function fill(file: string, key?: Buffer) {
  const core = openCore({ file, key });
  callOrThrow(core, 'setup.school', TEST_SCHOOL);
  callOrThrow(core, 'person.create', { firstName: NAME, lastName: 'Okafor', kind: 'caregiver' });
  return core;
}

const findsName = (file: string, key: Buffer) => {
  const core = openCore({ file, key });
  try {
    signInStaff(core, TEST_PASSWORD);
    return callOrThrow(core, 'search.people', { text: NAME }).length;
  } finally {
    core.close();
  }
};

describe('encryption at rest', () => {
  it('writes no readable data, and a copied file cannot be opened without its key', () => {
    const file = join(tempDir(), 'hearth.sqlite');
    const key = randomBytes(32);
    const core = fill(file, key);
    // While open (data still in the WAL) and after close, no plaintext anywhere in the files.
    expect(fileBytes(file).includes(NAME)).toBe(false);
    core.close();
    const bytes = fileBytes(file);
    expect(bytes.includes(NAME)).toBe(false);
    expect(bytes.includes('SQLite format 3')).toBe(false);

    expect(() => openCore({ file })).toThrow();
    let error: unknown;
    try {
      openCore({ file, key: randomBytes(32) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HearthError);
    expect((error as HearthError).code).toBe('DATABASE_KEY_MISMATCH');
    expect(findsName(file, key)).toBe(1);
  });

  it('encrypts a database written before encryption, keeping its data', () => {
    const file = join(tempDir(), 'hearth.sqlite');
    fill(file).close();
    expect(fileBytes(file).includes(NAME)).toBe(true);
    const key = randomBytes(32);
    expect(findsName(file, key)).toBe(1);
    expect(fileBytes(file).includes(NAME)).toBe(false);
    expect(() => openCore({ file })).toThrow();
    expect(findsName(file, key)).toBe(1);
  });
});
