import {
  BrowserWindow,
  app,
  ipcMain,
  powerMonitor,
  protocol,
  safeStorage,
  session,
  utilityProcess,
} from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { keyFileFor, readOrCreateKey } from '../db/key-file';
import { privateFolder } from '../db/private-files';
import { connectCore, type CoreProcessHandle } from './core-channel';
import { keychainWrap } from './keychain';
import { APP_SCHEME, startShell } from './shell';

/**
 * Electron entry: adapts the real Electron APIs to the shell's small interface. Everything
 * with a decision in it lives in shell.ts and security/, where it is unit-tested.
 */
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

if (!app.requestSingleInstanceLock()) app.quit();

// A source checkout (or --demo) opens the demo school in its own file, never the real one.
const demo = !app.isPackaged || process.argv.includes('--demo');
const nativeBinding = app.isPackaged
  ? join(process.resourcesPath, 'native', 'better_sqlite3.node')
  : join(__dirname, '../../build/native/electron/better_sqlite3.node');

void startShell(
  {
    whenReady: () => app.whenReady(),
    onWebContentsCreated: (listener) =>
      app.on('web-contents-created', (_event, contents) => listener(contents)),
    onAllWindowsClosed: (listener) => app.on('window-all-closed', listener),
    quit: () => app.quit(),
    createWindow: (options) => new BrowserWindow(options),
    handleIpc: (channel, handler) =>
      ipcMain.handle(channel, (event, name, input) => handler(event, name, input)),
    serveScheme: (scheme, handler) => protocol.handle(scheme, handler),
    setPermissionHandlers: (request, check) => {
      session.defaultSession.setPermissionRequestHandler(request);
      session.defaultSession.setPermissionCheckHandler(check);
    },
    startCore: () => {
      const folder = app.getPath('userData');
      privateFolder(folder);
      const file = join(folder, demo ? 'demo.sqlite' : 'hearth.sqlite');
      const key = readOrCreateKey(keyFileFor(file), keychainWrap(safeStorage));
      const args = ['--file', file, '--app-version', app.getVersion()];
      if (existsSync(nativeBinding)) args.push('--native-binding', nativeBinding);
      if (demo) args.push('--demo');
      const child = utilityProcess.fork(join(__dirname, 'core-process.cjs'), args, {
        serviceName: 'Hearth data',
        env: { ...process.env, HEARTH_DB_KEY: key.toString('hex') },
      });
      return connectCore(child as unknown as CoreProcessHandle);
    },
    onSystemLock: (listener) => {
      powerMonitor.on('lock-screen', listener);
      powerMonitor.on('suspend', listener);
    },
  },
  { rendererDir: join(__dirname, '../renderer'), preload: join(__dirname, 'preload.cjs') },
);
