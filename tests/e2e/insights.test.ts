import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
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
    expect(csv).not.toMatch(/,(1|2|3|4)\r\n/);
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
