// `npm start`: build, then open Hearth in Electron when its runtime is installed or can be
// fetched; otherwise serve browser mode on 127.0.0.1 and say why in one sentence.
// From the source tree Hearth opens the demo school (its own database file); `--real` opens
// the real database instead, `--browser` skips Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const args = new Set(process.argv.slice(2));
const root = join(dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);

function build() {
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet'], {
    stdio: 'inherit',
    cwd: root,
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Path of the Electron binary, fetching the runtime once if it is missing. Null if unavailable. */
function electronBinary() {
  let electronDir;
  try {
    electronDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { binary: null, why: 'the electron package is not installed' };
  }
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    console.log('Fetching the Electron runtime (one time)…');
    const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      cwd: electronDir,
      stdio: 'ignore',
      timeout: 60_000,
    });
    if (fetched.status !== 0 || !existsSync(pathFile)) {
      return {
        binary: null,
        why: 'Electron’s runtime is not installed on this machine and could not be downloaded',
      };
    }
  }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary)
    ? { binary, why: null }
    : { binary: null, why: 'Electron’s runtime files are missing' };
}

build();
const demoArgs = args.has('--real') ? [] : ['--demo'];
const electron = args.has('--browser')
  ? { binary: null, why: 'you asked for browser mode' }
  : electronBinary();
const child = electron.binary
  ? spawn(electron.binary, [root, ...demoArgs], { stdio: 'inherit' })
  : spawn(
      process.execPath,
      [
        join(root, 'dist/host/main.js'),
        ...demoArgs,
        '--reason',
        `Hearth is running in browser mode because ${electron.why}.`,
      ],
      {
        stdio: 'inherit',
      },
    );
if (args.has('--dev')) {
  // Rebuild the renderer on change; reload the page to see it.
  spawn(
    process.execPath,
    [require.resolve('vite/bin/vite.js'), 'build', '--watch', '--config', 'vite.config.ts'],
    { stdio: 'ignore', cwd: root },
  );
}
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
