import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow } from '../../db/core';
import { signInStaff } from '../fixtures';
import { axeViolations, screenshot, startApp, type RunningApp, watchErrors } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SEEING = ['Ms. Alvarez, Room 12', 'Mr. Chen, Room 4', 'The office', null] as const;

describe('emergency roll call', () => {
  it('runs a drill from a locked computer: 30 people in the building, ticked off, printed on one page, ended and logged', async () => {
    app = await startApp({
      demo: true,
      signedIn: false,
      prepare: async (core) => {
        signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'front_office');
        for (let i = 0; i < 30; i++)
          callOrThrow(core, 'visit.signIn', {
            visitor: {
              newVisitor: { fullName: `Visitor ${String(i + 1).padStart(2, '0')} Drill` },
            },
            purpose: i % 3 === 0 ? 'volunteer' : 'meeting',
            seeing: SEEING[i % SEEING.length] ?? null,
          });
        callOrThrow(core, 'session.lock', {});
      },
    });
    const { page, core } = app;
    const errors = watchErrors(page);
    await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor();
    // One step from the lock: say it is an emergency, then sign in as anyone does.
    await page.getByRole('button', { name: 'Emergency roll call' }).click();
    const me = callOrThrow(core, 'staff.list', {}).find((s) => s.role === 'front_office');
    await page
      .getByRole('button', { name: new RegExp(me?.displayName ?? '') })
      .first()
      .click();
    await page.getByLabel(`Password for ${me?.displayName ?? ''}`).fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Emergency roll call' }).waitFor();
    await page.getByText('0 of 30 people accounted for', { exact: false }).waitFor();
    await page.getByRole('heading', { name: 'Here to see Ms. Alvarez, Room 12' }).waitFor();
    await page.getByRole('heading', { name: 'Not here to see anyone named' }).waitFor();

    await page.getByRole('radio', { name: 'A drill' }).click();
    await page.getByRole('heading', { level: 1, name: 'Roll call: drill' }).waitFor();
    // Each tick is saved before the box shows it, so the list is true if the power goes.
    for (const [n, name] of [
      'Visitor 01 Drill',
      'Visitor 02 Drill',
      'Visitor 07 Drill',
    ].entries()) {
      const box = page.getByRole('checkbox', { name: new RegExp(name) });
      await box.click();
      await page.getByText(`${n + 1} of 30 people accounted for`, { exact: false }).waitFor();
      expect(await box.isChecked()).toBe(true);
    }
    await page.getByText('3 of 30 people accounted for', { exact: false }).waitFor();
    await screenshot(page, 'roll-call-drill-1280');
    expect(await axeViolations(page)).toEqual([]);

    // What is printed for whoever takes it outside: the list alone, within one Letter page
    // (8.5 × 11 in at 96 px to the inch), laid out as print lays it out.
    await page.setViewportSize({ width: 816, height: 1056 });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      height: document.body.scrollHeight,
      log: getComputedStyle(document.querySelector('.roll-call-log') as Element).display,
      topbar: getComputedStyle(document.querySelector('.topbar') as Element).display,
    }));
    expect(printed).toEqual({ height: expect.any(Number), log: 'none', topbar: 'none' });
    expect(printed.height).toBeLessThanOrEqual(1056);
    await screenshot(page, 'roll-call-print-letter');
    // And as Chromium prints it to Letter paper, with the 30 names in it: one page.
    const pdf = (await page.pdf({ format: 'Letter', printBackground: true })).toString('latin1');
    expect(pdf.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'End the roll call' }).click();
    const log = page.getByRole('region', { name: 'Past roll calls' });
    await log.getByRole('cell', { name: '3 of 30' }).waitFor();
    expect(callOrThrow(core, 'rollCall.list', {})).toMatchObject([
      { kind: 'drill', people: 30, accounted: 3, startedByName: me?.displayName },
    ]);
    expect(callOrThrow(core, 'rollCall.list', {})[0]?.endedAt).not.toBeNull();

    // From any screen, one shortcut begins the next.
    await page.getByRole('navigation').getByRole('button', { name: 'Families' }).click();
    await page.keyboard.press('Control+Shift+E');
    await page.getByRole('heading', { level: 1, name: 'Emergency roll call' }).waitFor();
    await page.getByText('0 of 30 people accounted for', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });
});
