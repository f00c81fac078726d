import { existsSync } from 'node:fs';
import { MissingTool, systemBinariesHidden } from './missing-tool';

/**
 * The Chromium the end-to-end tests and benchmarks drive, found in this order:
 * 1. CHROMIUM_PATH.
 * 2. The Chromium packaged in @sparticuz/chromium (a devDependency; Linux x64 and arm64),
 *    unpacked into the temp folder on first use.
 * 3. A system Chromium or Chrome, unless HEARTH_NO_SYSTEM_BINARIES is set.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export interface FoundChromium {
  path: string;
  describe: string;
}

const SYSTEM_CHROMES: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ],
  darwin: [
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ],
  win32: [
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ],
};

export interface ChromiumLookup {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  exists(path: string): boolean;
}

/** Where to look, in order: a path, or the packaged Chromium. */
export function chromiumCandidates(
  look: ChromiumLookup,
): ({ path: string; describe: string } | 'packaged')[] {
  const given = look.env.CHROMIUM_PATH;
  if (given) return [{ path: given, describe: `CHROMIUM_PATH (${given})` }];
  const packaged =
    look.platform === 'linux' && (look.arch === 'x64' || look.arch === 'arm64')
      ? (['packaged'] as const)
      : [];
  const system = systemBinariesHidden(look.env)
    ? []
    : (SYSTEM_CHROMES[look.platform] ?? [])
        .filter((path) => look.exists(path))
        .map((path) => ({ path, describe: `the system's Chromium (${path})` }));
  return [...packaged, ...system];
}

let found: Promise<FoundChromium> | undefined;

/** The Chromium to drive; throws MissingTool, naming what to install, when there is none. */
export function findChromium(): Promise<FoundChromium> {
  found ??= (async () => {
    const [first] = chromiumCandidates({
      env: process.env,
      platform: process.platform,
      arch: process.arch,
      exists: existsSync,
    });
    if (first === undefined)
      throw new MissingTool(
        'No Chromium for the end-to-end tests: run npm install on Linux (it brings one), install Chromium or Google Chrome, or set CHROMIUM_PATH to one.',
      );
    if (first !== 'packaged') return first;
    const { default: packaged } = await import('@sparticuz/chromium');
    return {
      path: await packaged.executablePath(),
      describe: 'the Chromium packaged in @sparticuz/chromium',
    };
  })();
  return found;
}
