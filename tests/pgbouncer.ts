import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';
import { MissingTool } from './missing-tool';
import { runAs } from './postgres-cluster';

/**
 * PgBouncer in transaction pooling mode in front of a test PostgreSQL, as a district runs
 * several server instances on one database. PgBouncer is Debian's `pgbouncer` (it is not on
 * npm): where it is not installed the tests that need it say so and do not run, except in CI,
 * which installs it (.ci/run) and where its absence fails them.
 */
export function pgBouncerBinary(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v pgbouncer'], {
    encoding: 'utf8',
  }).stdout.trim();
  if (onPath) return onPath;
  return existsSync('/usr/sbin/pgbouncer') ? '/usr/sbin/pgbouncer' : null;
}

export const PGBOUNCER_MISSING =
  'PgBouncer is not installed (Debian: apt-get install pgbouncer), so the tests of several servers behind it do not run here; CI installs it and runs them.';

export interface PgBouncer {
  /** The same database as `target`, through PgBouncer. */
  url: string;
  stop(): Promise<void>;
}

/** PgBouncer will not run as root: as root it drops to the `postgres` user, who owns its folder. */
function runAsPostgres(dir: string): string[] {
  const ids = runAs();
  if (!ids) return [];
  chownSync(dir, ids.uid, ids.gid);
  return ['-u', 'postgres'];
}

/**
 * PgBouncer for the database at `target` (a URL with user and password), keeping at most
 * `serverConnections` connections to PostgreSQL however many clients connect.
 */
export async function startPgBouncer(target: string, serverConnections = 20): Promise<PgBouncer> {
  const binary = pgBouncerBinary();
  if (!binary) throw new MissingTool(PGBOUNCER_MISSING);
  const server = new URL(target);
  const database = server.pathname.slice(1);
  const user = decodeURIComponent(server.username);
  const dir = mkdtempSync(join(tmpdir(), 'hearth-pgbouncer-'));
  const port = await freePort();
  const users = join(dir, 'users.txt');
  writeFileSync(users, `"${user}" ""\n`, { mode: 0o644 });
  const ini = join(dir, 'pgbouncer.ini');
  writeFileSync(
    ini,
    [
      '[databases]',
      `${database} = host=${server.hostname} port=${server.port} dbname=${database} user=${user} password=${decodeURIComponent(server.password)}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      // The clients are the test's own servers on loopback; PostgreSQL still checks PgBouncer.
      'auth_type = trust',
      `auth_file = ${users}`,
      'pool_mode = transaction',
      'max_client_conn = 1000',
      `default_pool_size = ${serverConnections}`,
      'ignore_startup_parameters = extra_float_digits,options',
    ].join('\n'),
    { mode: 0o644 },
  );
  const child = spawn(binary, [...runAsPostgres(dir), ini], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.on('exit', () => done()));
  const url = `postgres://${encodeURIComponent(user)}@127.0.0.1:${port}/${database}`;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      break;
    } catch (error) {
      if (attempt === 100 || child.exitCode !== null)
        throw new Error(`PgBouncer did not start:\n${output}`, { cause: error });
      await new Promise((wait) => setTimeout(wait, 50));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
