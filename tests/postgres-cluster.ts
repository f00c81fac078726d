import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

/**
 * A throwaway PostgreSQL cluster from the installed binaries (Debian's `postgresql`), in a
 * temp folder on a free loopback port, trusted for local connections only. PostgreSQL refuses
 * to run as root, so as root the cluster runs as the `postgres` system user.
 */
export interface PostgresCluster {
  /** A fresh, empty database in the cluster. */
  newDatabase(): Promise<string>;
  restart(): void;
  stop(): void;
}

function binDir(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** Why real-PostgreSQL tests cannot run here, or null when they can. */
export function postgresMissing(): string | null {
  return binDir() ? null : 'PostgreSQL binaries (initdb, pg_ctl) are not installed';
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = binDir();
  if (!bin) throw new Error(postgresMissing() ?? 'no PostgreSQL');
  const dir = mkdtempSync(join(tmpdir(), 'hearth-pg-'));
  const data = join(dir, 'data');
  const asUser: { uid?: number; gid?: number } = {};
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
    Object.assign(asUser, { uid, gid });
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(join(bin, tool), args, { ...asUser, stdio: 'pipe', cwd: dir });
  run('initdb', ['-D', data, '-U', 'hearth', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
  const ctl = (action: 'start' | 'restart' | 'stop') =>
    run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-m', 'fast', action]);
  ctl('start');
  let databases = 0;
  return {
    async newDatabase() {
      const name = `hearth_test_${++databases}`;
      const admin = new pg.Client({
        host: '127.0.0.1',
        port,
        user: 'hearth',
        database: 'postgres',
      });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return `postgres://hearth@127.0.0.1:${port}/${name}`;
    },
    restart: () => ctl('restart'),
    stop() {
      ctl('stop');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
