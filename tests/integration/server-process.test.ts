import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_SCHEMA_VERSION } from '../../server/migrate';
import { SHUTDOWN_GRACE_MS } from '../../server/shutdown';
import { PGLITE_REHEARSAL, REHEARSAL } from '../../server/sync/rehearsal';
import { freePort, tempDir } from '../helpers';

/**
 * The compiled server (`npm run server:build`, dist-server/main.mjs, which `npm run server`
 * runs) as an operator runs it: no configuration but a data folder and a port, on PGlite or
 * (HEARTH_SERVER_POSTGRES=embedded) on a PostgreSQL of its own. The test scripts build it.
 */
const SERVER = ['--enable-source-maps', 'dist-server/main.mjs'];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function startServer(dataDir: string, port: number, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, SERVER, {
    env: { ...process.env, ...env, HEARTH_SERVER_DATA: dataDir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((ready, failed) => {
    const check = setInterval(() => {
      if (output.includes('Hearth district server ready')) {
        clearInterval(check);
        ready();
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(check);
      failed(new Error(`server exited with ${code}: ${output}`));
    });
  });
  const exited = new Promise<number | null>((done) => child.on('exit', done));
  return { child, exited, output: () => output };
}

const MODES = [
  { name: 'PGlite', database: 'pglite', env: async (): Promise<NodeJS.ProcessEnv> => ({}) },
  {
    name: 'its own PostgreSQL',
    database: 'postgres',
    env: async () => ({
      HEARTH_SERVER_POSTGRES: 'embedded',
      HEARTH_SERVER_POSTGRES_PORT: String(await freePort()),
    }),
  },
];

describe.each(MODES)('the district server process on $name', ({ database, env }) => {
  it('starts in a data folder, keeps its data, and shuts down cleanly', async () => {
    const home = tempDir();
    // As root the embedded PostgreSQL runs as the postgres user, who must reach the folder.
    if (process.getuid?.() === 0) chmodSync(home, 0o755);
    const dataDir = join(home, 'server-data');
    const port = await freePort();
    const settings = await env();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServer(dataDir, port, settings);
    // Before it listened, it rehearsed a school's syncs through itself, none refused.
    const ready = first
      .output()
      .split('\n')
      .find((line) => line.includes('Hearth district server ready'));
    const rehearsed = database === 'postgres' ? REHEARSAL : PGLITE_REHEARSAL;
    expect(JSON.parse(ready ?? '{}')).toMatchObject({
      rehearsal: { syncs: rehearsed.computers * rehearsed.rounds, outcomes: 0, failed: 0 },
    });
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      database,
      schema: SERVER_SCHEMA_VERSION,
    });
    expect(await (await fetch(`${base}/ready`)).json()).toEqual({
      status: 'ready',
      schema: SERVER_SCHEMA_VERSION,
    });
    const post = (path: string, body: object) =>
      fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // First setup takes the code the server printed on its console.
    const setupCode = /setup code (\S+)/.exec(first.output())?.[1] ?? '';
    expect(setupCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const boot = await post('/v1/bootstrap', {
      setupCode,
      schoolName: 'Riverside',
      timeZone: 'America/Chicago',
      adminName: 'Pat Admin',
      email: 'pat@district.example',
      password: 'district admin password',
    });
    expect(boot.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');
    expect(first.output()).not.toContain('district admin password');
    if (settings.HEARTH_SERVER_POSTGRES) {
      // The generated database password stays in the data folder, for the server's user alone.
      const file = join(dataDir, 'postgres.password');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(first.output()).not.toContain(readFileSync(file, 'utf8').trim());
    }

    // The same folder again: the administrator is still there, so bootstrap is refused.
    const second = await startServer(dataDir, port, settings);
    // Set up, it prints no code and takes none.
    expect(second.output()).not.toContain('setup code');
    const refused = await post('/v1/bootstrap', {
      setupCode,
      schoolName: 'Another',
      timeZone: 'America/Chicago',
      adminName: 'Someone Else',
      email: 'else@district.example',
      password: 'another admin password',
    });
    expect(refused.status).toBe(409);
    const again = await post('/v1/admin/sessions', {
      email: 'pat@district.example',
      password: 'district admin password',
    });
    expect(again.status).toBe(201);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 90_000);
});

describe('a district server asked to stop', () => {
  it('stops within its grace time, saying why, when a request never finishes', async () => {
    const port = await freePort();
    const server = await startServer(join(tempDir(), 'server-data'), port, {});
    // A client that sends a request's head and never its whole body: the request stays in
    // flight, and a graceful stop alone would wait for it for ever.
    const socket = connect(port, '127.0.0.1');
    let took: number;
    try {
      await new Promise<void>((open) => socket.once('connect', () => open()));
      socket.write(
        'POST /v1/bootstrap HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
      );
      await new Promise((settle) => setTimeout(settle, 200));
      const asked = performance.now();
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(1);
      took = performance.now() - asked;
    } finally {
      socket.destroy();
    }
    expect(took).toBeGreaterThanOrEqual(SHUTDOWN_GRACE_MS - 100);
    expect(took).toBeLessThan(SHUTDOWN_GRACE_MS + 5000);
    expect(server.output()).toContain(
      `requests or the database did not finish within ${SHUTDOWN_GRACE_MS / 1000} s of SIGTERM`,
    );
  }, 30_000);
});

describe('the district server process with settings that are wrong', () => {
  it('names each mistake and stops before opening anything', async () => {
    const dataDir = join(tempDir(), 'server-data');
    const child = spawn(process.execPath, SERVER, {
      env: {
        ...process.env,
        HEARTH_SERVER_DATA: dataDir,
        PORT: 'eighty',
        DATABASE_URL: 'localhost:5432 with password sesame-open',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(1);
    expect(output).toContain('The Hearth server cannot start with these settings:');
    expect(output).toContain('PORT must be a port number from 1 to 65535; it is "eighty".');
    expect(output).toContain('DATABASE_URL must be a PostgreSQL address');
    expect(output).not.toContain('sesame-open');
    expect(existsSync(dataDir)).toBe(false);
  });
});
