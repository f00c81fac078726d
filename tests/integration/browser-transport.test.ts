import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../db/core';
import { startBrowserHost, type BrowserHost } from '../../host/server';
import { snapshot, tempCore, tempDir } from '../helpers';

/** Raw HTTP, so tests can send what a browser would not (a forged Host header, say). */
function send(
  host: BrowserHost,
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((done, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'GET',
        path: options.path ?? '/',
        headers: options.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode transport', () => {
  let core: Core;
  let host: BrowserHost;
  let secret: string;
  const api = (body: unknown, headers: Record<string, string> = {}) =>
    send(host, {
      method: 'POST',
      path: '/api/call',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${secret}`,
        ...headers,
      },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    core = tempCore({ setup: 'school', scope: 'suite' });
    host = await startBrowserHost({ core, staticDir: resolve('dist/renderer') });
    secret = new URL(host.launchUrl).hash.replace('#k=', '');
  });
  afterAll(() => host.close());

  it('listens on loopback only and hands the secret over in the URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(secret.length).toBeGreaterThanOrEqual(40);
  });

  it('answers calls carrying the secret with the core’s envelope', async () => {
    const status = await api({ name: 'app.status', input: {} });
    expect(status.status).toBe(200);
    expect(JSON.parse(status.body)).toMatchObject({
      ok: true,
      value: { setup: 'real', school: { name: 'Lincoln Elementary' } },
    });
    const created = JSON.parse(
      (await api({ name: 'person.create', input: { firstName: 'Amara', kind: 'caregiver' } })).body,
    );
    expect(created).toMatchObject({ ok: true, value: { firstName: 'Amara' } });
  });

  it('refuses a call without the secret, or with a wrong one, and writes nothing', async () => {
    const before = snapshot(core);
    for (const authorization of [
      undefined,
      'Bearer wrong',
      `Basic ${secret}`,
      `Bearer ${secret}x`,
    ]) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (authorization) headers.authorization = authorization;
      const res = await send(host, {
        method: 'POST',
        path: '/api/call',
        headers,
        body: JSON.stringify({
          name: 'person.create',
          input: { firstName: 'Mallory', kind: 'visitor' },
        }),
      });
      expect(res.status, String(authorization)).toBe(401);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(snapshot(core)).toBe(before);
  });

  it('refuses other sites and rebound host names even with the secret', async () => {
    const before = snapshot(core);
    const crossSite = await api(
      { name: 'visit.signOutAll', input: {} },
      { origin: 'http://evil.example' },
    );
    expect(crossSite.status).toBe(403);
    const rebound = await api(
      { name: 'visit.signOutAll', input: {} },
      { host: `evil.example:${host.port}` },
    );
    expect(rebound.status).toBe(421);
    expect(snapshot(core)).toBe(before);
  });

  it('turns unknown calls, malformed and oversized bodies into typed errors', async () => {
    expect(JSON.parse((await api({ name: 'people.dropAll', input: {} })).body).error.code).toBe(
      'UNKNOWN_CALL',
    );
    expect(JSON.parse((await api({ input: {} })).body).error.code).toBe('UNKNOWN_CALL');
    for (const body of ['{not json', 'null', '7', '"people.dropAll"', '[]']) {
      const malformed = await api(body);
      expect([malformed.status, JSON.parse(malformed.body).error.code]).toEqual([
        400,
        'VALIDATION',
      ]);
    }
    const huge = await api({ name: 'search.people', input: { text: 'x'.repeat(1_100_000) } });
    expect(huge.status).toBe(413);
    const invalid = JSON.parse(
      (await api({ name: 'person.create', input: { firstName: 7 } })).body,
    );
    expect(invalid.error.code).toBe('VALIDATION');
    expect((await send(host, { method: 'GET', path: '/api/call' })).status).toBe(405);
  });

  it('serves the app with a strict CSP and nothing outside its folder', async () => {
    const page = await send(host, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await send(host, { path: '/../package.json' })).status).toBe(404);
    expect((await send(host, { path: '/%2e%2e/package.json' })).status).toBe(404);
    expect((await send(host, { method: 'DELETE', path: '/' })).status).toBe(405);
  });
});

describe('the browser-mode process', () => {
  function run(args: string[], dataDir: string) {
    const child = spawn(
      process.execPath,
      [join('dist/host/main.js'), '--data-dir', dataDir, ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const url = new Promise<string>((done, reject) => {
      child.stdout.on('data', () => {
        const match = /(http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]+)/.exec(out);
        if (match?.[1]) done(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`exited ${code}: ${err}`)));
    });
    const exit = new Promise<number | null>((done) => child.on('exit', done));
    return { child, url, exit, output: () => out, errors: () => err };
  }

  it('opens the demo school in its own file, says why it is in browser mode, and stops cleanly', async () => {
    const dataDir = tempDir();
    const proc = run(['--demo', '--reason', 'Testing browser mode.'], dataDir);
    const launch = await proc.url;
    expect(proc.output()).toMatch(
      /^Testing browser mode\. Open the demo school at http:\/\/127\.0\.0\.1/,
    );
    const url = new URL(launch);
    const res = await fetch(new URL('/api/call', url), {
      method: 'POST',
      headers: { authorization: `Bearer ${url.hash.slice(3)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'app.status', input: {} }),
    });
    expect(await res.json()).toMatchObject({ ok: true, value: { setup: 'demo' } });
    proc.child.kill('SIGTERM');
    expect(await proc.exit).toBe(0);
    const { readdirSync, statSync } = await import('node:fs');
    expect(readdirSync(dataDir)).toContain('demo.sqlite');
    expect(readdirSync(dataDir)).not.toContain('hearth.sqlite');
    // Families' records are for the user running Hearth alone.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'demo.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('refuses a database from a newer Hearth with a plain message', async () => {
    const dataDir = tempDir();
    const { openStore } = await import('../../db/store');
    const { migrate } = await import('../../db/migrate');
    const store = openStore(join(dataDir, 'hearth.sqlite'));
    migrate(store);
    store.db.prepare("INSERT INTO schema_migrations VALUES (42, 'future', '2031-01-01')").run();
    store.close();
    const proc = run([], dataDir);
    expect(await proc.exit).toBe(1);
    expect(proc.errors()).toMatch(/newer version of Hearth/);
    await proc.url.catch(() => undefined);
  });
});
