import { contextBridge, ipcRenderer } from 'electron';
import { isCallName, type CallResult, type HearthBridge } from '../contract';

/**
 * The preload exposes exactly one object, `window.hearth`. Unknown call names are refused
 * here already; the core validates every input again, since nothing from a page is trusted.
 */
const CALL_CHANNEL = 'hearth:call';

const bridge: HearthBridge = {
  call(name, input) {
    if (!isCallName(name)) {
      return Promise.resolve({
        ok: false,
        error: {
          code: 'UNKNOWN_CALL',
          message: `Hearth has no call named "${String(name).slice(0, 80)}".`,
        },
      });
    }
    return ipcRenderer.invoke(CALL_CHANNEL, name, input) as Promise<CallResult<never>>;
  },
};

contextBridge.exposeInMainWorld('hearth', bridge);
