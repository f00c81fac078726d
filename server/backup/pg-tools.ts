import { spawn, spawnSync } from 'node:child_process';
import { renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from '../db';

/**
 * PostgreSQL's own programs (pg_dump, pg_restore, psql) run for the district's backups:
 * nothing else copies a live PostgreSQL consistently. They come from the system (Debian's
 * `postgresql-client`), or from HEARTH_PG_BIN, a folder holding them.
 *
 * The database's address is given to them in the environment (PGHOST, PGPASSWORD and the
 * rest), never on their command line, where any user of the machine could read the password.
 */

export class BackupError extends Error {}

export type PgTool = 'pg_dump' | 'pg_restore' | 'psql';

export const toolPath = (tool: PgTool, bin = process.env.HEARTH_PG_BIN): string =>
  bin ? join(bin, tool) : tool;

/** libpq's environment for the database at `url` (a postgres:// address). */
export function pgEnvironment(url: string): Record<string, string> {
  const parsed = new URL(url);
  const env: Record<string, string> = {
    PGHOST: decodeURIComponent(parsed.hostname),
    PGPORT: parsed.port || '5432',
    PGDATABASE: decodeURIComponent(parsed.pathname.slice(1)),
  };
  if (parsed.username) env.PGUSER = decodeURIComponent(parsed.username);
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  const sslmode = parsed.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

/** The major version of a tool (`pg_dump (PostgreSQL) 15.18` gives 15), or null if it is missing. */
export function toolMajor(tool: PgTool): number | null {
  const run = spawnSync(toolPath(tool), ['--version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return null;
  const match = /\s(\d+)(\.\d+)?/.exec(run.stdout);
  return match ? Number(match[1]) : null;
}

export async function serverMajor(db: Sql): Promise<number> {
  const [row] = await db.query<{ version: string }>(
    `SELECT current_setting('server_version_num') AS version`,
  );
  return Math.floor(Number(row?.version ?? 0) / 10_000);
}

/** Every tool is there, and pg_dump is at least as new as the server (it refuses otherwise). */
export async function checkTools(db: Sql, tools: PgTool[]): Promise<void> {
  const server = await serverMajor(db);
  for (const tool of tools) {
    const major = toolMajor(tool);
    if (major === null)
      throw new BackupError(
        `${tool} was not found. Install PostgreSQL's client programs (Debian: apt-get install postgresql-client), or set HEARTH_PG_BIN to the folder that holds them.`,
      );
    if (tool === 'pg_dump' && major < server)
      throw new BackupError(
        `pg_dump ${major} cannot back up PostgreSQL ${server}. Install PostgreSQL ${server}'s client programs and set HEARTH_PG_BIN to their folder (for example /usr/lib/postgresql/${server}/bin).`,
      );
  }
}

function finished(child: ReturnType<typeof spawn>, tool: PgTool, stderr: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    child.on('error', (error) =>
      reject(new BackupError(`${tool} could not run: ${error.message}`)),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new BackupError(`${tool} failed (exit ${code}): ${stderr.join('').trim()}`)),
    );
  });
}

function run(tool: PgTool, args: string[], url: string, stdin: 'ignore' | 'pipe' = 'ignore') {
  const child = spawn(toolPath(tool), args, {
    env: { ...process.env, ...pgEnvironment(url) },
    stdio: [stdin, 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString('utf8')));
  return { child, done: finished(child, tool, stderr) };
}

/**
 * pg_dump's custom format into `file`: one consistent snapshot of the whole database, taken
 * while the servers keep serving. Written next to `file` and renamed once complete, so a
 * failed backup never leaves a file that looks like one. Returns its size in bytes.
 */
export async function dumpDatabase(url: string, file: string): Promise<number> {
  const partial = `${file}.partial`;
  try {
    await run('pg_dump', ['--format=custom', '--no-owner', '--file', partial], url).done;
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  renameSync(partial, file);
  return statSync(file).size;
}

/** Connections to the database besides this one: servers that must stop before a restore. */
export async function otherConnections(db: Sql): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid()`,
  );
  return row?.n ?? 0;
}

/**
 * Replace the database's contents with the backup in `file`, all or nothing: pg_restore turns
 * the backup into SQL, which psql runs in one transaction after emptying the schema. psql
 * commits when its input ends, so its input ends only once pg_restore has finished well; if
 * pg_restore fails, psql is stopped first and its transaction rolls back, leaving the
 * database as it was. (Nothing of the backup is written to disk as plain SQL.)
 */
export async function restoreDatabase(url: string, file: string): Promise<void> {
  const psql = run(
    'psql',
    ['--single-transaction', '--quiet', '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-f', '-'],
    url,
    'pipe',
  );
  const restore = run('pg_restore', ['--no-owner', '--no-privileges', '--file', '-', file], url);
  const input = psql.child.stdin;
  const output = restore.child.stdout;
  if (!input || !output) throw new BackupError('psql or pg_restore has no pipe.');
  // psql stopping on an error closes its input; its exit says why, not the broken pipe.
  input.on('error', () => undefined);
  input.write('DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n');
  output.pipe(input, { end: false });
  try {
    await restore.done;
  } catch (error) {
    const psqlStopped = psql.child.exitCode !== null;
    psql.child.kill('SIGKILL');
    const psqlError: unknown = await psql.done.then(
      () => null,
      (failed: unknown) => failed,
    );
    throw psqlStopped && psqlError ? psqlError : error;
  }
  input.end();
  await psql.done;
}
