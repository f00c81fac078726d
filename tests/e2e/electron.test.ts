import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { _electron } from 'playwright-core';
import { screenshot } from './harness';

/**
 * The desktop app itself, driven by Playwright's Electron support. It needs Electron's
 * runtime, which `npm install` does not download (and which cannot be fetched where only
 * the npm registry is reachable). Where it is missing this suite is skipped and says so;
 * the shell's wiring and security rules are covered by tests/unit/electron-*.test.ts.
 */
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));
const pathFile = join(electronDir, 'path.txt');
const binary = existsSync(pathFile)
  ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  : null;
const runtime = binary && existsSync(binary) ? binary : null;
if (!runtime)
  console.log(
    'Electron end-to-end suite skipped: Electron’s runtime is not installed on this machine.',
  );

describe.skipIf(!runtime)('desktop app (Electron)', () => {
  it('opens the front desk in a sandboxed window that cannot reach Node or leave the app', async () => {
    const app = await _electron.launch({
      executablePath: runtime as string,
      args: ['.', '--demo'],
    });
    try {
      const window = await app.firstWindow();
      await window.getByRole('combobox', { name: 'Who’s here?' }).waitFor();
      expect(
        await window.evaluate(() => typeof (window as unknown as { hearth?: unknown }).hearth),
      ).toBe('object');
      expect(
        await window.evaluate(() => typeof (globalThis as { require?: unknown }).require),
      ).toBe('undefined');
      expect(
        await window.evaluate(() => typeof (globalThis as { process?: unknown }).process),
      ).toBe('undefined');
      await window.evaluate(() => {
        globalThis.location.href = 'https://example.com/';
      });
      await window.waitForTimeout(500);
      expect(window.url()).toMatch(/^hearth:\/\/app\//);
      await screenshot(window, 'electron-front-desk');
    } finally {
      await app.close();
    }
  });
});
