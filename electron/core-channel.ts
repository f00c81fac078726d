import type { CallResult } from '../contract';

/**
 * The message protocol between the Electron main process and the core's utility process.
 * Main sends {id, name, input}; the core answers {id, result} with the result envelope.
 * Requests are answered in order because the core runs them one at a time.
 */
export interface CoreRequest {
  id: number;
  name: string;
  input: unknown;
}

export interface CoreReply {
  id: number;
  result: CallResult<unknown>;
}

/** What main needs of the utility process (Electron's UtilityProcess satisfies it). */
export interface CoreProcessHandle {
  postMessage(message: CoreRequest): void;
  on(event: 'message', listener: (message: CoreReply) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreConnection {
  call(name: string, input: unknown): Promise<CallResult<unknown>>;
  stop(): void;
}

const STOPPED: CallResult<never> = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message:
      'Hearth’s data service stopped. Close Hearth and open it again; nothing saved is lost.',
  },
};

export function connectCore(child: CoreProcessHandle): CoreConnection {
  let nextId = 1;
  let exited = false;
  const pending = new Map<number, (result: CallResult<unknown>) => void>();
  child.on('message', (reply) => {
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    resolve?.(reply.result);
  });
  child.on('exit', () => {
    exited = true;
    for (const resolve of pending.values()) resolve(STOPPED);
    pending.clear();
  });
  return {
    call(name, input) {
      if (exited) return Promise.resolve(STOPPED);
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        child.postMessage({ id, name, input });
      });
    },
    stop() {
      child.kill();
    },
  };
}

/** The utility-process side: answer every request with the core's envelope. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: CoreRequest }) => void): unknown;
  postMessage(message: CoreReply): void;
}

export function serveCore(
  port: ParentPortLike,
  core: { call(name: string, input: unknown): CallResult<unknown> },
): void {
  port.on('message', ({ data }) => {
    port.postMessage({ id: data.id, result: core.call(data.name, data.input) });
  });
}
