import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { signInStaff } from '../fixtures';
import { axeViolations, screenshot, startApp, type RunningApp, watchErrors } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The demo with its nurse signed in, and a student (the demo's `offset`-th) to work with. */
async function asNurseWith(offset: number) {
  app = await startApp({
    demo: true,
    signedIn: false,
    prepare: (core) => {
      signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'nurse');
      return Promise.resolve();
    },
  });
  const { page, core } = app;
  const student = core.store.db
    .prepare(
      'SELECT first_name, last_name, preferred_name FROM students ORDER BY pk LIMIT 1 OFFSET ?',
    )
    .get(offset) as { first_name: string; last_name: string; preferred_name: string | null };
  const name = `${student.first_name}${student.preferred_name ? ` (${student.preferred_name})` : ''} ${student.last_name}`;
  return { page, errors: watchErrors(page), student, name };
}

/** Lock and sign the front office's Denise Okafor in, as a shared computer changes hands. */
async function handToFrontOffice(page: Page) {
  await page.getByRole('button', { name: 'Lock' }).click();
  await page.getByText('Hearth is locked.').waitFor();
  await page
    .getByRole('button', { name: /Denise Okafor/ })
    .first()
    .click();
  await page.getByLabel('Password for Denise Okafor').fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
}

describe('the nurse’s office visits', () => {
  it('the nurse logs an arrival with a few keys and sends the student home; the desk sees only where the student is and that a caregiver may take them', async () => {
    const { page, errors, student, name } = await asNurseWith(41);

    await page.getByRole('navigation').getByRole('button', { name: 'Health' }).click();
    const visits = page.getByRole('region', { name: /Office visits today/ });
    await visits.getByText('No one is with the nurse now.').waitFor();
    await visits.getByLabel('Log an arrival: find a student').fill(student.last_name);
    await visits
      .getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
      .first()
      .click();
    const arriving = page.getByRole('dialog', { name: `${name} arrives at the health office` });
    await arriving.waitFor();
    // Keyboard only: 1 is illness, Enter logs the arrival.
    await page.keyboard.press('1');
    await screenshot(page, 'health-office-arrival');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await visits.getByText(`${name} is with the nurse.`).waitFor();
    await visits.getByText('1 student is with the nurse now.').waitFor();

    await visits.getByRole('button', { name: `End the visit of ${name}` }).click();
    const ending = page.getByRole('dialog', { name: `End the visit of ${name}` });
    await ending.getByLabel('Assessment (optional)').fill('Temperature 101.2 F.');
    await ending.getByLabel('Care given (optional)').fill('Rested; called home.');
    await ending.getByRole('radio', { name: /Sent home/ }).check();
    await ending.getByLabel('Caregiver told (optional)').fill('Grandmother');
    await screenshot(page, 'health-office-end');
    expect(await axeViolations(page)).toEqual([]);
    await ending.getByRole('button', { name: 'End the visit' }).click();
    await visits.getByText(`${name}’s visit has ended.`).waitFor();
    await visits.getByText(/Left at .*: Sent home/).waitFor();
    await screenshot(page, 'health-office-today');

    // The front desk: where the student is, and that a caregiver may take them; nothing else.
    await handToFrontOffice(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Front desk' }).click();
    const withNurse = page.getByRole('region', { name: /With the nurse/ });
    await withNurse.getByText(name).waitFor();
    await withNurse.getByText('Nurse: release to a caregiver on the pickup list').waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('101.2');
    expect(text).not.toContain('Illness');
    await screenshot(page, 'front-desk-with-nurse');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the nurse records an allergy and a care plan with the family’s consent; the front office sees only the flag', async () => {
    const { page, errors, student, name } = await asNurseWith(42);
    const open = async (nav: string, label: string) => {
      await page.getByRole('navigation').getByRole('button', { name: nav }).click();
      await page.getByLabel(label).fill(student.last_name);
      await page
        .getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    };
    await open('Health', 'Write or read a wellness note: find a student');
    const panel = page.getByRole('region', { name: 'Health profile' });
    await panel
      .getByText('No allergies, conditions or care plan recorded for this student.')
      .waitFor();
    await panel.getByRole('button', { name: 'Start a health profile' }).click();
    const dialog = page.getByRole('dialog', { name: `Health profile of ${name}` });
    await dialog.getByRole('button', { name: 'Add an allergy' }).click();
    await dialog.getByLabel('Allergen').fill('Peanuts');
    await dialog.getByLabel('Severity').selectOption({ label: 'Life-threatening' });
    await dialog.getByLabel('Has an emergency care plan').check();
    await dialog
      .getByLabel('What to do in an emergency')
      .fill('Epinephrine auto-injector, then call 911.');
    await dialog.getByLabel('Where the full plan is kept').fill('Health office binder');
    await dialog.getByLabel('The family agreed: staff see the flag, nothing more').check();
    await screenshot(page, 'health-profile-dialog');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await panel.getByText('Peanuts (Life-threatening)').waitFor();
    await screenshot(page, 'health-profile-nurse');

    await handToFrontOffice(page);
    await open('Families', 'Search families');
    await page.getByText('Has an emergency care plan: see the nurse.').waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('Peanuts');
    expect(text).not.toContain('Epinephrine');
    await screenshot(page, 'health-flag-front-office');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
