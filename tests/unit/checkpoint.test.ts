import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callOrThrow, openCore } from '../../db/core';
import { TEST_SCHOOL, TEST_PASSWORD, signInStaff } from '../fixtures';
import { tempDir } from '../helpers';

afterEach(() => {
  vi.useRealTimers();
});

function openQuietCore() {
  const file = join(tempDir(), 'hearth.sqlite');
  const core = openCore({ file, checkpointQuietMs: 1_000 });
  callOrThrow(core, 'setup.school', TEST_SCHOOL);
  signInStaff(core, TEST_PASSWORD);
  // Start from a checkpointed file, so growth below can only come from the checkpointer.
  core.store.db.pragma('wal_checkpoint(TRUNCATE)');
  const size = () => statSync(file).size;
  const addPeople = (count: number) => {
    for (let i = 0; i < count; i++)
      callOrThrow(core, 'person.create', {
        firstName: `Person${i}`,
        lastName: 'Checkpoint'.repeat(8),
        kind: 'caregiver',
      });
  };
  return { core, size, addPeople };
}

describe('WAL checkpoints when writes pause', () => {
  it('leaves commits in the WAL until writes have been quiet, then copies them into the file', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { core, size, addPeople } = openQuietCore();
    try {
      expect(core.store.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = size();
      addPeople(300);
      vi.advanceTimersByTime(999);
      expect(size()).toBe(before);
      vi.advanceTimersByTime(1);
      expect(size()).toBeGreaterThan(before);
    } finally {
      core.close();
    }
  });

  it('checkpoints anyway when writes never pause for long', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { core, size, addPeople } = openQuietCore();
    try {
      const before = size();
      // A write every half second for 40 seconds: never quiet, past the 30-second bound.
      for (let step = 0; step < 80; step++) {
        addPeople(5);
        vi.advanceTimersByTime(500);
      }
      expect(size()).toBeGreaterThan(before);
    } finally {
      core.close();
    }
  });

  it('checkpoints after 500 commits with no pause at all', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { core, size, addPeople } = openQuietCore();
    try {
      // Setting up the school made a few commits already; 400 more stay under the bound.
      const before = size();
      addPeople(400);
      expect(size()).toBe(before);
      addPeople(100);
      expect(size()).toBeGreaterThan(before);
    } finally {
      core.close();
    }
  });

  it('checkpoints after reads that wrote audit entries, though nothing else was written', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { core, size } = openQuietCore();
    try {
      const { id: studentId } = callOrThrow(core, 'student.create', {
        firstName: 'Ana',
        lastName: 'Audit',
        grade: '3',
      });
      for (let i = 0; i < 20; i++)
        callOrThrow(core, 'note.create', {
          studentId,
          visibility: 'team:admin',
          subject: `Note ${i}`,
          body: 'Read often, so the audit log grows.',
        });
      vi.advanceTimersByTime(1_000);
      core.store.db.pragma('wal_checkpoint(TRUNCATE)');
      const before = size();
      for (let i = 0; i < 300; i++) callOrThrow(core, 'note.forStudent', { studentId });
      vi.advanceTimersByTime(999);
      expect(size()).toBe(before);
      vi.advanceTimersByTime(1);
      expect(size()).toBeGreaterThan(before);
    } finally {
      core.close();
    }
  });
});
