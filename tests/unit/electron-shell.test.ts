import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../contract';
import {
  connectCore,
  serveCore,
  type CoreProcessHandle,
  type CoreReply,
  type CoreRequest,
} from '../../electron/core-channel';
import {
  APP_ORIGIN,
  CALL_CHANNEL,
  startShell,
  type ShellDeps,
  type ShellWindow,
  type WindowOptions,
} from '../../electron/shell';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { tempCore, tempDir } from '../helpers';

/** A fake of the Electron surface the shell uses, recording what the shell did with it. */
function fakeElectron(core: { call(name: string, input: unknown): Promise<CallResult<unknown>> }) {
  const events: string[] = [];
  const record = {
    windowOptions: undefined as WindowOptions | undefined,
    loaded: undefined as string | undefined,
    ipc: undefined as
      | ((
          event: { senderFrame: { url: string } | null },
          name: unknown,
          input: unknown,
        ) => Promise<CallResult<unknown>>)
      | undefined,
    scheme: undefined as ((request: { url: string }) => Promise<Response>) | undefined,
    contentsHooks: [] as ((
      contents: Parameters<Parameters<ShellDeps['onWebContentsCreated']>[0]>[0],
    ) => void)[],
    permissionRequest: undefined as unknown,
    systemLock: undefined as (() => void) | undefined,
    quit: vi.fn(),
    shown: vi.fn(),
    reloaded: vi.fn(),
    events,
  };
  const deps: ShellDeps = {
    whenReady: async () => events.push('ready'),
    onWebContentsCreated: (listener) => {
      events.push('web-contents-hook');
      record.contentsHooks.push(listener);
    },
    onAllWindowsClosed: (listener) => listener === undefined || events.push('all-closed-hook'),
    quit: record.quit,
    createWindow: (options) => {
      events.push('window');
      record.windowOptions = options;
      const window: ShellWindow = {
        loadURL: async (url) => void (record.loaded = url),
        once: (_event, listener) => listener(),
        show: record.shown,
        reload: record.reloaded,
      };
      return window;
    },
    handleIpc: (channel, handler) => {
      events.push(`ipc:${channel}`);
      record.ipc = handler;
    },
    serveScheme: (scheme, handler) => {
      events.push(`scheme:${scheme}`);
      record.scheme = handler;
    },
    setPermissionHandlers: (request) => {
      events.push('permissions');
      record.permissionRequest = request;
    },
    startCore: () => {
      events.push('core');
      return { call: core.call, stop: vi.fn() };
    },
    onSystemLock: (listener) => {
      record.systemLock = listener;
    },
  };
  return { deps, record };
}

describe('electron shell wiring', () => {
  it('installs the security rules before the window exists and loads the app origin', async () => {
    const rendererDir = tempDir();
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Hearth</title>');
    const { deps, record } = fakeElectron({ call: async () => ({ ok: true, value: null }) });
    await startShell(deps, { rendererDir, preload: '/preload.cjs' });

    expect(record.events.indexOf('web-contents-hook')).toBeLessThan(
      record.events.indexOf('window'),
    );
    expect(record.events.indexOf('permissions')).toBeLessThan(record.events.indexOf('window'));
    expect(record.events).toContain(`ipc:${CALL_CHANNEL}`);
    expect(record.windowOptions?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      preload: '/preload.cjs',
    });
    expect(record.windowOptions?.show).toBe(false);
    expect(record.shown).toHaveBeenCalled();
    expect(record.loaded).toBe(`${APP_ORIGIN}/`);

    const handlers: Record<string, unknown> = {};
    let openHandler: (() => unknown) | undefined;
    record.contentsHooks[0]?.({
      on: (event: string, listener: unknown) => (handlers[event] = listener),
      setWindowOpenHandler: (handler) => (openHandler = handler),
    });
    expect(Object.keys(handlers).sort()).toEqual([
      'will-attach-webview',
      'will-navigate',
      'will-redirect',
    ]);
    expect(openHandler?.()).toEqual({ action: 'deny' });
  });

  it('serves renderer files with the CSP and refuses paths outside the folder', async () => {
    const rendererDir = tempDir();
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    const { deps, record } = fakeElectron({ call: async () => ({ ok: true, value: null }) });
    await startShell(deps, { rendererDir, preload: '/p.cjs' });
    const js = await record.scheme?.({ url: 'hearth://app/assets/app.js' });
    expect(js?.status).toBe(200);
    expect(js?.headers.get('content-type')).toContain('javascript');
    expect(js?.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await record.scheme?.({ url: 'hearth://app/front-desk' }))?.status).toBe(200);
    expect((await record.scheme?.({ url: 'hearth://app/..%2f..%2fetc%2fpasswd' }))?.status).toBe(
      404,
    );
  });

  it('forwards calls from the app’s own frame to the core and refuses any other sender', async () => {
    const calls: [string, unknown][] = [];
    const { deps, record } = fakeElectron({
      call: async (name, input) => {
        calls.push([name, input]);
        return { ok: true, value: 'answered' };
      },
    });
    await startShell(deps, { rendererDir: tempDir(), preload: '/p.cjs' });
    expect(await record.ipc?.({ senderFrame: { url: 'hearth://app/' } }, 'app.status', {})).toEqual(
      { ok: true, value: 'answered' },
    );
    for (const senderFrame of [
      { url: 'https://evil.example/' },
      { url: 'hearth://app.evil/' },
      null,
    ]) {
      const refused = await record.ipc?.({ senderFrame }, 'app.status', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(calls).toEqual([['app.status', {}]]);
  });

  it('locks Hearth and restarts the page when the computer locks or sleeps', async () => {
    const core = tempCore({ setup: 'demo' });
    const { deps, record } = fakeElectron({ call: async (name, input) => core.call(name, input) });
    await startShell(deps, { rendererDir: tempDir(), preload: '/p.cjs' });
    expect(core.call('app.status', {})).toMatchObject({
      ok: true,
      value: { staff: { role: 'front_office' } },
    });
    record.systemLock?.();
    await vi.waitFor(() => expect(record.reloaded).toHaveBeenCalled());
    expect(core.call('app.status', {})).toMatchObject({ ok: true, value: { staff: null } });
  });
});

describe('main ↔ core process channel', () => {
  function pair(core: { call(name: string, input: unknown): CallResult<unknown> }) {
    const child = new EventEmitter();
    const port = new EventEmitter();
    serveCore(
      {
        on: (event, listener) => port.on(event, listener),
        postMessage: (reply: CoreReply) => setImmediate(() => child.emit('message', reply)),
      },
      core,
    );
    const handle = {
      postMessage: (request: CoreRequest) =>
        setImmediate(() => port.emit('message', { data: request })),
      on: (event: string, listener: (arg: unknown) => void) => child.on(event, listener),
      kill: () => child.emit('exit', 1),
    };
    const connection = connectCore(handle as unknown as CoreProcessHandle);
    return { connection, child };
  }

  it('carries calls to a real core and its envelopes back, matched by id', async () => {
    const core = tempCore({ setup: 'school' });
    const { connection } = pair(core);
    const [status, unknown, invalid] = await Promise.all([
      connection.call('app.status', {}),
      connection.call('no.such.call', {}),
      connection.call('person.create', { firstName: '' }),
    ]);
    expect(status).toMatchObject({ ok: true, value: { setup: 'real' } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('answers pending and later calls with a plain error when the core process exits', async () => {
    const { connection } = pair({ call: () => ({ ok: true, value: 1 }) });
    const pending = connection.call('app.status', {});
    connection.stop();
    expect(await pending).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('stopped') },
    });
    expect(await connection.call('app.status', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
  });
});
