import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import { DEMO_PASSWORD } from '../contract';
import type { CallInput, CallName, CallOutput, ErrorBody } from '../contract';
import { callOrThrow, openCore, type Core, type CoreOptions } from '../db/core';
import { TEST_SCHOOL, signInStaff } from './fixtures';

const cleanups: (() => void)[] = [];
const suiteCleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});
afterAll(() => {
  while (suiteCleanups.length) suiteCleanups.pop()?.();
});

export function tempDir(scope: 'test' | 'suite' = 'test'): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-test-'));
  (scope === 'test' ? cleanups : suiteCleanups).push(() =>
    rmSync(dir, { recursive: true, force: true }),
  );
  return dir;
}

/**
 * A core on a real SQLite file in a fresh temp folder, closed and removed after the test
 * (or, with scope 'suite', after the file's last test).
 */
export function tempCore(
  options: Partial<CoreOptions> & { setup?: 'demo' | 'school'; scope?: 'test' | 'suite' } = {},
): Core {
  const scope = options.scope ?? 'test';
  const file = join(tempDir(scope), 'hearth.sqlite');
  const core = openCore({
    file,
    key: randomBytes(32),
    checkOutputs: true,
    onInternalError: (call, error) => console.error(`internal error in ${call}`, error),
    ...options,
  });
  (scope === 'test' ? cleanups : suiteCleanups).unshift(() => core.close());
  if (options.setup === 'demo') {
    callOrThrow(core, 'setup.demo', {});
    signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'front_office');
  }
  if (options.setup === 'school') callOrThrow(core, 'setup.school', TEST_SCHOOL);
  return core;
}

export const ok = <N extends CallName>(core: Core, name: N, input: CallInput<N>): CallOutput<N> =>
  callOrThrow(core, name, input);

export function fail(core: Core, name: string, input: unknown): ErrorBody {
  const result = core.call(name, input);
  if (result.ok)
    throw new Error(
      `expected ${name} to fail, it returned ${JSON.stringify(result.value).slice(0, 200)}`,
    );
  return result.error;
}

/** A fingerprint of everything stored, to prove a failed call wrote nothing. */
export function snapshot(core: Core): string {
  const tables = core.store.db
    .prepare(
      "SELECT name, sql LIKE '%WITHOUT ROWID' AS keyed FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string; keyed: number }[];
  // A table WITHOUT ROWID is read in its primary key's order.
  return JSON.stringify(
    tables.map(({ name, keyed }) => [
      name,
      core.store.db.prepare(`SELECT * FROM "${name}" ${keyed ? '' : 'ORDER BY rowid'}`).all(),
    ]),
  );
}

export { freePort } from './free-port';
