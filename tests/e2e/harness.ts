import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow, openCore, type Core } from '../../db/core';
import { startSyncAgent, type AgentOptions } from '../../db/sync/agent';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS } from '../chromium';
import { signInStaff } from '../fixtures';
import { startBrowserHost, type BrowserHost } from '../../host/server';

/**
 * End-to-end harness: the real core on a real SQLite file, served by the real browser-mode
 * host, driven in the Chromium tests/chromium.ts finds. Needs `npm run build` first (test:e2e does it).
 */
/** Launches the Chromium the run found (tests/setup/e2e.ts). */
export const launchChromium = () =>
  chromium.launch({ executablePath: inject('chromium'), args: CHROMIUM_ARGS });
export const SCREENSHOTS = resolve('test-results/screenshots');

export interface RunningApp {
  core: Core;
  host: BrowserHost;
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function startApp(options: {
  demo: boolean;
  /** Demo only: sign the front office in through the core first (default), or leave the sign-in screen. */
  signedIn?: boolean;
  viewport?: { width: number; height: number };
  /** Work on the core before the window opens (e.g. joining a district). */
  prepare?: (core: Core) => Promise<void>;
  /** Run the background sync agent as the app does, with these timings. */
  sync?: AgentOptions;
}): Promise<RunningApp> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-e2e-'));
  const core = openCore({
    file: join(dir, 'hearth.sqlite'),
    key: randomBytes(32),
    checkOutputs: true,
  });
  if (options.demo) {
    callOrThrow(core, 'setup.demo', {});
    if (options.signedIn ?? true)
      signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'front_office');
  }
  await options.prepare?.(core);
  const agent = options.sync ? startSyncAgent(core, options.sync) : null;
  const host = await startBrowserHost({ core, staticDir: resolve('dist/renderer') });
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1280, height: 800 },
  });
  await page.goto(host.launchUrl);
  return {
    core,
    host,
    browser,
    page,
    async close() {
      await browser.close();
      await host.close();
      agent?.stop();
      await agent?.idle();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Collect page errors and CSP violations: a screen that logs them is not done. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return errors;
}

/** Go to a page from the left navigation. */
export const nav = (page: Page, name: string) =>
  page.getByRole('navigation').getByRole('button', { name }).click();

/**
 * Choose a language as a person does: type part of its name in the language picker (any
 * form that asks for one, ui/LanguagePicker.tsx), then press Enter on the first option found.
 */
export async function chooseLanguage(
  scope: Page | Locator,
  label: string,
  typed: string,
  option: string | RegExp,
): Promise<void> {
  const input = scope.getByRole('combobox', { name: label });
  await input.fill(typed);
  const page = 'goto' in scope ? scope : scope.page();
  const found = page.getByRole('listbox', { name: label }).getByRole('option', { name: option });
  await found.first().waitFor();
  await input.press('ArrowDown');
  await expect.poll(() => found.first().getAttribute('aria-selected')).toBe('true');
  await input.press('Enter');
}

/**
 * What axe-core finds wrong on the page as it is now (WCAG 2.1 A and AA, and axe's best
 * practices), one line each: the rule and the first element it names. An empty list is a
 * clean page.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated over the debugging protocol, which the app's CSP rightly does not let a page do.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8'));
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (
            context: Document,
            options: object,
          ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    });

    return result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`);
  });
  return violations;
}
