// `npm run server:build`: the district server, its roster import and backup tool compiled to plain
// JavaScript in dist-server/, so production runs them with node alone (no TypeScript runner),
// and the district console (the renderer's second entry) built into dist-server/console/,
// which the server serves at /console. The server's packages stay in node_modules:
// `npm ci --omit=dev` installs what they need; the console's are bundled into its files.
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { build as vite } from 'vite';

export async function buildServer({ quiet = true } = {}) {
  await vite({ configFile: 'vite.console.config.ts', logLevel: quiet ? 'warn' : 'info' });
  await build({
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    format: 'esm',
    sourcemap: true,
    logLevel: 'warning',
    entryPoints: {
      main: 'server/main.ts',
      'roster-import': 'server/roster/cli.ts',
      backup: 'server/backup/cli.ts',
    },
    outdir: 'dist-server',
    outExtension: { '.js': '.mjs' },
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await buildServer({ quiet: process.argv.includes('--quiet') });
  if (!process.argv.includes('--quiet')) console.log('Built dist-server/ (the district server).');
}
