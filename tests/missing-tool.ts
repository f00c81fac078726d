/**
 * A tool the tests need is not on this machine. Its message is one sentence naming what to
 * install; the stack is left out because it would only point into the lookup.
 */
export class MissingTool extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingTool';
    this.stack = message;
  }
}

/** HEARTH_NO_SYSTEM_BINARIES hides the system's Chromium and PostgreSQL from the lookups. */
export const systemBinariesHidden = (env: NodeJS.ProcessEnv) =>
  Boolean(env.HEARTH_NO_SYSTEM_BINARIES) && env.HEARTH_NO_SYSTEM_BINARIES !== '0';
