// Builds everything `npm start`, the tests and packaging run: the renderer (Vite), the
// browser-mode host, the Electron main, preload and core processes (esbuild), and the
// district server (scripts/build-server.mjs).
import { build as esbuild } from 'esbuild';
import { build as vite } from 'vite';
import { buildServer } from './build-server.mjs';

const quiet = process.argv.includes('--quiet');

await vite({ configFile: 'vite.config.ts', logLevel: quiet ? 'warn' : 'info' });

const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
};
await Promise.all([
  buildServer(),
  esbuild({ ...node, entryPoints: ['host/main.ts'], outfile: 'dist/host/main.js', format: 'esm' }),
  esbuild({
    ...node,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
  }),
  esbuild({
    ...node,
    entryPoints: ['electron/core-process.ts'],
    outfile: 'dist/electron/core-process.cjs',
    format: 'cjs',
  }),
  // A sandboxed preload can require only `electron`: everything else is bundled in.
  esbuild({
    ...node,
    packages: undefined,
    external: ['electron'],
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
  }),
]);
if (!quiet) console.log('Built dist/ (renderer, host, electron) and dist-server/.');
