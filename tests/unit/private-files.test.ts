import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { callOrThrow, openCore } from '../../db/core';
import { tempDir } from '../helpers';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('the files a computer keeps', () => {
  it('are the user’s alone: the database, its WAL and shared memory, and its backups', () => {
    const dir = tempDir();
    // Another folder's umask would leave them readable by everyone otherwise.
    const before = process.umask(0o022);
    try {
      const file = join(dir, 'hearth.sqlite');
      const core = openCore({ file, key: randomBytes(32), dailyBackups: false });
      callOrThrow(core, 'setup.school', {
        schoolName: 'Private School',
        timeZone: 'America/Chicago',
        staffName: 'Pat',
        password: 'a long enough password',
      });
      for (const path of [file, `${file}-wal`, `${file}-shm`]) {
        expect(existsSync(path)).toBe(true);
        expect([path, modeOf(path)]).toEqual([path, 0o600]);
      }
      const backup = callOrThrow(core, 'backup.now', {});
      expect(modeOf(join(dir, 'backups'))).toBe(0o700);
      expect(modeOf(join(dir, 'backups', backup.name))).toBe(0o600);
      core.close();
    } finally {
      process.umask(before);
    }
  });

  it('made private again when an older version left them readable', () => {
    const dir = tempDir();
    const file = join(dir, 'hearth.sqlite');
    const key = randomBytes(32);
    openCore({ file, key, dailyBackups: false }).close();
    writeFileSync(`${file}-wal`, '');
    chmodSync(file, 0o644);
    chmodSync(`${file}-wal`, 0o644);
    const core = openCore({ file, key, dailyBackups: false });
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(`${file}-wal`)).toBe(0o600);
    core.close();
  });
});
