import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../chromium';

/** The browser the window benchmarks drive: Debian's or the one tests/chromium.ts finds. */
export const launchBrowser = async (): Promise<Browser> =>
  chromium.launch({ executablePath: (await findChromium()).path, args: CHROMIUM_ARGS });

/**
 * Hearth's browser-mode host as `npm start` runs it, on the demo school in `dataDir`;
 * resolves with the address it prints (the launch secret in its fragment) and a way to stop it.
 */
export async function startHost(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [resolve('dist/host/main.js'), '--demo', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((done, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /(http:\/\/127\.0\.0\.1:\d+\/#k=[\w-]+)/.exec(out);
      if (match?.[1]) done(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`host exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((done) => child.on('exit', done));
    },
  };
}
