import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_SCHEMA_VERSION } from '../../server/migrate';
import { freePort, tempDir } from '../helpers';

/** `npm run server` as an operator runs it: no configuration but a data folder and a port. */
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function startServer(dataDir: string, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, HEARTH_SERVER_DATA: dataDir, PORT: String(port) },
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

describe('the district server process', () => {
  it('starts on an embedded database in a data folder, keeps its data, and shuts down cleanly', async () => {
    const dataDir = join(tempDir(), 'server-data');
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await startServer(dataDir, port);
    const health = await fetch(`${base}/health`);
    expect(await health.json()).toEqual({
      status: 'ok',
      database: 'pglite',
      schema: SERVER_SCHEMA_VERSION,
    });
    const boot = await fetch(`${base}/v1/bootstrap`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        schoolName: 'Riverside',
        timeZone: 'America/Chicago',
        adminName: 'Pat Admin',
        email: 'pat@district.example',
        password: 'district admin password',
      }),
    });
    expect(boot.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('shutting down');
    expect(first.output()).not.toContain('district admin password');

    // The same folder again: the administrator is still there, so bootstrap is refused.
    const second = await startServer(dataDir, port);
    const again = await fetch(`${base}/v1/admin/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'pat@district.example', password: 'district admin password' }),
    });
    expect(again.status).toBe(201);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 60_000);
});
