import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow } from '../../db/core';
import { screenshot, startApp, type RunningApp } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function signInAs(page: Page, name: string): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await page.getByLabel(`Password for ${name}`).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByText(`Signed in: ${name}`).waitFor();
}

async function lock(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByText('Hearth is locked.').waitFor();
}

async function openStudent(
  page: Page,
  nav: 'Families' | 'Health',
  lastName: string,
  fullName: string,
) {
  await page.getByRole('navigation').getByRole('button', { name: nav }).click();
  await page
    .getByLabel(
      nav === 'Families' ? 'Search families' : 'Write or read a wellness note: find a student',
    )
    .fill(lastName);
  await page
    // The student's own button starts with their name (a caregiver's "Start a family with…" does not).
    .getByRole('button', { name: new RegExp(`^${fullName.replace(/[()]/g, '\\$&')}`) })
    .first()
    .click();
  await page.getByRole('heading', { level: 1, name: fullName }).waitFor();
}

describe('confidential health notes on a shared computer', () => {
  it('a nurse writes a health note, the front office sees only "see the nurse", and the audit shows the nurse’s reads', async () => {
    app = await startApp({ demo: true, signedIn: false });
    const { page, core } = app;
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    // A student with no notes yet: the demo's notes go to the first few.
    const student = core.store.db
      .prepare(
        'SELECT first_name, last_name, preferred_name FROM students ORDER BY pk LIMIT 1 OFFSET 40',
      )
      .get() as { first_name: string; last_name: string; preferred_name: string | null };
    const name = `${student.first_name}${student.preferred_name ? ` (${student.preferred_name})` : ''} ${student.last_name}`;
    const note = 'Nosebleed at recess, stopped after ten minutes. Grandmother informed.';

    await signInAs(page, 'Karen Lindqvist');
    await page.getByRole('navigation').getByRole('button', { name: 'Health' }).click();
    await page.getByText('Asthma action plan on file').waitFor();
    await screenshot(page, 'health-screen-1280');

    await openStudent(page, 'Health', student.last_name, name);
    const form = page.getByRole('form', { name: 'New note' });
    await expect.poll(() => form.getByLabel('Who can read it').inputValue()).toBe('team:health');
    await form.getByLabel('Subject').fill('Nosebleed');
    await form.getByLabel('Note').fill(note);
    await form.getByRole('button', { name: 'Save note' }).click();
    await page.getByText(note).waitFor();
    await page.getByText('Confidential · Health team only').first().waitFor();
    await screenshot(page, 'student-record-nurse-1280');
    await lock(page);

    await signInAs(page, 'Denise Okafor');
    await openStudent(page, 'Families', student.last_name, name);
    await page.getByText('Health note — see the nurse').waitFor();
    await screenshot(page, 'student-record-front-office-1280');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('Nosebleed');
    expect(text).not.toContain(note);
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'student-record-front-office-1024');
    await page.setViewportSize({ width: 1280, height: 800 });

    // Printing the record records a disclosure with the family.
    await page.getByRole('button', { name: 'Print or export…' }).click();
    await page.getByLabel('Shared with (person or organisation)').fill('Parent, in person');
    await page.getByLabel('Why (purpose, consent)').fill('Parent asked for a copy');
    await screenshot(page, 'export-dialog-1280');
    await page.getByRole('button', { name: 'Record and export' }).click();
    await page.getByRole('region', { name: 'Printable record' }).waitFor();
    await screenshot(page, 'printable-record-1280');
    expect(await page.getByRole('region', { name: 'Printable record' }).innerText()).not.toContain(
      'Nosebleed',
    );
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByText('Parent asked for a copy').waitFor();
    await lock(page);

    await signInAs(page, 'Dr. Alan Brooks');
    await page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const audit = page.getByRole('region', { name: 'Audit log' });
    await audit.getByLabel('Staff member').selectOption({ label: 'Karen Lindqvist' });
    await audit
      .getByRole('row', { name: new RegExp(`Read a note ${name}`) })
      .first()
      .waitFor();
    await audit.getByRole('row', { name: new RegExp(`Wrote a note ${name}`) }).waitFor();
    await audit.scrollIntoViewIfNeeded();
    await screenshot(page, 'audit-log-1280');
    const nurseId = callOrThrow(core, 'staff.list', {}).find((s) => s.role === 'nurse')?.id;
    const reads = callOrThrow(core, 'audit.list', { staffId: nurseId ?? null, action: 'read' });
    expect(reads.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
