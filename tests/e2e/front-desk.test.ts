import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow } from '../../db/core';
import { restrictedPickup } from '../fixtures';
import { axeViolations, screenshot, startApp, type RunningApp, watchErrors } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const search = (page: Page) => page.getByRole('combobox', { name: 'Who’s here?' });

async function open(demo = true, signedIn = true) {
  app = await startApp({ demo, signedIn });
  const errors = watchErrors(app.page);
  return { ...app, errors };
}

describe('front desk in the browser', () => {
  it('signs a regular visitor in with the keyboard alone, then signs them out', async () => {
    const { page, core, errors } = await open();
    await search(page).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');
    expect(page.url()).not.toContain('#k='); // the launch secret is taken out of the address bar
    await screenshot(page, 'front-desk-empty-1280');

    await page.keyboard.type('garcia');
    const first = page.getByRole('option').first();
    await expect.poll(() => first.textContent()).toContain('García');
    const name = (await first.locator('strong').first().textContent()) ?? '';
    await screenshot(page, 'front-desk-results-1280');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Signing in ${name}` }).waitFor();
    await page.keyboard.press('3');
    await screenshot(page, 'front-desk-sign-in-form-1280');
    await page.keyboard.press('Enter');

    await page
      .getByRole('status')
      .filter({ hasText: `${name} signed in` })
      .waitFor();
    const inBuilding = page.getByRole('region', { name: /In the building now/ });
    await inBuilding.getByText(name).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');
    const [visit] = callOrThrow(core, 'visit.inBuilding', {});
    expect(visit).toMatchObject({ visitorName: name, purpose: 'meeting' });
    await screenshot(page, 'front-desk-after-sign-in-1280');

    await page.getByRole('button', { name: `Sign out ${name}` }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} signed out` })
      .waitFor();
    expect(callOrThrow(core, 'visit.inBuilding', {})).toEqual([]);
    await page.getByRole('table').getByText(name).waitFor();
    expect(errors).toEqual([]);
  });

  it('tells the core someone is at work while they type, at most once a minute', async () => {
    app = await startApp({ demo: true });
    const { page } = app;
    await page.clock.install();
    const told: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/call') && request.postData()?.includes('"app.status"'))
        told.push(request.url());
    });
    await search(page).click();
    await page.keyboard.type('Typing a long note');
    told.length = 0;
    // Two minutes of typing (36 keys) tell the core twice, not at every key and not never.
    for (let step = 0; step < 12; step++) {
      await page.clock.fastForward(10_000);
      await page.keyboard.type('abc');
    }
    await expect.poll(() => told.length).toBeGreaterThanOrEqual(1);
    expect(told.length).toBeLessThanOrEqual(3);
  });

  it('finds people regardless of accents', async () => {
    const { page, errors } = await open();
    await search(page).fill('jose');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('José');
    await search(page).fill('nguyen');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Nguyễn');
    await screenshot(page, 'front-desk-accent-search-1280');
    expect(errors).toEqual([]);
  });

  it('stops a restricted pickup until the desk acknowledges the office note', async () => {
    const { page, core, errors } = await open();
    const { student } = restrictedPickup(core, 'Court order on file: do not release.');

    await search(page).fill('wendell pick');
    await expect
      .poll(() => page.getByRole('option').first().textContent())
      .toContain('Not allowed to pick up');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Signing in / }).waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Office note: Court order on file: do not release.').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Go back');
    expect(
      await dialog.getByRole('button', { name: 'Sign in with this warning noted' }).isDisabled(),
    ).toBe(true);
    await screenshot(page, 'front-desk-pickup-warning-1280');

    // A reflexive Enter goes back and signs nobody in.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect(callOrThrow(core, 'visit.inBuilding', {})).toEqual([]);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Sign in with this warning noted' }).click();
    await page.getByRole('status').filter({ hasText: 'Wendell Pickering signed in' }).waitFor();
    const [visit] = callOrThrow(core, 'visit.inBuilding', {});
    expect(visit?.pickupWarnings).toEqual([
      {
        studentId: student.id,
        studentName: 'Rosa Pickering',
        status: 'not_allowed',
        officeNote: 'Court order on file: do not release.',
        allowed: [],
      },
    ]);
    expect(visit?.pickupAcknowledgedAt).toBe(visit?.signedInAt);
    expect(errors).toEqual([]);
  });

  it('stops a stranger who asks to pick a student up, shows who may, and records the guardian’s yes', async () => {
    const { page, core, errors } = await open();
    const student = callOrThrow(core, 'student.create', {
      firstName: 'Rosa',
      lastName: 'Pickering',
      grade: '2',
    });
    const mother = callOrThrow(core, 'person.create', {
      firstName: 'Marta',
      lastName: 'Pickering',
      kind: 'caregiver',
      phones: ['(612) 555-0142'],
    });
    callOrThrow(core, 'link.set', {
      studentId: student.id,
      personId: mother.id,
      relationship: 'Mother',
      legalGuardian: true,
    });
    // The student first, then "someone else": the student comes along to the form.
    await search(page).fill('rosa pickering');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Rosa');
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: /Someone else/ }).click();
    await page.getByLabel('Name', { exact: true }).fill('Vic Stranger');
    await page.getByRole('radio', { name: /Pickup/ }).focus();
    await page.keyboard.press('1');
    expect(await page.getByRole('checkbox', { name: /Rosa Pickering/ }).isChecked()).toBe(true);
    // With the student unticked, nothing is signed in: a pickup names its students.
    await page.getByRole('checkbox', { name: /Rosa Pickering/ }).uncheck();
    await page.getByRole('button', { name: /^Sign in/ }).click();
    await page.getByText('Name the students being picked up: tick them, or find them.').waitFor();
    await page.getByRole('checkbox', { name: /Rosa Pickering/ }).check();
    await page.getByRole('button', { name: /^Sign in/ }).click();

    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('Vic Stranger is not on this student’s family list.').waitFor();
    await dialog.getByText('May pick up: Marta Pickering (Mother) (612) 555-0142').waitFor();
    await screenshot(page, 'front-desk-stranger-pickup-1280');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByLabel('How').selectOption('phone');
    await dialog.getByRole('button', { name: 'Sign in with the guardian’s yes' }).click();
    await page.getByRole('status').filter({ hasText: 'Vic Stranger signed in' }).waitFor();
    const [visit] = callOrThrow(core, 'visit.inBuilding', {});
    expect(visit).toMatchObject({
      visitorName: 'Vic Stranger',
      studentIds: [student.id],
      purpose: 'pickup',
      guardianConfirmation: { name: 'Marta Pickering', personId: mother.id, how: 'phone' },
      pickupWarnings: [{ status: 'not_listed' }],
    });
    expect(errors).toEqual([]);
  });

  it('marks a restricted caregiver in for a meeting, and warns again as they leave during their student’s dismissal', async () => {
    const { page, core, errors } = await open();
    const student = callOrThrow(core, 'student.create', {
      firstName: 'Rosa',
      lastName: 'Pickering',
      grade: '2',
    });
    const father = callOrThrow(core, 'person.create', {
      firstName: 'Wendell',
      lastName: 'Pickering',
      kind: 'caregiver',
    });
    callOrThrow(core, 'link.set', {
      studentId: student.id,
      personId: father.id,
      relationship: 'Father',
      pickup: 'not_allowed',
      officeNote: 'Court order on file.',
    });
    const aunt = callOrThrow(core, 'person.create', {
      firstName: 'Lena',
      lastName: 'Pickering',
      kind: 'relative',
    });
    callOrThrow(core, 'link.set', {
      studentId: student.id,
      personId: aunt.id,
      relationship: 'Aunt',
    });

    await search(page).fill('wendell pick');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Wendell');
    await page.keyboard.press('Enter');
    await page
      .getByRole('note')
      .filter({ hasText: 'Caution: check with the office before releasing Rosa Pickering' })
      .waitFor();
    await page.keyboard.press('3');
    expect(await page.getByRole('radio', { name: /Meeting/ }).isChecked()).toBe(true);
    await screenshot(page, 'front-desk-restricted-meeting-1280');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    const inBuilding = page.getByRole('region', { name: /In the building now/ });
    await inBuilding.getByText('Caution: may not take Rosa Pickering without the office').waitFor();

    // The aunt signs Rosa out early while Wendell is still in his meeting.
    callOrThrow(core, 'visit.signIn', {
      visitor: { personId: aunt.id },
      studentIds: [student.id],
      purpose: 'pickup',
    });
    await page.reload();
    await inBuilding.getByRole('button', { name: 'Sign out Wendell Pickering' }).click();
    const dialog = page.getByRole('alertdialog', {
      name: 'Stop: check before Wendell Pickering leaves',
    });
    await dialog.getByText('Office note: Court order on file.').waitFor();
    await screenshot(page, 'front-desk-restricted-leaving-1280');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: 'Sign out with this warning noted' }).click();
    await page.getByRole('status').filter({ hasText: 'Wendell Pickering signed out' }).waitFor();
    const [visit] = callOrThrow(core, 'visit.today', { text: 'wendell' }).visits;
    expect(visit?.signOutWarnings).toEqual([
      {
        studentId: student.id,
        studentName: 'Rosa Pickering',
        status: 'not_allowed',
        officeNote: 'Court order on file.',
      },
    ]);
    expect(visit?.signOutAcknowledgedAt).toBe(visit?.signedOutAt);
    expect(errors).toEqual([]);
  });

  it('signs in an unknown visitor with just a name and phone, and Escape backs out', async () => {
    const { page, core, errors } = await open();
    await search(page).fill('Zed Quigley');
    await page.getByText('Sign in “Zed Quigley” as a new visitor').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Signing in Zed Quigley' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => search(page).inputValue()).toBe('Zed Quigley');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('combobox');

    await page.keyboard.press('Enter');
    await page.getByLabel('Phone (optional)').fill('(651) 555-0123');
    await page.keyboard.press('Enter');
    await page.getByText('Choose why they came in (press 1 to 8).').waitFor();
    await page.getByRole('radio', { name: /Volunteer/ }).focus();
    await page.keyboard.press('4');
    await screenshot(page, 'front-desk-new-visitor-1280');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Zed Quigley signed in' }).waitFor();
    const [hit] = callOrThrow(core, 'search.people', { text: '6515550123' });
    expect(hit?.type === 'person' && hit.person).toMatchObject({
      firstName: 'Zed',
      lastName: 'Quigley',
      kind: 'visitor',
    });
    expect(errors).toEqual([]);
  });

  it('offers the person already in Hearth when a “new” visitor has their phone, and a walk-in starts a follow-up', async () => {
    const { page, core, errors } = await open();
    const known = core.store.db
      .prepare(
        `SELECT p.id, p.first_name, p.last_name, p.phones ->> '$[0]' AS phone FROM people p
         JOIN student_person_links l ON l.person_id = p.id
         WHERE p.phones ->> '$[0]' IS NOT NULL ORDER BY p.pk LIMIT 1`,
      )
      .get() as { id: string; first_name: string; last_name: string; phone: string };
    const name = `${known.first_name} ${known.last_name}`;
    await search(page).fill('Sam Nobodyhere');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Signing in Sam Nobodyhere' }).waitFor();
    // The same number typed in another format still finds them.
    await page.getByLabel('Phone (optional)').fill(known.phone.replace(/\D/g, ''));
    const hint = page.getByRole('status').filter({ hasText: 'Already in Hearth?' });
    await hint.getByText(name).waitFor();
    await screenshot(page, 'front-desk-known-visitor-hint-1280');
    await hint.getByRole('button', { name: `Sign in ${known.first_name} instead` }).click();
    await page.getByRole('heading', { name: `Signing in ${name}` }).waitFor();
    await page.getByRole('radio', { name: /Question/ }).check();
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `${name} signed in` })
      .waitFor();
    const [visit] = callOrThrow(core, 'visit.inBuilding', {});
    expect(visit?.personId).toBe(known.id);
    const peopleBefore = core.store.db.prepare('SELECT count(*) AS n FROM people').get();

    // From today's log: a follow-up that remembers the walk-in it came from.
    await page.getByRole('button', { name: `Follow-up from ${name}’s visit` }).click();
    const dialog = page.getByRole('dialog', { name: `Follow-up from ${name}’s visit` });
    await dialog.getByRole('button', { name: 'Add follow-up' }).click();
    await dialog.getByText('Follow-up cannot be empty').waitFor();
    const fromWalkIns = core.store.db.prepare(
      `SELECT origin_id, person_id, (SELECT role FROM staff WHERE id = assignee_id) AS assignee
       FROM follow_ups WHERE origin_kind = 'walk_in'`,
    );
    expect(fromWalkIns.all()).toEqual([]);
    await dialog.getByPlaceholder('What needs doing').fill('Call back about the bus form');
    await screenshot(page, 'front-desk-walk-in-follow-up-1280');
    await dialog.getByRole('button', { name: 'Add follow-up' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: `Follow-up added from ${name}’s visit.` })
      .waitFor();
    // Assigned to the one who took it down unless they chose someone else.
    expect(fromWalkIns.all()).toEqual([
      { origin_id: visit?.id, person_id: known.id, assignee: 'front_office' },
    ]);
    expect(core.store.db.prepare('SELECT count(*) AS n FROM people').get()).toEqual(peopleBefore);
    expect(errors).toEqual([]);
  });

  it('signs everyone out at the end of the day and keeps today’s log searchable', async () => {
    const { page, core, errors } = await open();
    for (const fullName of ['Ada Visitor', 'Ben Visitor', 'Cy Visitor']) {
      callOrThrow(core, 'visit.signIn', {
        visitor: { newVisitor: { fullName } },
        purpose: 'volunteer',
        seeing: 'Library',
      });
    }
    await page.reload();
    const region = page.getByRole('region', { name: /In the building now/ });
    await region.getByText('Cy Visitor').waitFor();
    await region.getByRole('button', { name: 'Sign out everyone' }).click();
    await page.getByRole('dialog', { name: 'Sign out all 3 visitors?' }).waitFor();
    await screenshot(page, 'front-desk-sign-out-all-1280');
    await page.getByRole('dialog').getByRole('button', { name: 'Sign out everyone' }).click();
    await page.getByRole('status').filter({ hasText: 'Signed out 3 visitors.' }).waitFor();
    await region.getByText('No visitors in the building.').waitFor();
    expect(callOrThrow(core, 'visit.inBuilding', {})).toEqual([]);

    await page.getByPlaceholder('Search today’s visits').fill('ben');
    const rows = page.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(2); // header + Ben
    expect(await rows.nth(1).textContent()).toContain('Ben Visitor');
    expect(errors).toEqual([]);
  });

  it('fits a smaller screen (1024×700)', async () => {
    app = await startApp({ demo: true, viewport: { width: 1024, height: 700 } });
    const { page, core } = app;
    // A visit about a student, so today's log shows its widest row (with "Follow-up…").
    const caregiver = core.store.db
      .prepare('SELECT person_id, student_id FROM student_person_links LIMIT 1')
      .get() as { person_id: string; student_id: string };
    callOrThrow(core, 'visit.signIn', {
      visitor: { personId: caregiver.person_id },
      studentIds: [caregiver.student_id],
      purpose: 'meeting',
      seeing: 'Counselor Ms. Abernathy-Whitfield in room 214',
    });
    await page.reload();
    // Every column of today's log within its card: nothing to scroll sideways.
    const log = page.locator('.today-log .table-scroll');
    await page.getByText('Follow-up…').waitFor();
    expect(await log.evaluate((el) => el.scrollWidth - el.clientWidth)).toBe(0);
    await search(page).fill('garc');
    await page.getByRole('option').first().waitFor();
    await screenshot(page, 'front-desk-results-1024');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /^Signing in / }).waitFor();
    await page.keyboard.press('1');
    await screenshot(page, 'front-desk-sign-in-form-1024');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
  });
});

describe('first run', () => {
  it('offers the demo or a real school, with field errors in plain words', async () => {
    const { page, core, errors } = await open(false);
    await page.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    await screenshot(page, 'first-run-1280');
    await page.getByRole('button', { name: 'Set up this school' }).click();
    await page.getByText('School name cannot be empty').waitFor();
    await page.getByText('Your name cannot be empty').waitFor();
    expect(callOrThrow(core, 'app.status', {}).setup).toBe('none');
    await page.getByLabel('School name').fill('Maple Grove Elementary');
    await page.getByLabel('Your name').fill('Jordan Ellis');
    await page.getByLabel('Your password').fill('short');
    await page.getByRole('button', { name: 'Set up this school' }).click();
    await page.getByText('Password must be at least 8 characters').waitFor();
    expect(callOrThrow(core, 'app.status', {}).setup).toBe('none');
    await page.getByLabel('Your password').fill('maple grove welcomes');
    await page.getByRole('button', { name: 'Set up this school' }).click();
    await page.getByText('Maple Grove Elementary').waitFor();
    await search(page).waitFor();
    expect(callOrThrow(core, 'app.status', {})).toMatchObject({
      setup: 'real',
      staff: { displayName: 'Jordan Ellis', role: 'administrator' },
    });
    await search(page).fill('anyone');
    await page.getByText('No one matches “anyone”.').waitFor();
    await screenshot(page, 'real-school-empty-search-1280');

    // The first administrator adds a nurse, who can then sign in.
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Nia Brooks');
    await page.getByLabel('Role').selectOption('nurse');
    await page.getByLabel('Health team').check();
    await page.getByLabel('First password').fill('nurse office 12');
    await page.getByRole('button', { name: 'Add staff member' }).click();
    await page.getByText('Nia Brooks can now sign in on this computer.').waitFor();
    await screenshot(page, 'settings-staff-1280');
    const nurse = callOrThrow(core, 'staff.list', {}).find((s) => s.displayName === 'Nia Brooks');
    expect(nurse).toMatchObject({ role: 'nurse', teams: ['health'] });
    expect(errors).toEqual([]);
  });
});

describe('signing in and locking', () => {
  it('signs in with a password, refuses a wrong one, and locks leaving nothing about families on screen', async () => {
    const { page, core, errors } = await open(true, false);
    await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor();
    await page.getByText(`every staff member’s password is ${DEMO_PASSWORD}`).waitFor();
    await page.getByRole('button', { name: /Denise Okafor/ }).click();
    const password = page.getByLabel('Password for Denise Okafor');
    await expect.poll(() => password.evaluate((el) => el === document.activeElement)).toBe(true);
    await password.fill('not the password');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').getByText('That password is not right.').waitFor();
    await screenshot(page, 'sign-in-wrong-password-1280');
    await password.fill(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await search(page).waitFor();
    expect(callOrThrow(core, 'app.status', {}).staff?.displayName).toBe('Denise Okafor');

    await search(page).fill('gar');
    await page.getByRole('option').first().waitFor();
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByText('Hearth is locked.').waitFor();
    await screenshot(page, 'locked-1280');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toMatch(/García|In the building|Today/);
    expect(
      await page.getByRole('button', { name: /Denise Okafor.*Signed in earlier/ }).count(),
    ).toBe(1);
    expect(callOrThrow(core, 'app.status', {}).staff).toBeNull();
    expect(errors).toEqual([]);
  });
});
