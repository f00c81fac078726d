import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConfig } from '../config';
import { migrateServer } from '../migrate';
import { runScript, withScriptDatabase } from '../script';
import { markRestored } from '../sync/epoch';
import {
  BackupError,
  checkTools,
  dumpDatabase,
  otherConnections,
  restoreDatabase,
} from './pg-tools';

const USAGE = `Usage:
  npm run server:backup -- <file>     back up the district's database into <file>
  npm run server:restore -- <file>    replace the database with the backup in <file>
  npm run server:restored             after restoring the database another way, tell computers`;

/** What the computers and the operator do after a restore, said once it is done. */
const AFTER_RESTORE = `Computers will send again what they recorded since the backup, and pull again what changed, at their next sync.
Not in the backup, to be done again: staff accounts, passwords, enrollments and roster imports made after it was taken.`;

/**
 * `npm run server:backup`, `server:restore` and `server:restored` (built as
 * dist-server/backup.mjs), on the database the server's environment names (server/config.ts).
 * Backups are PostgreSQL's own (pg_dump's custom format); PGlite, the server's built-in
 * database for trying Hearth, has none: copy its folder while the server is stopped.
 */
async function main(): Promise<number> {
  const [command, file] = process.argv.slice(2);
  if (
    !command ||
    !['backup', 'restore', 'restored'].includes(command) ||
    (command !== 'restored' && !file)
  ) {
    console.error(USAGE);
    return 2;
  }
  const config = readConfig(process.env);
  if (config.database.kind === 'pglite' && command !== 'restored')
    throw new BackupError(
      'Backups need PostgreSQL: set DATABASE_URL (or HEARTH_SERVER_POSTGRES=embedded). The built-in database is for trying Hearth; to keep a copy of it, copy its folder while the server is stopped.',
    );
  if (config.database.kind === 'url' && !config.database.prepared && command !== 'restored')
    throw new BackupError(
      "pg_dump and pg_restore need PostgreSQL's own address, not PgBouncer's: for this command, set DATABASE_URL to it and leave DATABASE_POOLER unset.",
    );
  return withScriptDatabase(config, async ({ db, url }) => {
    if (command !== 'restored') {
      if (!url || !file) throw new BackupError(USAGE);
      if (command === 'backup') {
        await checkTools(db, ['pg_dump']);
        const bytes = await dumpDatabase(url, resolve(file));
        console.log(`Backed up the district's database into ${resolve(file)} (${bytes} bytes).`);
        return 0;
      }
      if (!existsSync(file)) throw new BackupError(`There is no backup at ${resolve(file)}.`);
      await checkTools(db, ['pg_restore', 'psql']);
      const others = await otherConnections(db);
      if (others > 0)
        throw new BackupError(
          `Stop every Hearth server using this database first: ${others} other connection${others === 1 ? ' is' : 's are'} open to it. Nothing was changed.`,
        );
      await restoreDatabase(url, resolve(file));
    }
    await migrateServer(db);
    await markRestored(db);
    const done =
      command === 'restore'
        ? `Restored the district's database from ${resolve(file ?? '')}.`
        : "Marked the district's database as restored.";
    console.log(`${done}\n${AFTER_RESTORE}`);
    return 0;
  });
}

runScript(
  main,
  'The backup tool failed:',
  (error): error is BackupError => error instanceof BackupError,
);
