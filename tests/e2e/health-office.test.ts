import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { signInStaff } from '../fixtures';
import { axeViolations, screenshot, startApp, type RunningApp, watchErrors } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the nurse’s office visits', () => {
  it('the nurse logs an arrival with a few keys and sends the student home; the desk sees only where the student is and that a caregiver may take them', async () => {
    app = await startApp({
      demo: true,
      signedIn: false,
      prepare: (core) => {
        signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'nurse');
        return Promise.resolve();
      },
    });
    const { page, core } = app;
    const errors = watchErrors(page);
    const student = core.store.db
      .prepare(
        'SELECT first_name, last_name, preferred_name FROM students ORDER BY pk LIMIT 1 OFFSET 41',
      )
      .get() as { first_name: string; last_name: string; preferred_name: string | null };
    const name = `${student.first_name}${student.preferred_name ? ` (${student.preferred_name})` : ''} ${student.last_name}`;

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
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByText('Hearth is locked.').waitFor();
    await page
      .getByRole('button', { name: /Denise Okafor/ })
      .first()
      .click();
    await page.getByLabel('Password for Denise Okafor').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
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
});
