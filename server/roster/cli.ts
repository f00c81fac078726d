import { resolve } from 'node:path';
import { readConfig } from '../config';
import { runScript, withScriptDatabase } from '../script';
import { migrateServer } from '../migrate';
import { readRoster } from './files';
import { importRoster } from './import';
import { RosterError } from '../../contract/roster/issues';

/**
 * `npm run roster-import -- <folder or zip> [--time-zone America/Chicago] [--dry-run]`:
 * import a OneRoster 1.1 or 1.2 export into the district server's database, the one its
 * environment names as for `npm run server` (server/config.ts). Prints what changed
 * (with --dry-run, what would change, changing nothing), or every problem with its file,
 * line and column; a roster with problems changes nothing.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const zoneAt = args.indexOf('--time-zone');
  const timeZone = zoneAt >= 0 ? args[zoneAt + 1] : undefined;
  const dryRun = args.includes('--dry-run');
  const path = args.find((a, i) => !a.startsWith('--') && (zoneAt < 0 || i !== zoneAt + 1));
  if (!path) {
    console.error(
      'Usage: npm run roster-import -- <folder or zip> [--time-zone Area/City] [--dry-run]',
    );
    return 2;
  }
  return withScriptDatabase(readConfig(process.env), async ({ db }) => {
    await migrateServer(db);
    const summary = await importRoster(db, await readRoster(resolve(path)), { timeZone, dryRun });
    console.log(JSON.stringify({ ...summary, dryRun }, null, 2));
    return 0;
  });
}

runScript(
  main,
  'The roster import failed:',
  (error): error is RosterError => error instanceof RosterError,
);
