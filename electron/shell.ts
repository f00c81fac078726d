import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { CallResult } from '../contract';
import type { CoreConnection } from './core-channel';
import { CONTENT_TYPES, resolveAsset } from './security/asset-path';
import { CONTENT_SECURITY_POLICY } from './security/csp';
import { guardNavigation, isAppUrl } from './security/navigation';
import { handlePermissionCheck, handlePermissionRequest } from './security/permissions';
import { secureWebPreferences } from './security/web-preferences';
import { denyWindowOpen } from './security/window-open';

export const APP_SCHEME = 'hearth';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const CALL_CHANNEL = 'hearth:call';

/** The parts of Electron the shell uses, so the wiring can be unit-tested with fakes. */
export interface ShellContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
}

export interface ShellWindow {
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  /** Start the page again, dropping everything it held in memory. */
  reload(): void;
}

export interface WindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  webPreferences: ReturnType<typeof secureWebPreferences>;
}

export interface IpcEvent {
  senderFrame: { url: string } | null;
}

export interface ShellDeps {
  whenReady(): Promise<unknown>;
  onWebContentsCreated(listener: (contents: ShellContents) => void): void;
  onAllWindowsClosed(listener: () => void): void;
  quit(): void;
  createWindow(options: WindowOptions): ShellWindow;
  handleIpc(
    channel: string,
    handler: (event: IpcEvent, name: unknown, input: unknown) => Promise<CallResult<unknown>>,
  ): void;
  serveScheme(scheme: string, handler: (request: { url: string }) => Promise<Response>): void;
  setPermissionHandlers(
    request: typeof handlePermissionRequest,
    check: typeof handlePermissionCheck,
  ): void;
  startCore(): CoreConnection;
  /** The computer's screen locked or it is going to sleep. */
  onSystemLock(listener: () => void): void;
}

export interface ShellPaths {
  rendererDir: string;
  preload: string;
}

const REFUSED: CallResult<never> = {
  ok: false,
  error: { code: 'UNAUTHORIZED', message: 'This request did not come from the Hearth window.' },
};

export async function serveAsset(rendererDir: string, url: string): Promise<Response> {
  const file = resolveAsset(rendererDir, new URL(url).pathname);
  const headers = {
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
  };
  if (!file) return new Response('Not found', { status: 404, headers });
  try {
    const body = await readFile(file);
    return new Response(body, {
      headers: {
        ...headers,
        'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      },
    });
  } catch {
    return new Response('Not found', { status: 404, headers });
  }
}

/**
 * Wire the desktop shell: security rules on every web contents, the app scheme, permission
 * handlers, the core process and the one IPC channel. Called once at startup.
 */
export async function startShell(deps: ShellDeps, paths: ShellPaths): Promise<ShellWindow> {
  deps.onWebContentsCreated((contents) => {
    guardNavigation(contents, APP_ORIGIN);
    contents.setWindowOpenHandler(denyWindowOpen);
  });
  deps.onAllWindowsClosed(() => deps.quit());

  await deps.whenReady();
  deps.setPermissionHandlers(handlePermissionRequest, handlePermissionCheck);
  deps.serveScheme(APP_SCHEME, (request) => serveAsset(paths.rendererDir, request.url));

  const core = deps.startCore();
  deps.handleIpc(CALL_CHANNEL, async (event, name, input) => {
    if (!event.senderFrame || !isAppUrl(event.senderFrame.url, APP_ORIGIN)) return REFUSED;
    return core.call(typeof name === 'string' ? name : '', input);
  });

  const window = deps.createWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Hearth',
    backgroundColor: '#f7f5f0',
    webPreferences: secureWebPreferences(paths.preload),
  });
  window.once('ready-to-show', () => window.show());
  // When the computer locks or sleeps, Hearth locks too: the core forgets who was signed in
  // and their keys, and the page restarts so no family data stays in its memory.
  deps.onSystemLock(() => {
    void core.call('session.lock', {}).finally(() => window.reload());
  });
  await window.loadURL(`${APP_ORIGIN}/`);
  return window;
}
