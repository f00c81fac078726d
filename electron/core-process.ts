import { parseArgs } from 'node:util';
import { startSyncAgent } from '../db/sync/agent';
import { callOrThrow, openCore } from '../db/core';
import { serveCore, type ParentPortLike } from './core-channel';

/**
 * Entry of the Electron utility process that owns the database, so a slow query never
 * freezes the window. Arguments come from main: the database file, the native binding built
 * for Electron's ABI, and whether this is the demo database; the key in HEARTH_DB_KEY.
 */
const { values } = parseArgs({
  options: {
    file: { type: 'string' },
    'native-binding': { type: 'string' },
    demo: { type: 'boolean', default: false },
    'app-version': { type: 'string', default: '0.0.0' },
  },
});
if (!values.file) throw new Error('core process started without --file');
// The database key comes from main in the environment (never in argv, which other users'
// process listings show) and is removed from it at once.
const keyHex = process.env.HEARTH_DB_KEY;
delete process.env.HEARTH_DB_KEY;
if (!keyHex) throw new Error('core process started without its database key');

const core = openCore({
  file: values.file,
  key: Buffer.from(keyHex, 'hex'),
  nativeBinding: values['native-binding'],
  appVersion: values['app-version'],
  onInternalError: (call, error) =>
    console.error(
      `[hearth core] ${call} failed (${error instanceof Error ? error.name : 'error'})`,
    ),
});
if (values.demo && callOrThrow(core, 'app.status', {}).setup === 'none')
  callOrThrow(core, 'setup.demo', {});
const syncAgent = startSyncAgent(core);

const port = (process as unknown as { parentPort: ParentPortLike }).parentPort;
serveCore(port, core);
process.on('exit', () => {
  syncAgent.stop();
  core.close();
});
