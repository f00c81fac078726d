// `npm run server:build`: the district server and its roster import compiled to plain
// JavaScript in dist-server/, so production runs them with node alone (no TypeScript runner).
// Their packages stay in node_modules: `npm ci --omit=dev` installs what they need.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function buildServer() {
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'esm',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: { main: 'server/main.ts', 'roster-import': 'server/roster/cli.ts' },
    outdir: 'dist-server',
    outExtension: { '.js': '.mjs' },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer();
  if (!process.argv.includes('--quiet')) console.log('Built dist-server/ (the district server).');
}
