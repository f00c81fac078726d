import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow, type Core } from '../../db/core';
import { medOrder, signInStaff } from '../fixtures';
import { axeViolations, screenshot, startApp, type RunningApp, watchErrors } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/**
 * The demo with its nurse signed in, and a student (the demo's `offset`-th) to work with;
 * `more` runs as the nurse before the window opens.
 */
async function asNurseWith(offset: number, more: (core: Core) => void = () => undefined) {
  app = await startApp({
    demo: true,
    signedIn: false,
    prepare: (core) => {
      signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'nurse');
      more(core);
      return Promise.resolve();
    },
  });
  const { page, core } = app;
  const student = core.store.db
    .prepare(
      'SELECT id, first_name, last_name, preferred_name FROM students ORDER BY pk LIMIT 1 OFFSET ?',
    )
    .get(offset) as {
    id: string;
    first_name: string;
    last_name: string;
    preferred_name: string | null;
  };
  const name = `${student.first_name}${student.preferred_name ? ` (${student.preferred_name})` : ''} ${student.last_name}`;
  return { page, core, errors: watchErrors(page), student, name };
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
  it('the nurse logs a third arrival with a few keys and sends the student home with a note for the family; the desk sees only that a caregiver may take them, and signs them out against the pickup list', async () => {
    // Two routine visits earlier in the morning, both back to class.
    const { page, core, errors, student, name } = await asNurseWith(41, (core) => {
      const earlier = core.store.db
        .prepare('SELECT id FROM students ORDER BY pk LIMIT 2 OFFSET 45')
        .all() as { id: string }[];
      for (const { id: studentId } of earlier)
        callOrThrow(core, 'health.visitEnd', {
          id: callOrThrow(core, 'health.visitStart', { studentId, reason: 'injury' }).id,
          reason: 'injury',
          disposition: 'back_to_class',
        });
    });

    await page.getByRole('navigation').getByRole('button', { name: 'Health' }).click();
    const visits = page.getByRole('region', { name: /Office visits today/ });
    await visits.getByText('No one is with the nurse now.').waitFor();
    await expect.poll(() => visits.getByRole('row').count()).toBe(3);
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

    // A note home, in the caregiver's language; the family's history keeps only that it went.
    await visits.getByRole('button', { name: `A note for the family of ${name}` }).click();
    const noteDialog = page.getByRole('dialog', { name: `A note for the family of ${name}` });
    await noteDialog.getByRole('button', { name: 'Record and print the note' }).click();
    await noteDialog.getByText('Write what the family should know.').waitFor();
    const firstCaregiver = noteDialog.getByLabel('For').locator('option').nth(1);
    await noteDialog.getByLabel('For').selectOption(await firstCaregiver.getAttribute('value'));
    await noteDialog
      .getByLabel('What the family should know')
      .fill('A fever of 101.2 F; please keep them home until it has gone for a day.');
    await screenshot(page, 'health-family-note-dialog');
    expect(await axeViolations(page)).toEqual([]);
    await noteDialog.getByRole('button', { name: 'Record and print the note' }).click();
    const paper = page.locator('article.paper');
    await paper.getByText('A fever of 101.2 F', { exact: false }).waitFor();
    await screenshot(page, 'health-family-note-paper');
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await visits.getByText(/The note is recorded in the family’s history/).waitFor();

    // The front desk: where the student is, and that a caregiver may take them; nothing else.
    // The nurse locked on Health: the front office, not on the health team, gets the desk.
    await handToFrontOffice(page);
    const withNurse = page.getByRole('region', { name: /With the nurse/ });
    await withNurse.getByText(name).waitFor();
    await withNurse.getByText('Nurse: release to a caregiver on the pickup list').waitFor();
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain('101.2');
    expect(text).not.toContain('Illness');
    await screenshot(page, 'front-desk-with-nurse');
    expect(await axeViolations(page)).toEqual([]);

    // A caregiver on the pickup list signs the student out early: released, off the list.
    const caregiver = core.store.db
      .prepare(
        `SELECT p.first_name || ' ' || p.last_name AS name FROM student_person_links l
         JOIN people p ON p.id = l.person_id WHERE l.student_id = ? AND l.pickup = 'allowed'`,
      )
      .get(student.id) as { name: string };
    await page.getByRole('combobox', { name: 'Who’s here?' }).fill(caregiver.name);
    // The demo has two people of this name: the desk reads the students under each and
    // arrows down to the one who is this student's (the two tie in search's order).
    const theirs = page
      .getByRole('option')
      .filter({ hasText: caregiver.name })
      .filter({ hasText: name });
    await theirs.waitFor();
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((o) => o.includes(caregiver.name) && o.includes(name));
    for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
    await expect.poll(() => theirs.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    // As a person does, with the form in front of them: a key pressed before it opens is lost.
    await page.getByRole('heading', { name: `Signing in ${caregiver.name}` }).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${caregiver.name} signed in` })
      .waitFor();
    await withNurse.waitFor({ state: 'detached' });
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

  it('a morning of medications: an order with a second check, doses given, refused and corrected, and a follow-up when the supply runs low', async () => {
    let asNeeded = '';
    const { page, core, errors, student, name } = await asNurseWith(43, (core) => {
      // A second student's inhaler, given as needed.
      const other = core.store.db
        .prepare(
          'SELECT id, first_name, preferred_name, last_name FROM students ORDER BY pk LIMIT 1 OFFSET 44',
        )
        .get() as {
        id: string;
        first_name: string;
        preferred_name: string | null;
        last_name: string;
      };
      asNeeded = `${other.preferred_name ?? other.first_name} ${other.last_name}`;
      callOrThrow(core, 'health.saveMedOrder', {
        ...medOrder(other.id),
        medication: 'Albuterol inhaler',
        dose: '2 puffs',
        route: 'inhaled',
        times: [],
        asNeeded: true,
        supplyCount: 200,
        lowSupplyAt: 20,
      });
    });
    const short = `${student.preferred_name ?? student.first_name} ${student.last_name}`;
    const { time_zone: timeZone } = core.store.db
      .prepare('SELECT time_zone FROM schools')
      .get() as {
      time_zone: string;
    };
    // Now on the school's clock: the dose is due as the test runs.
    const now = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(new Date());
    const hour = Number(now.slice(0, 2));
    const shown = `${hour % 12 || 12}:${now.slice(3)} ${hour < 12 ? 'AM' : 'PM'}`;

    await page.getByRole('navigation').getByRole('button', { name: 'Health' }).click();
    await page.getByLabel('Write or read a wellness note: find a student').fill(student.last_name);
    await page
      .getByRole('button', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
      .first()
      .click();
    const meds = page.getByRole('region', { name: 'Medications at school' });
    await meds.getByText('No medication is given at school.').waitFor();
    await meds.getByRole('button', { name: 'New order' }).click();
    const order = page.getByRole('dialog', { name: `New medication order for ${short}` });
    await order.getByLabel('Medication', { exact: true }).fill('Methylphenidate');
    await order.getByLabel('Dose', { exact: true }).fill('10 mg');
    await order.getByLabel(/^Times/).fill(`${now}, 25:00`);
    await order.getByLabel('Doses on hand now').fill('6');
    await order.getByLabel('Authorised by (prescriber or parent)').fill('Dr. Osei');
    await order.getByLabel('A second staff member checks each dose given').check();
    await order.getByRole('button', { name: 'Save the order' }).click();
    // A time that is no time is said next to the field, and nothing is saved.
    await order.getByText('must be a time of day such as 11:30').waitFor();
    await screenshot(page, 'medication-order-dialog');
    expect(await axeViolations(page)).toEqual([]);
    await order.getByLabel(/^Times/).fill(now);
    await order.getByRole('button', { name: 'Save the order' }).click();
    await meds.getByText(/6 doses left · Dr\. Osei · second check for each dose/).waitFor();

    await page.getByRole('navigation').getByRole('button', { name: 'Health' }).click();
    const today = page.getByRole('region', { name: /Medications today/ });
    const row = today.getByRole('row', { name: new RegExp(short) });
    await row.getByText('Due now').waitFor();
    await screenshot(page, 'nurse-day-due');
    await today.getByRole('button', { name: `Record the ${shown} dose for ${short}` }).click();
    const dose = page.getByRole('dialog', { name: `Record a dose for ${short}` });
    // Given is chosen; the second person is asked for before anything is saved.
    await page.keyboard.press('Enter');
    await dose.getByText('This order needs a second person').waitFor();
    await dose.getByLabel('Checked by').selectOption({ label: 'Denise Okafor' });
    await dose.getByLabel('Their password').fill('not her password');
    await dose.getByRole('button', { name: 'Save the entry' }).click();
    await dose.getByText('That password is not right. Check Caps Lock and try again.').waitFor();
    await dose.getByLabel('Their password').fill(DEMO_PASSWORD);
    await screenshot(page, 'record-dose-second-check');
    expect(await axeViolations(page)).toEqual([]);
    await dose.getByRole('button', { name: 'Save the entry' }).click();
    await today.getByText(`Recorded for ${short}: Given.`).waitFor();
    await row.getByText(/Given .* · .*, checked by Denise Okafor/).waitFor();

    // Five doses left: the health team's follow-up asks the family for more.
    await page
      .getByRole('region', { name: 'My follow-ups' })
      .getByText('Methylphenidate: 5 doses left at school. Ask the family for more.')
      .waitFor();

    // Entered wrongly: the correction is a new entry, with the keyboard alone.
    await today.getByRole('button', { name: `Correct the ${shown} entry for ${short}` }).click();
    await page.getByRole('dialog', { name: `Correct an entry for ${short}` }).waitFor();
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await row.getByText(/^Refused /).waitFor();

    await today
      .getByRole('button', { name: `Record a dose of Albuterol inhaler for ${asNeeded}` })
      .click();
    await page.keyboard.press('2');
    await page.keyboard.press('Enter');
    await today.getByText(`Recorded for ${asNeeded}: Refused.`).waitFor();
    // The team's report counts the entries that stand: the corrected dose and the inhaler.
    const report = page.getByRole('region', { name: 'Health office report' });
    await expect
      .poll(() =>
        report
          .getByRole('table', { name: 'Medication entries' })
          .getByRole('row', { name: /Refused/ })
          .textContent(),
      )
      .toBe('Refused2');
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'health-report');
    await screenshot(page, 'nurse-day-1280');
    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1024, height: 700 });
    await screenshot(page, 'nurse-day-1024');

    // The record keeps both entries: the given dose struck through as corrected.
    await today.getByRole('button', { name: short, exact: true }).click();
    await meds.getByText('(corrected)').waitFor();
    await meds.getByText('(a correction)').waitFor();
    await meds.getByText(/6 doses left/).waitFor();
    await meds.scrollIntoViewIfNeeded();
    await screenshot(page, 'medication-record');
    expect(errors).toEqual([]);
  });
});
