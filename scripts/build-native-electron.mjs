// Build better-sqlite3-multiple-ciphers for Electron's ABI into build/native/electron/,
// leaving the Node build in node_modules (used by tests and browser mode) untouched.
// Needs Electron's headers, so it runs where they can be downloaded (a packaging machine).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = JSON.parse(
  readFileSync(require.resolve('electron/package.json'), 'utf8'),
).version;
const source = dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
const work = mkdtempSync(join(tmpdir(), 'hearth-native-'));
const out = join(dirname(new URL(import.meta.url).pathname), '..', 'build', 'native', 'electron');

try {
  cpSync(source, work, {
    recursive: true,
    filter: (path) => !path.includes(`${join('build', 'Release')}`),
  });
  const gyp = spawnSync(
    process.execPath,
    [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      '--runtime=electron',
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, stdio: 'inherit' },
  );
  if (gyp.status !== 0) {
    console.error(
      `Could not build the native module for Electron ${electronVersion} (are Electron's headers reachable from here?).`,
    );
    process.exit(1);
  }
  mkdirSync(out, { recursive: true });
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), join(out, 'better_sqlite3.node'));
  console.log(`Built ${join(out, 'better_sqlite3.node')} for Electron ${electronVersion}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
