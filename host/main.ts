import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HearthError } from '../contract';
import { startSyncAgent } from '../db/sync/agent';
import { callOrThrow, openCore, type Core } from '../db/core';
import { keyFileFor, readOrCreateKey } from '../db/key-file';
import { privateFolder } from '../db/private-files';
import { startBrowserHost } from './server';

/**
 * Browser mode entry: open the local database, serve the UI and the API on 127.0.0.1, and
 * print the address. `--demo` uses a separate demo database and fills it on first use, so a
 * real school's database never receives demo data.
 */
const here = dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    'data-dir': {
      type: 'string',
      default: process.env.HEARTH_DATA_DIR ?? resolve(here, '../../.hearth-data'),
    },
    'static-dir': { type: 'string', default: resolve(here, '../renderer') },
    port: { type: 'string', default: '0' },
    reason: { type: 'string', default: '' },
  },
});

const dataDir = values['data-dir'];
privateFolder(dataDir);
const file = join(dataDir, values.demo ? 'demo.sqlite' : 'hearth.sqlite');

let core: Core;
try {
  core = openCore({
    file,
    key: readOrCreateKey(keyFileFor(file)),
    appVersion: process.env.npm_package_version ?? '0.1.0',
    // Only the call name and error class: messages can carry values people typed.
    onInternalError: (call, error) =>
      console.error(`[hearth] ${call} failed (${error instanceof Error ? error.name : 'error'})`),
  });
} catch (error) {
  console.error(
    error instanceof HearthError ? error.message : `Hearth could not open its data in ${dataDir}.`,
  );
  process.exit(1);
}

if (values.demo && callOrThrow(core, 'app.status', {}).setup === 'none')
  callOrThrow(core, 'setup.demo', {});
const syncAgent = startSyncAgent(core);

const host = await startBrowserHost({
  core,
  staticDir: values['static-dir'],
  port: Number(values.port),
});
const what = values.demo ? 'the demo school' : 'Hearth';
console.log(
  `${values.reason ? `${values.reason} ` : ''}Open ${what} at ${host.launchUrl} (this address works only on this computer, for this launch).`,
);

function shutdown() {
  void host.close().then(() => {
    syncAgent.stop();
    core.close();
    process.exit(0);
  });
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
