import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '../../server/db';
import { markRestored } from '../../server/sync/epoch';
import { newId } from '../../contract';
import { callOrThrow } from '../../db/core';
import {
  DISTRICT_PASSWORD,
  addOkaforFamily,
  enrollDevice,
  startDistrict,
  type District,
} from '../district';
import { tempDir } from '../helpers';
import { axeViolations, launchChromium, screenshot, watchErrors } from './harness';

/**
 * The district console in Chromium, served by a real district server (PGlite) from the files
 * `npm run server:build` makes: sign-in, computers (a code to enroll one, withdrawing one),
 * sync health, signing out everywhere.
 */
const closers: (() => Promise<unknown> | unknown)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()?.();
});

async function districtWithComputers(): Promise<{ d: District; url: string }> {
  const d = await startDistrict(await openPglite(), {
    consoleDir: resolve('dist-server/console'),
  });
  closers.push(() => d.db.close());
  for (const name of ['Front desk', 'Clinic laptop', 'Gym office']) {
    const device = await enrollDevice(d, tempDir(), name);
    closers.push(() => device.core.close());
  }
  // The clinic laptop last reached the district three days ago; the desk had two changes refused.
  await d.db.query(
    `UPDATE devices SET last_seen_at = now() - interval '3 days' WHERE name = 'Clinic laptop'`,
  );
  await d.db.query(
    `UPDATE devices SET last_seen_at = now() - interval '5 minutes' WHERE name <> 'Clinic laptop'`,
  );
  await d.db.query(
    `INSERT INTO sync_rejections (device_id, seq, reason)
     SELECT id, seq, 'refused' FROM devices, (VALUES (1), (2)) AS s (seq)
     WHERE name = 'Front desk'`,
  );
  await d.app.listen({ host: '127.0.0.1', port: 0 });
  closers.push(() => d.close());
  const address = d.app.server.address() as { port: number };
  return { d, url: `http://127.0.0.1:${address.port}` };
}

async function openConsole(url: string, viewport = { width: 1280, height: 800 }) {
  const browser: Browser = await launchChromium();
  closers.push(() => browser.close());
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${url}/console`);
  return { context, page, errors };
}

/** Another computer of the school, with the front office's Omar signed in there. */
async function officeComputer(d: District) {
  const omar = await d.addStaff('Omar Office', 'front_office', []);
  const desk = await enrollDevice(d, tempDir(), 'Office computer');
  closers.push(() => desk.core.close());
  await desk.signIn(omar);
  callOrThrow(desk.core, 'session.signIn', { staffId: omar.id, password: DISTRICT_PASSWORD });
  return desk;
}

/** The district's administrator signs in, as a person does: email, password, Enter. */
async function signInAsPat(page: Page) {
  await page.getByLabel('Email').fill('pat@district.example');
  await page.getByLabel('Password').fill(DISTRICT_PASSWORD);
  await page.keyboard.press('Enter');
}

/**
 * Holds back the server's answers to requests whose URL matches, until `release`; `answered`
 * settles once the first of them has come back. Answers can come back in any order.
 */
async function holdAnswers(page: Page, url: RegExp) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await held;
    await route.continue();
  });
  return { release, answered: page.waitForResponse(url) };
}

/** A frame for React to show whatever it would show of an answer that just came. */
const nextFrame = (page: Page) =>
  page.evaluate(() => new Promise((done) => requestAnimationFrame(done)));

describe('the district console', () => {
  it('an administrator signs in, makes a code for a new computer, withdraws one, and reads sync health', async () => {
    const { d, url } = await districtWithComputers();
    const { context, page, errors } = await openConsole(url);

    await page.getByRole('heading', { name: 'Hearth district console' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'console-sign-in');
    await page.getByLabel('Email').fill('pat@district.example');
    await page.getByLabel('Password').fill('not the password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('That email and password do not match').waitFor();
    await page.getByLabel('Password').fill(DISTRICT_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Computers', level: 1 }).waitFor();

    // The session is a cookie the page's script cannot read; a reload keeps it.
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({
      name: '__Host-hearth-console',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
    });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    await page.reload();
    await page.getByRole('heading', { name: 'Computers', level: 1 }).waitFor();

    // The list: when each last synced (the quiet laptop marked), and what was refused.
    const rows = page.getByRole('table').getByRole('row');
    const desk = rows.filter({ hasText: 'Front desk' });
    await desk.waitFor();
    expect(await desk.textContent()).toMatch(/Riverside Elementary.*today, .*2/);
    expect(await rows.filter({ hasText: 'Clinic laptop' }).locator('td.attention').count()).toBe(1);

    // A code for a new computer, shown large and as a QR code, that enrolls one.
    await page.getByLabel('The code works for').selectOption({ label: 'One day' });
    await page.getByRole('button', { name: 'Make an enrollment code' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'Enrollment code for a computer' });
    await shown.waitFor();
    const code = (await shown.locator('.code-large').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await shown.locator('svg').count()).toBe(1);
    await shown.getByText(/It works once, until/).waitFor();
    await screenshot(page, 'console-computers-code');
    expect(await axeViolations(page)).toEqual([]);
    const enrolled = await d.send('POST', '/v1/devices/enroll', { code, deviceName: 'Library' });
    expect(enrolled.status).toBe(201);

    // Withdrawing the laptop: asked first, then done, and said.
    await page.getByRole('button', { name: 'Withdraw access for Gym office' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Withdraw access for Gym office?' });
    await confirm.waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await confirm.getByRole('button', { name: 'Withdraw access' }).click();
    await page
      .getByRole('status')
      .getByText('Gym office can no longer reach the district')
      .waitFor();
    await rows
      .filter({ hasText: 'Gym office' })
      .getByText(/Access withdrawn/)
      .waitFor();
    const [gym] = await d.db.query<{ revoked: boolean }>(
      `SELECT revoked_at IS NOT NULL AS revoked FROM devices WHERE name = 'Gym office'`,
    );
    expect(gym?.revoked).toBe(true);
    // Joined minutes ago and not synced yet: not a worry.
    expect(await rows.filter({ hasText: 'Library' }).locator('td.attention').count()).toBe(0);

    // Sync health: the server and its database, and the computers worth a look.
    await page.getByRole('navigation').getByRole('button', { name: 'Sync health' }).click();
    await page.getByRole('heading', { name: 'Sync health', level: 1 }).waitFor();
    await page.getByText(/^version \d+\.\d+\.\d+, sync protocol 1–1$/).waitFor();
    await page.getByText(/^PGlite \(PostgreSQL \d+/).waitFor();
    // The laptop has gone quiet; the library computer joined minutes ago and does not count.
    await page.getByRole('heading', { name: '1 computer has not synced in a day' }).waitFor();
    await page.getByText(/^Clinic laptop · Riverside Elementary · last synced \d/).waitFor();
    await page.getByRole('heading', { name: '1 computer has had changes refused' }).waitFor();
    await page
      .getByText('Front desk · Riverside Elementary · 2 changes and 0 audit entries refused')
      .waitFor();
    await screenshot(page, 'console-sync-health');
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.getByText(/Restored from a backup/).count()).toBe(0);

    // After a restore from a backup: the computers that have not synced since, which still
    // hold what the restored database lacks. The desk has synced since.
    await markRestored(d.db);
    await d.db.query(`UPDATE devices SET last_seen_at = now() WHERE name = 'Front desk'`);
    await page.getByRole('navigation').getByRole('button', { name: 'Computers' }).click();
    await page.getByRole('navigation').getByRole('button', { name: 'Sync health' }).click();
    await page.getByRole('heading', { name: /^Restored from a backup today, / }).waitFor();
    await page.getByText('2 computers have not synced since:').waitFor();
    await page
      .getByText(/^Library · Riverside Elementary · never synced since it joined$/)
      .waitFor();
    expect(await page.getByText(/^Front desk · Riverside Elementary · last synced/).count()).toBe(
      0,
    );
    await screenshot(page, 'console-sync-health-restored');
    expect(await axeViolations(page)).toEqual([]);

    // Sign out everywhere: this browser and the script's bearer token alike.
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'Hearth district console' }).waitFor();
    expect((await d.send('GET', '/v1/admin/devices', undefined, d.adminToken)).status).toBe(401);
    await page.reload();
    await page.getByLabel('Email').waitFor();
    // The wrong password typed on purpose above is answered 401, which the browser logs.
    expect(errors).toEqual([
      'Failed to load resource: the server responded with a status of 401 (Unauthorized)',
    ]);
  });

  it('an administrator adds a staff member (errors at the field), changes a role and password, and sees the roster’s fields read-only', async () => {
    const { d, url } = await districtWithComputers();
    const nurse = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const rostered = await d.addStaff('Rosa Roster', 'front_office', []);
    await d.db.query(
      `INSERT INTO roster_sources (kind, source_key, hearth_id, school_id)
       VALUES ('staff', 't-100', $1, $2)`,
      [rostered.id, d.schoolId],
    );
    const { page, errors } = await openConsole(url);
    await signInAsPat(page);
    // A school the roster does not bring: its name checked at the field, then added.
    await page.getByRole('navigation').getByRole('button', { name: 'Schools' }).click();
    await page.getByRole('button', { name: 'Add the school' }).click();
    await page.getByText('School name cannot be empty').waitFor();
    await page.getByLabel('School name').fill('Hillside Early Learning');
    await page.getByLabel('Time zone').fill('America/Denver');
    await page.getByRole('button', { name: 'Add the school' }).click();
    await page.getByRole('status').getByText('Added Hillside Early Learning.').waitFor();
    await page.getByRole('row', { name: /Hillside Early Learning.*America\/Denver/ }).waitFor();
    await screenshot(page, 'console-schools');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('navigation').getByRole('button', { name: 'Staff' }).click();
    await page.getByLabel('School').selectOption({ label: 'Riverside Elementary' });
    const rows = page.getByRole('table').getByRole('row');
    await rows.filter({ hasText: 'Nia Nurse' }).waitFor();
    expect(await rows.filter({ hasText: 'Rosa Roster' }).textContent()).toContain('Roster');

    // Adding: the contract's checks at each field, before anything is sent.
    await page.getByRole('button', { name: 'Add a staff member' }).click();
    const adding = page.getByRole('dialog', { name: 'Add a staff member' });
    await adding.getByLabel('Name').fill('Sam Support');
    await adding.getByLabel('Email').fill('sam at school');
    await adding.getByLabel('Role').selectOption({ label: 'Student support' });
    expect(await adding.getByLabel('Student support team').isChecked()).toBe(true);
    await adding.getByLabel('Password').fill('short');
    await adding.getByRole('button', { name: 'Add', exact: true }).click();
    await adding.getByText('The email must be an email address').waitFor();
    await adding.getByText(/The password must be at least 8 characters/).waitFor();
    await screenshot(page, 'console-staff-add-errors');
    expect(await axeViolations(page)).toEqual([]);
    await adding.getByLabel('Email').fill('sam@district.example');
    await adding.getByLabel('Password').fill('a good first password');
    await adding.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByRole('status').getByText('Added Sam Support.').waitFor();
    expect(await rows.filter({ hasText: 'Sam Support' }).textContent()).toMatch(
      /sam@district\.example.*Student support.*Student support team.*Active/,
    );

    // Changing the nurse: a second team, and a new password she can sign in with.
    await page.getByRole('button', { name: 'Change Nia Nurse' }).click();
    const changing = page.getByRole('dialog', { name: 'Change Nia Nurse' });
    await changing.getByLabel('Student support team').check();
    await changing.getByLabel(/New password/).fill('a new nurse password');
    await changing.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved the changes to Nia Nurse.').waitFor();
    const [saved] = await d.db.query<{ teams: string[] }>(
      'SELECT teams FROM staff_accounts WHERE id = $1',
      [nurse.id],
    );
    expect(saved?.teams).toEqual(['health', 'support']);
    const signIn = await d.send('POST', '/v1/admin/sessions', {
      email: nurse.email,
      password: 'a new nurse password',
    });
    expect(signIn.status).toBe(403); // the right password, but only administrators sign in there

    // The roster's person: the name is the roster's, and says so; she may be stopped here.
    await page.getByRole('button', { name: 'Change Rosa Roster' }).click();
    const rosterDialog = page.getByRole('dialog', { name: 'Change Rosa Roster' });
    expect(await rosterDialog.getByLabel('Name').getAttribute('readonly')).not.toBeNull();
    await rosterDialog
      .getByText(/The name comes from the district roster: change it in the student information/)
      .waitFor();
    await screenshot(page, 'console-staff-roster-account');
    expect(await axeViolations(page)).toEqual([]);
    await rosterDialog.getByLabel('May sign in to Hearth').uncheck();
    await rosterDialog.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Saved the changes to Rosa Roster.').waitFor();
    expect(await rows.filter({ hasText: 'Rosa Roster' }).textContent()).toMatch(
      /Stopped by an administrator/,
    );
    const [rosa] = await d.db.query<{ active: boolean }>(
      'SELECT active FROM staff_accounts WHERE id = $1',
      [rostered.id],
    );
    expect(rosa?.active).toBe(false);
    await page.getByRole('button', { name: 'Change Rosa Roster' }).click();
    await rosterDialog
      .getByText(/^Stopped here today, .*until you tick “May sign in” again\./)
      .waitFor();
    expect(await rosterDialog.getByLabel('May sign in to Hearth').isChecked()).toBe(false);
    await screenshot(page, 'console-staff-roster-stopped');
    await page.keyboard.press('Escape');
    await screenshot(page, 'console-staff');

    // Hillside's list is held back until Riverside's was shown: it must not take the place
    // of the school now chosen.
    const [hillside] = await d.db.query<{ id: string }>(
      `SELECT id FROM schools WHERE name = 'Hillside Early Learning'`,
    );
    const hillsideStaff = await holdAnswers(
      page,
      new RegExp(`/v1/admin/staff\\?schoolId=${hillside?.id ?? 'none'}`),
    );
    const shown = await rows.count();
    await page.getByLabel('School').selectOption({ label: 'Hillside Early Learning' });
    await page.getByLabel('School').selectOption({ label: 'Riverside Elementary' });
    await rows.filter({ hasText: 'Nia Nurse' }).waitFor();
    hillsideStaff.release();
    await hillsideStaff.answered;
    await nextFrame(page);
    expect(await rows.count()).toBe(shown);
    expect(await rows.filter({ hasText: 'Nia Nurse' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('an administrator reads the audit log with names, narrows it, pages it and downloads it as CSV', async () => {
    const { d, url } = await districtWithComputers();
    const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    const laptop = await enrollDevice(d, tempDir(), 'Nurse laptop');
    closers.push(() => laptop.core.close());
    await laptop.signIn(nia);
    const { student } = addOkaforFamily(laptop.core);
    callOrThrow(laptop.core, 'note.create', {
      studentId: student.id,
      visibility: 'team:health',
      subject: 'Nurse',
      body: 'Inhaler before recess',
    });
    for (let i = 0; i < 120; i++)
      callOrThrow(laptop.core, 'note.forStudent', { studentId: student.id });
    await laptop.sync();

    const { page, errors } = await openConsole(url);
    await signInAsPat(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Audit log' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await rows.nth(1).waitFor();
    // A page of 100 (and the header row), each naming who, what and about whom.
    expect(await rows.count()).toBe(101);
    expect(await rows.nth(1).textContent()).toMatch(
      /today, .*Riverside Elementary.*Nia Nurse.*Read a note.*Tobi Okafor.*Nurse laptop/,
    );
    await screenshot(page, 'console-audit-log');
    expect(await axeViolations(page)).toEqual([]);
    const [held] = await d.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(held?.n).toBeGreaterThan(120);
    await page.getByRole('button', { name: 'Show older entries' }).click();
    await expect.poll(() => rows.count()).toBe((held?.n ?? 0) + 1);
    expect(await page.getByRole('button', { name: 'Show older entries' }).count()).toBe(0);

    // Only what was written: one entry.
    await page.getByLabel('Action').selectOption({ label: 'Wrote' });
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('Wrote a note');
    // A day with nothing.
    await page.getByLabel('From').fill('2026-01-01');
    await page.getByLabel('To').fill('2026-01-02');
    await page.getByText('No entries match.').waitFor();
    await page.getByLabel('From').fill('');
    await page.getByLabel('To').fill('');
    await page.getByLabel('School').selectOption({ label: 'Riverside Elementary' });
    await page.getByLabel('Staff member').selectOption({ label: 'Nia Nurse' });
    await expect.poll(() => rows.count()).toBe(2);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hearth-audit-log.csv');
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.trimEnd().split('\r\n')).toEqual([
      'When (UTC),School,Staff,Action,Record type,About,Computer,Records',
      expect.stringMatching(
        /,Riverside Elementary,Nia Nurse,create,note,Tobi Okafor,Nurse laptop,/,
      ),
    ]);

    // The reads' page is held back until after the writes' page was shown: it must not
    // replace the list the filters now ask for.
    const reads = await holdAnswers(page, /\/v1\/admin\/audit\?.*action=read/);
    await page.getByLabel('Action').selectOption({ label: 'Read' });
    await page.getByLabel('Action').selectOption({ label: 'Wrote' });
    await expect.poll(() => rows.count()).toBe(2);
    reads.release();
    await reads.answered;
    await nextFrame(page);
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).textContent()).toContain('Wrote a note');
    expect(errors).toEqual([]);
  });

  it('a district administrator checks a roster (a broken one names its lines), imports it, and sees it in the history', async () => {
    const { d, url } = await districtWithComputers();
    const sample = resolve('resources/roster-sample');
    const zipOf = (edit: (users: string) => string) => {
      const files: Record<string, Uint8Array> = {};
      for (const name of readdirSync(sample)) {
        const text = readFileSync(join(sample, name), 'utf8');
        files[name] = strToU8(name === 'users.csv' ? edit(text) : text);
      }
      const path = join(tempDir(), 'roster.zip');
      writeFileSync(path, zipSync(files));
      return path;
    };
    const broken = zipOf((users) =>
      users.replace('stu-2,,,true,school-1', 'stu-2,,,true,school-9'),
    );
    const good = zipOf((users) => users);

    const { page, errors } = await openConsole(url);
    await signInAsPat(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Roster' }).click();
    await page.getByText('The roster has not been imported yet.').waitFor();
    expect(await page.getByRole('button', { name: 'Import it' }).isDisabled()).toBe(true);

    await page.getByLabel('Roster file (.zip)').setInputFiles(broken);
    await page.getByRole('button', { name: 'Check it (dry run)' }).click();
    const problems = page.getByRole('alert');
    await problems.getByText(/The roster was not imported; nothing was changed/).waitFor();
    await problems.getByText(/^users\.csv, line 3/).waitFor();
    expect(await page.getByRole('button', { name: 'Import it' }).isDisabled()).toBe(true);
    await screenshot(page, 'console-roster-problems');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Roster file (.zip)').setInputFiles(good);
    await page.getByRole('button', { name: 'Check it (dry run)' }).click();
    const checked = page.getByRole('status').filter({ hasText: 'The roster is fine' });
    await checked.waitFor();
    expect(await checked.getByRole('row', { name: /^Students/ }).textContent()).toMatch(
      /Students\s*\d+\s*0\s*0/,
    );
    const [before] = await d.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE tbl = 'students'`,
    );
    expect(before?.n).toBe(0);
    await screenshot(page, 'console-roster-dry-run');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import it' }).click();
    await page
      .getByText('Imported. The schools’ computers receive the changes at their next sync.')
      .waitFor();
    const [after] = await d.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM records WHERE tbl = 'students'`,
    );
    expect(after?.n).toBeGreaterThan(0);
    const history = page.getByRole('region', { name: 'Imports so far' }).getByRole('row');
    await expect.poll(() => history.count()).toBe(2);
    expect(await history.nth(1).textContent()).toMatch(/today, .*Pat Admin.*Whole district/);
    await screenshot(page, 'console-roster-imported');
    expect(errors.filter((e) => !e.includes('status of 400'))).toEqual([]);
  });

  it('shows each school’s partnership figures with small counts withheld, and a school’s table as CSV', async () => {
    const { d, url } = await districtWithComputers();
    const desk = await officeComputer(d);
    addOkaforFamily(desk.core);
    await desk.sync();
    await d.db.query(`INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Hillside', 'UTC')`, [
      newId(),
    ]);

    const { page, errors } = await openConsole(url);
    await signInAsPat(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Insights' }).click();
    const rows = page.getByRole('table').getByRole('row');
    const riverside = rows.filter({ hasText: 'Riverside Elementary' });
    await riverside.getByText('fewer than 5').waitFor();
    await rows
      .filter({ hasText: 'Hillside' })
      .getByRole('cell', { name: '0', exact: true })
      .waitFor();
    await screenshot(page, 'console-insights');
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Riverside Elementary’s figures as CSV' }).click(),
    ]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('Section,Row,Column,Value');
    expect(csv).toContain('Families,,count,fewer than 5');

    // A period that ends before it starts is said at the field, and nothing is asked.
    await page.getByLabel('To').fill('2020-01-01');
    await page.getByText('The period must start before it ends').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('lists the schools’ records of disclosure with names, narrows them by day, and downloads them as CSV', async () => {
    const { d, url } = await districtWithComputers();
    const desk = await officeComputer(d);
    const { student } = addOkaforFamily(desk.core);
    callOrThrow(desk.core, 'family.export', {
      studentId: student.id,
      format: 'print',
      recipient: 'Dr. Rivera, Lincoln Clinic',
      purpose: 'Transfer of care, at the family’s request',
    });
    await desk.sync();

    const { page, errors } = await openConsole(url);
    await signInAsPat(page);
    await page.getByRole('navigation').getByRole('button', { name: 'Disclosures' }).click();
    const row = page.getByRole('table').getByRole('row').nth(1);
    await row.waitFor();
    expect(await row.textContent()).toMatch(
      /today, .*Riverside Elementary.*Tobi Okafor.*Dr\. Rivera, Lincoln Clinic.*Transfer of care.*Omar Office/,
    );
    await screenshot(page, 'console-disclosures');
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('hearth-disclosures.csv');
    expect(readFileSync((await download.path()) as string, 'utf8')).toContain('Omar Office');
    await page.getByLabel('To').fill('2020-01-01');
    await page.getByText('No disclosures match.').waitFor();
    expect(errors).toEqual([]);
  });

  it('fits a smaller screen (1024×700) without sideways scrolling', async () => {
    const { url } = await districtWithComputers();
    const { page } = await openConsole(url, { width: 1024, height: 700 });
    await signInAsPat(page);
    await page.getByRole('heading', { name: 'Computers', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Make an enrollment code' }).click();
    await page.locator('.code-large').waitFor();
    await screenshot(page, 'console-computers-1024');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
});
