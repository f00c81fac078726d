import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, FAMILIES_CSV_COLUMNS } from '../../contract';
import { callOrThrow } from '../../db/core';
import {
  axeViolations,
  chooseLanguage,
  screenshot,
  startApp,
  type RunningApp,
  watchErrors,
  nav,
} from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function setUpSchool(page: Page) {
  await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
  await page.getByLabel('School name').fill('Maple Grove Elementary');
  await page.getByLabel('Your name').fill('Jordan Ellis');
  await page.getByLabel('Your password').fill('maple grove welcomes');
  await page.getByRole('button', { name: 'Set up this school' }).click();
  await page.getByText('Signed in: Jordan Ellis').waitFor();
}

describe('a new school’s first day, with no district', () => {
  it('adds a family by hand, enrolls a walk-in family at the front desk, and finds both in the list', async () => {
    app = await startApp({ demo: false });
    const { page, core } = app;
    const errors = watchErrors(page);
    await setUpSchool(page);

    // Add a family by hand: a caregiver and a student, in one dialog.
    await nav(page, 'Families');
    await page.getByText('No families yet').waitFor();
    await page.getByRole('button', { name: 'Add a family' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add a family' });
    await dialog.getByRole('button', { name: 'Add family' }).click();
    await dialog.getByText('First name cannot be empty').waitFor();
    await dialog.getByLabel('First name').first().fill('Ngozi');
    await dialog.getByLabel('Last name').first().fill('Okafor');
    await expect.poll(() => dialog.getByLabel('Family name').inputValue()).toBe('Okafor family');
    await dialog.getByLabel('Phone').fill('+1 558 555 5024');
    await chooseLanguage(dialog, 'Home language', 'soomaali', 'Somali · Af-Soomaali');
    await dialog.getByLabel('Relationship to the students').fill('Mother');
    await dialog.getByRole('button', { name: 'Add a student' }).click();
    await dialog.getByLabel('First name').nth(1).fill('Chidi');
    await dialog.getByLabel('Grade').selectOption('K');
    await dialog.getByLabel('Date of birth (optional)').fill('2021-02-03');
    await screenshot(page, 'new-family-dialog-1280');
    await dialog.getByRole('button', { name: 'Add family' }).click();
    await page.getByRole('heading', { level: 1, name: 'Okafor family' }).waitFor();
    await page.getByText('Mother, guardian, lives with').waitFor();
    await screenshot(page, 'new-family-page-1280');

    // Enrollment: a walk-in becomes a family, with the visit in its history.
    await nav(page, 'Front desk');
    const who = page.getByRole('combobox', { name: 'Who’s here?' });
    await who.fill('Amina Yusuf');
    await page.getByRole('option', { name: /as a new visitor/ }).click();
    await page.getByRole('radio', { name: /Enrollment/ }).check();
    await page.getByRole('button', { name: /^Sign in/ }).click();
    const enrollment = page.getByRole('region', { name: /Amina Yusuf came to enroll/ });
    await enrollment.waitFor();
    await screenshot(page, 'enrollment-offer-1280');
    await enrollment.getByRole('button', { name: 'Start the family record' }).click();
    const enroll = page.getByRole('dialog', { name: 'Add a family' });
    await expect.poll(() => enroll.getByLabel('Family name').inputValue()).toBe('Yusuf family');
    await enroll.getByLabel('Relationship to the students').fill('Mother');
    await enroll.getByLabel('First name').fill('Hodan');
    await enroll.getByLabel('Grade').selectOption('Not placed');
    await enroll.getByRole('button', { name: 'Add family' }).click();
    const followUp = page.getByRole('dialog', { name: /Yusuf family added/ });
    await followUp
      .getByRole('textbox', { name: 'Follow-up' })
      .fill('Request records from the last school');
    await followUp.getByRole('button', { name: 'Add follow-up' }).click();
    await page.getByText('Yusuf family added, with a follow-up for the office.').waitFor();
    const yusuf = callOrThrow(core, 'family.list', { text: 'Yusuf' }).rows[0];
    expect(yusuf?.students.map((s) => [s.firstName, s.grade])).toEqual([['Hodan', 'Not placed']]);
    const timeline = callOrThrow(core, 'family.timeline', {
      householdId: yusuf?.household.id ?? '',
    });
    expect(timeline.entries.map((e) => e.kind)).toEqual(['walk_in']);

    // The list: both families, filters in the address, Back returns to them.
    await nav(page, 'Families');
    await page.getByRole('button', { name: 'Okafor family', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Yusuf family', exact: true }).waitFor();
    await chooseLanguage(page, 'Home language', 'som', 'Somali · Af-Soomaali');
    await page.getByText('1 family', { exact: true }).waitFor();
    expect(page.url()).toContain('#families?language=so');
    await screenshot(page, 'families-list-filtered-1280');
    await page.getByRole('button', { name: 'Okafor family', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Okafor family' }).waitFor();
    await page.getByRole('button', { name: '← Back' }).click();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Home language' }).inputValue())
      .toBe('Somali · Af-Soomaali');
    await page.getByLabel('Needs an interpreter').check();
    await page.getByText('No family matches all of these.').waitFor();
    await page.goBack();
    await expect.poll(() => page.getByLabel('Needs an interpreter').isChecked()).toBe(false);
    await page.getByText('1 family', { exact: true }).waitFor();

    // Search finds a caregiver by a phone typed with its country code.
    await page.getByLabel('Search families').fill('+1 558 555 5024');
    await page.getByRole('button', { name: 'Okafor family', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('reading a family’s history back', () => {
  it('opens each kind of timeline entry in full, and corrects a contact with both kept', async () => {
    app = await startApp({ demo: true });
    const { page, core } = app;
    const errors = watchErrors(page);
    const ok = <N extends Parameters<typeof callOrThrow>[1]>(
      name: N,
      input: Parameters<typeof callOrThrow<N>>[2],
    ) => callOrThrow(core, name, input);
    const household = ok('family.create', {
      name: 'Quispe family',
      members: [{ person: { firstName: 'Rosa', lastName: 'Quispe' }, relationship: 'Mother' }],
      students: [{ firstName: 'Inti', lastName: 'Quispe', grade: '2' }],
    });
    const [rosa] = ok('family.get', { householdId: household.id }).members;
    const [staff] = ok('staff.list', {}).filter((s) => s.role === 'liaison');
    const long = `${'Talked about the reading club and how Inti is settling in. '.repeat(8)}End.`;
    ok('contact.log', {
      householdId: household.id,
      personId: rosa?.id ?? null,
      kind: 'call',
      direction: 'two_way',
      tone: 'good_news',
      summary: long,
      language: 'es',
      interpreterUsed: true,
    });
    ok('visit.signIn', { visitor: { personId: rosa?.id ?? '' }, purpose: 'volunteer' });
    ok('strength.create', {
      householdId: household.id,
      category: 'talent',
      description: 'Weaves traditional textiles',
      consent: 'staff',
      source: 'conference',
    });
    ok('voice.create', {
      householdId: household.id,
      kind: 'suggestion',
      summary: 'A Quechua story hour',
    });
    ok('homeVisit.plan', {
      householdId: household.id,
      scheduledAt: '2099-01-10T16:00:00Z',
      place: 'home',
      purpose: 'Meet the family at home',
      staffIds: [staff?.id ?? ''],
    });

    await nav(page, 'Families');
    await page.getByLabel('Search families').fill('Quispe');
    await page.getByRole('button', { name: 'Quispe family', exact: true }).click();
    const timeline = page.getByRole('region', { name: 'Timeline' });
    const open = async (name: RegExp, expected: string) => {
      await timeline.getByRole('button', { name }).first().click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText(expected, { exact: false }).first().waitFor();
      return dialog;
    };
    let dialog = await open(/^Call$/, 'End.');
    expect(await dialog.innerText()).toContain('An interpreter was used');
    await screenshot(page, 'timeline-entry-contact-1280');
    await dialog.getByRole('button', { name: 'Close' }).click();
    dialog = await open(/^Walk-in$/, 'Volunteer');
    await dialog.getByRole('button', { name: 'Close' }).click();
    dialog = await open(/^Talent:/, 'Weaves traditional textiles');
    await dialog.getByRole('button', { name: 'Close' }).click();
    dialog = await open(/^Suggestion:/, 'A Quechua story hour');
    await dialog.getByRole('button', { name: 'Close' }).click();
    dialog = await open(/^Home visit/, 'Meet the family at home');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // Correct the call: a new contact naming it; the timeline shows both, marked.
    dialog = await open(/^Call$/, 'End.');
    await dialog.getByRole('button', { name: 'Correct this entry' }).click();
    const correcting = page.getByRole('dialog', { name: /Correct this entry/ });
    await correcting.getByLabel('What was said').fill('It was the art club, not reading.');
    await correcting.getByRole('button', { name: 'Log the correction' }).click();
    await correcting.waitFor({ state: 'detached' });
    await timeline.getByText('Correction', { exact: true }).waitFor();
    await timeline.getByText('Corrected later', { exact: true }).waitFor();
    await open(/^Call$/, 'It was the art club');
    await screenshot(page, 'timeline-entry-correction-1280');
    expect(errors).toEqual([]);
  });
});

describe('backups', () => {
  it('an administrator backs up, restores, and signs in again to the data as it was', async () => {
    app = await startApp({ demo: false });
    const { page, core } = app;
    const errors = watchErrors(page);
    await setUpSchool(page);
    callOrThrow(core, 'family.create', { name: 'Before family' });
    await nav(page, 'Settings');
    const backups = page.getByRole('region', { name: 'Backups' });
    await backups.getByRole('button', { name: 'Back up now' }).click();
    await backups.getByText(/Backed up at/).waitFor();
    await backups.getByRole('cell', { name: 'Made by hand' }).waitFor();
    callOrThrow(core, 'family.create', { name: 'After family' });
    await screenshot(page, 'settings-backups-1280');
    await backups.getByRole('button', { name: /^Restore the backup of/ }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Restore this backup?' });
    await confirm.getByRole('button', { name: 'Restore' }).click();
    // Everyone signs in again after a restore.
    await page
      .getByRole('button', { name: /Jordan Ellis/ })
      .first()
      .click();
    await page.getByLabel('Password for Jordan Ellis').fill('maple grove welcomes');
    await page.keyboard.press('Enter');
    await page.getByText('Signed in: Jordan Ellis').waitFor();
    await nav(page, 'Families');
    await page.getByRole('button', { name: 'Before family', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'After family', exact: true }).count()).toBe(0);
    await nav(page, 'Settings');
    await backups.getByRole('cell', { name: 'Kept aside by a restore' }).waitFor();
    expect(errors).toEqual([]);
  });

  it('an administrator chooses how soon Hearth locks, within 1 to 30 minutes', async () => {
    app = await startApp({ demo: false });
    const { page, core } = app;
    const errors = watchErrors(page);
    await setUpSchool(page);
    await nav(page, 'Settings');
    const locking = page.getByRole('region', { name: 'Locking' });
    const minutes = locking.getByLabel(/Lock after this many minutes without use/);
    expect(await minutes.inputValue()).toBe('5');
    await minutes.fill('45');
    await minutes.press('Enter');
    await locking
      .getByRole('alert')
      .getByText('The number of minutes must be at most 30 minutes.')
      .waitFor();
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    await minutes.fill('10');
    await locking.getByRole('button', { name: 'Save' }).click();
    await locking.getByText('Hearth now locks after 10 minutes without use.').waitFor();
    expect(callOrThrow(core, 'app.status', {}).idleLockMinutes).toBe(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('region', { name: 'Staff' }).screenshot({
      path: 'test-results/screenshots/settings-staff-1280.png',
    });
    await locking.scrollIntoViewIfNeeded();
    await screenshot(page, 'settings-locking-1280');
    expect(errors).toEqual([]);
  });
});

describe('a school set up alone that learns its district runs Hearth', () => {
  it('starts over to join while nothing is recorded, with the old database kept as a backup', async () => {
    app = await startApp({ demo: false });
    const { page, core } = app;
    const errors = watchErrors(page);
    await setUpSchool(page);
    await nav(page, 'Families');
    await page.getByRole('button', { name: 'join your district' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sync with the district' }).waitFor();
    await page.getByRole('button', { name: 'Join your district…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Join your district' });
    await screenshot(page, 'start-over-to-join-1280');
    await dialog.getByRole('button', { name: 'Start over and join' }).click();
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    await page.getByRole('heading', { name: 'Join your district' }).waitFor();
    expect(callOrThrow(core, 'app.status', {}).setup).toBe('none');
    expect(errors).toEqual([]);
  });
});

describe('importing families', () => {
  it('shows each problem in a file by line and column, imports nothing, then imports the fixed file', async () => {
    app = await startApp({ demo: false });
    const { page, core } = app;
    const errors = watchErrors(page);
    await setUpSchool(page);
    await nav(page, 'Families');
    await page.getByRole('button', { name: 'Import families' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import families from a file' });
    const header = FAMILIES_CSV_COLUMNS.join(',');
    const row = (cells: Partial<Record<(typeof FAMILIES_CSV_COLUMNS)[number], string>>) =>
      FAMILIES_CSV_COLUMNS.map((c) => cells[c] ?? '').join(',');
    const family = (phone: string) =>
      [
        header,
        row({
          family_name: 'Haddad family',
          student_first_name: 'Omar',
          student_last_name: 'Haddad',
          grade: '2',
          caregiver_1_first_name: 'Lina',
          caregiver_1_relationship: 'Mother',
          caregiver_1_phone: '555-0100',
        }),
        row({
          family_name: 'Nguyen family',
          student_first_name: 'Bao',
          student_last_name: 'Nguyen',
          grade: '4',
          caregiver_1_first_name: 'Thi',
          caregiver_1_relationship: 'Grandmother',
          caregiver_1_phone: phone,
        }),
      ].join('\n');
    const file = (text: string) => ({
      name: 'families.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    await dialog
      .getByLabel('The file or files (CSV or zip)')
      .setInputFiles(file(family('call after 5')));
    await dialog.getByRole('button', { name: 'Import' }).click();
    const problems = dialog.getByRole('table', { name: 'Problems in the file' });
    await problems.getByText('families.csv, line 3, caregiver_1_phone').waitFor();
    await screenshot(page, 'import-families-problems-1280');
    expect(callOrThrow(core, 'family.list', {}).rows).toEqual([]);
    await dialog
      .getByLabel('The file or files (CSV or zip)')
      .setInputFiles(file(family('555-0199')));
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 2 families, 2 caregivers and 2 students.').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('button', { name: 'Haddad family', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nguyen family', exact: true }).waitFor();
    expect(errors).toEqual([]);
  });

  it('imports a OneRoster zip, and merges a student added by hand into the roster’s record', async () => {
    app = await startApp({ demo: false });
    const { page, core } = app;
    const errors = watchErrors(page);
    await setUpSchool(page);
    callOrThrow(core, 'family.create', {
      name: 'Nguyen family',
      members: [{ person: { firstName: 'Lan', lastName: 'Nguyen' }, relationship: 'Guardian' }],
      students: [{ firstName: 'Thao', lastName: 'Nguyen', grade: '5', dateOfBirth: '2016-05-09' }],
    });
    await nav(page, 'Families');
    await page.getByRole('button', { name: 'Import families' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Import families from a file' });
    const sample = join(import.meta.dirname, '../../resources/roster-sample');
    const zip = zipSync(
      Object.fromEntries(
        readdirSync(sample).map((name) => [`export/${name}`, readFileSync(join(sample, name))]),
      ),
    );
    await dialog.getByLabel('The file or files (CSV or zip)').setInputFiles({
      name: 'oneroster.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zip),
    });
    await screenshot(page, 'import-oneroster-1280');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await page.getByText('Imported 2 families, 3 caregivers and 3 students.').waitFor();
    await page.getByText(/1 student from the roster has the same name/).waitFor();
    await screenshot(page, 'import-oneroster-done-1280');
    await page.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Nguyen family', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Nguyen family' }).waitFor();
    await page.getByRole('button', { name: 'Merge a duplicate of Thao Nguyen' }).click();
    const merge = page.getByRole('dialog', { name: 'Merge a duplicate of Thao Nguyen' });
    await merge.getByText('Grade 5 · from the roster').waitFor();
    await merge.getByRole('button', { name: 'Merge…' }).click();
    await screenshot(page, 'merge-student-1280');
    await merge.getByRole('button', { name: 'Yes, they are the same student' }).click();
    await merge.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Thảo Nguyễn', exact: true }).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: 'Thao Nguyen', exact: true }).count())
      .toBe(0);
    const kept = core.store.db
      .prepare(`SELECT date_of_birth FROM students WHERE roster_id = 'stu-3'`)
      .get();
    expect(kept).toEqual({ date_of_birth: '2016-05-09' });

    // The whole family's record, printed: a page per student, each disclosed.
    await page.getByRole('button', { name: 'Print or export the family’s record…' }).click();
    const share = page.getByRole('dialog', { name: 'Print or export Nguyen family’s record' });
    await share.getByLabel('Shared with (person or organisation)').fill('Riverside Middle School');
    await share.getByLabel('Why (purpose, consent)').fill('Enrollment transfer');
    await share.getByRole('button', { name: 'Record and export' }).click();
    const printed = page.getByRole('region', { name: 'Printable record' });
    await printed.getByRole('heading', { level: 1, name: 'Thảo Nguyễn' }).waitFor();
    await printed.getByText('Given to Riverside Middle School').waitFor();
    await screenshot(page, 'family-record-printable-1280');
    await printed.getByRole('button', { name: 'Close' }).click();
    const disclosures = core.store.db.prepare('SELECT description FROM disclosures').all();
    expect(disclosures).toEqual([
      {
        description: expect.stringMatching(
          /^Record of Thảo Nguyễn, part of the Nguyen family’s record/,
        ),
      },
    ]);
    expect(errors).toEqual([]);
  });
});

describe('signing in on a shared computer', () => {
  it('jumps down the staff list by typing the start of a name', async () => {
    app = await startApp({ demo: true, signedIn: false });
    const { page } = app;
    const staff = page.getByRole('list', { name: 'Staff' });
    await staff.getByRole('button').first().waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await page.keyboard.type('lind');
    await expect.poll(focused).toContain('Karen Lindqvist');
    await page.waitForTimeout(900);
    await page.keyboard.type('ro');
    await expect.poll(focused).toContain('Rosa Delgado');
    await page.keyboard.press('Enter');
    await page.getByLabel('Password for Rosa Delgado').waitFor();
  });
});

describe('a home-visit record being typed', () => {
  it('keeps what was typed across a reload within a moment, and goes on saving with one field too long, naming it', async () => {
    app = await startApp({ demo: true, signedIn: false });
    const { page } = app;
    await page
      .getByRole('button', { name: /Rosa Delgado/ })
      .first()
      .click();
    await page.getByLabel('Password for Rosa Delgado').fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByText('Signed in: Rosa Delgado').waitFor();
    const openVisit = async () => {
      await nav(page, 'Home visits');
      await page.getByText('My upcoming visits').waitFor();
      await page
        .getByRole('list', { name: /upcoming/i })
        .getByRole('button')
        .first()
        .click();
      await page.getByRole('heading', { name: 'Record of the visit' }).waitFor();
      return page.getByRole('form', { name: 'Visit record' });
    };
    let record = await openVisit();
    await record.getByLabel('Who was there').fill('Both grandparents');
    // Reload at once, before the pause that autosaves: leaving the page saves it.
    await page.reload();
    // The core keeps her signed in across a reload of the window.
    await page.getByText('Signed in: Rosa Delgado').waitFor();
    record = await openVisit();
    await expect
      .poll(() => record.getByLabel('Who was there').inputValue())
      .toBe('Both grandparents');

    await record.getByLabel('Hopes and dreams the family shared').fill('x'.repeat(5_020));
    await record.getByText(/Hopes and dreams is 20 characters over its limit of 5,000/).waitFor();
    await record.getByText('5,020 / 5,000 — too long').waitFor();
    await record.getByLabel('Concerns (optional)').fill('The bus stop is far');
    await page.getByText(/Draft saved on this computer/).waitFor();
    await expect
      .poll(
        () =>
          (
            app?.core.store.db
              .prepare("SELECT draft FROM home_visit_drafts WHERE draft LIKE '%bus stop%'")
              .get() as { draft: string } | undefined
          )?.draft.length ?? 0,
      )
      .toBeGreaterThan(5_000);
  });
});

describe('the front desk from the keyboard', () => {
  it('starts Ctrl+K with an empty search, and a chosen student keeps the keys in the caregiver list', async () => {
    app = await startApp({ demo: true });
    const { page, core } = app;
    const who = page.getByRole('combobox', { name: 'Who’s here?' });
    await who.fill('somebody');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await expect.poll(() => who.inputValue()).toBe('');
    const student = core.store.db
      .prepare('SELECT first_name, last_name FROM students ORDER BY pk LIMIT 1')
      .get() as { first_name: string; last_name: string };
    await who.fill(`${student.first_name} ${student.last_name}`);
    const option = page.getByRole('option').filter({ hasText: 'Grade' }).first();
    await option.click();
    const chooser = page.getByRole('listbox', { name: /Who is here for/ });
    await chooser.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('listbox');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => chooser.getAttribute('aria-activedescendant')).toBe('caregiver-1');
  });
});
