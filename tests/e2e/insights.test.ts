import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow } from '../../db/core';
import { signInStaff } from '../fixtures';
import { axeViolations, nav, screenshot, startApp, watchErrors, type RunningApp } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('Insights', () => {
  it('shows the school’s figures, changes the period, and opens the families behind a number', async () => {
    app = await startApp({ demo: true });
    const { page } = app;
    const errors = watchErrors(page);
    await nav(page, 'Insights');
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
    const positive = page.getByRole('region', { name: 'Positive contact first' });
    await positive.getByRole('heading', { name: 'Good news in the period' }).waitFor();
    await screenshot(page, 'insights-1280');
    expect(await axeViolations(page)).toEqual([]);

    // Every chart's numbers, one button away.
    const twoWay = page.getByRole('region', { name: 'Two-way' });
    await twoWay.getByRole('button', { name: 'Show the numbers' }).first().click();
    await twoWay
      .getByRole('table', { name: 'Contacts by month and by who started them' })
      .waitFor();

    await page.getByLabel('Period').selectOption('month');
    await expect.poll(() => page.getByText(/^1 \w+ \d{4} to /).count()).toBe(1);
    await screenshot(page, 'insights-month-1280');

    // Shared figures: a one-page summary and a CSV of every table, small counts suppressed.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the figures (CSV)' }).click();
    const csv = readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Section,Row,Column,Value');
    // No count from 1 to 4 (a median of days is not a count of anyone).
    const counts = csv
      .split('\r\n')
      .filter((line) => !/,(median days since contact|days),/.test(line));
    expect(counts.length).toBeGreaterThan(40);
    expect(counts.filter((line) => /,(1|2|3|4)$/.test(line))).toEqual([]);
    await page.getByRole('button', { name: 'Print a summary' }).click();
    const summary = page.getByRole('region', { name: 'Printable summary' });
    await summary.getByRole('heading', { name: 'Our partnership with families' }).waitFor();
    await screenshot(page, 'insights-summary-1280');
    await summary.getByRole('button', { name: 'Close' }).click();

    const drill = positive.getByRole('button', { name: /not contacted$/ });
    await drill.click();
    await page.getByRole('heading', { level: 1, name: 'Families' }).waitFor();
    await page.getByText(/^Not contacted since /).waitFor();
    await screenshot(page, 'insights-drill-1280');

    // A period that ended weeks ago: its families not contacted in it, including those
    // contacted since, as many as the figure says.
    await nav(page, 'Insights');
    await page.getByLabel('Period').selectOption('custom');
    const daysAgo = (days: number) =>
      new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From', { exact: true }).fill(daysAgo(75));
    // The figures of the whole new period, answered and shown, before the number is read.
    const answered = page.waitForResponse((response) => {
      const asked = response.request().postData() ?? '';
      return asked.includes('"insights.get"') && asked.includes(`"to":"${daysAgo(45)}"`);
    });
    await page.getByLabel('To', { exact: true }).fill(daysAgo(45));
    await (await answered).finished();
    await page.evaluate(
      () => new Promise((shown) => requestAnimationFrame(() => requestAnimationFrame(shown))),
    );
    const pastDrill = positive.getByRole('button', { name: /not contacted$/ });
    const figure = /See the (\d+) famil/.exec(await pastDrill.innerText())?.[1];
    await pastDrill.click();
    await page.getByText(/^Not contacted from /).waitFor();
    // The list runs to several pages; its export counts it whole.
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export this list (CSV)' }).click();
    await exported;
    await page.getByText(new RegExp(`^Exported ${figure} famil`)).waitFor();
    await screenshot(page, 'insights-drill-past-1280');

    // An address edited by hand: a last day alone, and a first day after the last (refused by
    // the contract, so it falls back to the last day alone, with no error).
    for (const filter of [
      `noGoodNewsThrough=${daysAgo(45)}`,
      `notContactedSince=${daysAgo(30)}&notContactedThrough=${daysAgo(45)}`,
    ]) {
      const listed = page.waitForResponse((response) =>
        (response.request().postData() ?? '').includes('"family.list"'),
      );
      await page.evaluate((hash) => (location.hash = hash), `families?${filter}`);
      await (await listed).finished();
      const kind = filter.startsWith('noGoodNews') ? 'No good news' : 'Not contacted';
      await page.getByText(new RegExp(`^${kind} up to `)).waitFor();
      await page
        .getByRole('status')
        .getByText(/^(\d+ famil|Showing the first)/)
        .waitFor();
      expect(await page.getByRole('alert').count()).toBe(0);
      // What was said of the last list's export is not said of this one.
      expect(await page.getByText(/^Exported /).count()).toBe(0);
    }
    await screenshot(page, 'families-gap-up-to-1280');
    expect(errors).toEqual([]);
  });

  it('a coordinator sets a goal, its progress moves when a family hears good news, and the family page says who it waits for', async () => {
    app = await startApp({ demo: true });
    const { page, core } = app;
    const errors = watchErrors(page);
    signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'coordinator');
    // A family new to the school, so one the goal will be waiting for.
    const { id: householdId } = callOrThrow(core, 'family.create', {
      name: 'Quillfeather family',
      members: [
        { person: { firstName: 'Ines', lastName: 'Quillfeather' }, relationship: 'Mother' },
      ],
    });
    await page.reload();
    await nav(page, 'Insights');
    await page.getByRole('button', { name: 'Set a goal' }).click();
    const dialog = page.getByRole('dialog', { name: 'Set a school goal' });
    await dialog.getByLabel('The goal, in the school’s words').fill('Good news for every family');
    const today = await dialog.getByLabel('From', { exact: true }).inputValue();
    await dialog.getByLabel('From', { exact: true }).fill(`${today.slice(0, 8)}01`);
    await dialog.getByLabel('By', { exact: true }).fill(`${Number(today.slice(0, 4)) + 1}-01-31`);
    await dialog.getByRole('button', { name: 'Set the goal' }).click();
    const goals = page.getByRole('region', { name: 'School goals' });
    const progress = goals.getByText(/of families who heard good news \((\d+) of (\d+)\)/);
    await progress.waitFor();
    const count = async () => Number(/\((\d+) of/.exec((await progress.textContent()) ?? '')?.[1]);
    const before = await count();
    await screenshot(page, 'insights-goal-1280');

    // A family the goal waits for: the family page says so, and good news takes it off.
    expect(callOrThrow(core, 'goal.waitingFamily', { householdId })).toHaveLength(1);
    await nav(page, 'Families');
    await page.getByLabel('Search families').fill('Quillfeather');
    await page.getByRole('button', { name: 'Quillfeather family', exact: true }).click();
    await page.getByText(/School goal still waiting for this family/).waitFor();
    await screenshot(page, 'family-goal-hint-1280');
    // A strength put to use: invited, then shared.
    callOrThrow(core, 'strength.create', {
      householdId,
      category: 'profession',
      description: 'Pastry chef; could show a class how bread rises',
      consent: 'staff',
      source: 'conference',
    });
    await page.getByRole('button', { name: 'Log contact' }).waitFor();
    await page.reload();
    await page.getByLabel('Search families').fill('Quillfeather');
    await page.getByRole('button', { name: 'Quillfeather family', exact: true }).click();
    await page.getByRole('button', { name: 'We invited them to share this' }).click();
    await page.getByRole('button', { name: 'They shared it' }).click();
    await page.getByText(/shared with the school on /).waitFor();
    await screenshot(page, 'family-strength-steps-1280');
    callOrThrow(core, 'contact.log', {
      householdId,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'good_news',
      summary: 'Called to say how well the reading is going.',
    });
    await nav(page, 'Insights');
    await expect.poll(count).toBe(before + 1);
    expect(errors).toEqual([]);
  });

  it('fits a smaller screen (1024×700)', async () => {
    app = await startApp({ demo: true, viewport: { width: 1024, height: 700 } });
    const { page } = app;
    await nav(page, 'Insights');
    await page.getByRole('region', { name: 'Positive contact first' }).waitFor();
    await screenshot(page, 'insights-1024');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
});
