import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { launchChromium, screenshot, startApp, type RunningApp, watchErrors, nav } from './harness';

let app: RunningApp | undefined;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  await app?.close();
  app = undefined;
  while (cleanups.length) await cleanups.pop()?.();
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

/** The first demo family: it has contacts, a strength, and a visit planned for the liaison. */
function firstFamily(app: RunningApp) {
  return app.core.store.db
    .prepare(
      `SELECT h.id, h.name, p.first_name, p.last_name, p.phones FROM households h
       JOIN people p ON p.household_id = h.id ORDER BY h.pk, p.pk LIMIT 1`,
    )
    .get() as { id: string; name: string; first_name: string; last_name: string; phones: string };
}

async function openFamily(
  page: Page,
  family: { name: string; first_name: string; last_name: string },
) {
  await nav(page, 'Families');
  await page.getByLabel('Search families').fill(`${family.first_name} ${family.last_name}`);
  await page.getByRole('button', { name: family.name, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: family.name }).waitFor();
}

describe('a family’s page', () => {
  it('a liaison logs a contact (never in the future), records a strength and a family voice item, and finds the strength in the directory', async () => {
    app = await startApp({ demo: true, signedIn: false });
    const { page } = app;
    const errors = watchErrors(page);
    const family = firstFamily(app);
    await signInAs(page, 'Rosa Delgado');
    await openFamily(page, family);
    const prefs = page.getByLabel('How this family prefers to be contacted');
    await expect.poll(() => prefs.innerText()).toContain('Prefers');
    await page.getByRole('heading', { name: 'Timeline' }).waitFor();
    await screenshot(page, 'family-page-1280');

    // Log a contact: preferences at the top, a future time refused in plain words.
    await page.getByRole('button', { name: 'Log contact' }).click();
    const dialog = page.getByRole('dialog');
    await expect
      .poll(() => dialog.getByLabel('How this family prefers to be contacted').innerText())
      .toContain(family.first_name);
    await dialog
      .getByLabel('What was said')
      .fill('Shared that Ana read her first chapter book aloud.');
    await dialog.getByLabel('When').fill('2099-01-01T10:00');
    await dialog.getByRole('button', { name: 'Log contact' }).click();
    await dialog.getByText('When cannot be in the future').waitFor();
    await screenshot(page, 'log-contact-dialog-1280');
    // The latest time the form allows is now in the school's time zone.
    const when = dialog.getByLabel('When');
    await when.fill((await when.getAttribute('max')) as string);
    await dialog.getByRole('button', { name: 'Log contact' }).click();
    await dialog.waitFor({ state: 'detached' });
    const timeline = page.getByLabel('Timeline entries, newest first');
    await timeline.getByText('first chapter book').waitFor();
    await page.getByText('Positive contact this school year').waitFor();

    // Filter the timeline by tone.
    await page.getByLabel('Tone').selectOption('concern');
    await expect.poll(() => timeline.getByText('first chapter book').count()).toBe(0);
    await page.getByLabel('Tone').selectOption('');

    // A strength, kept findable with the family's consent.
    await page.getByRole('button', { name: 'Add strength' }).click();
    await dialog.getByLabel('What it is').fill('Builds birdhouses with kids');
    await dialog.getByRole('button', { name: 'Save strength' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Strengths' })
      .getByText('Builds birdhouses with kids')
      .waitFor();

    // Family voice: raised, then heard.
    const voice = page.getByRole('region', { name: 'Family voice' });
    await voice.getByLabel('What they raised').fill('Bike racks by the front door');
    await voice.getByRole('button', { name: 'Record it' }).click();
    const item = voice.getByRole('listitem').filter({ hasText: 'Bike racks by the front door' });
    await item.getByRole('button', { name: 'Mark heard' }).click();
    await item.getByText('Heard by Rosa Delgado').waitFor();
    await screenshot(page, 'family-page-after-1280');

    // The family's name and address, edited in place; an empty name is refused in plain words.
    await page.getByRole('button', { name: 'Edit name and address' }).click();
    const household = page.getByRole('dialog', { name: 'Family name and address' });
    await household.getByLabel('Family name').fill('  ');
    await household.getByLabel('Address (optional)').fill('12 Elm Street, Apt 3');
    await household.getByRole('button', { name: 'Save' }).click();
    await household.getByText('Family name cannot be empty').waitFor();
    await screenshot(page, 'household-dialog-1280');
    await household.getByLabel('Family name').fill(`${family.name} (Elm St)`);
    await household.getByRole('button', { name: 'Save' }).click();
    await household.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: `${family.name} (Elm St)` }).waitFor();
    await page.getByText('12 Elm Street, Apt 3').waitFor();

    await nav(page, 'Strengths');
    await page.getByPlaceholder('e.g. garden, Spanish, carpentry').fill('birdh');
    const hit = page.getByRole('list', { name: 'Strengths found' }).getByRole('listitem').first();
    await hit.getByText('Builds birdhouses with kids').waitFor();
    expect(await hit.innerText()).toContain('Prefers');
    await page.getByPlaceholder('e.g. garden, Spanish, carpentry').fill('garden');
    const found = page.getByRole('list', { name: 'Strengths found' });
    await found.getByText('Vegetable gardening').first().waitFor();
    await expect.poll(() => found.getByText('Builds birdhouses with kids').count()).toBe(0);
    await screenshot(page, 'strengths-directory-1280');

    await nav(page, 'Families');
    await page.getByText('Bike racks by the front door').waitFor();
    await screenshot(page, 'families-voice-1280');
    expect(errors).toEqual([]);
  });

  it('warns about a likely duplicate while adding someone, and merges a duplicate into the kept record', async () => {
    app = await startApp({ demo: true, signedIn: false, viewport: { width: 1024, height: 700 } });
    const { page } = app;
    const errors = watchErrors(page);
    const family = firstFamily(app);
    const phone = (JSON.parse(family.phones) as string[])[0] as string;
    await signInAs(page, 'Denise Okafor');
    await openFamily(page, family);
    await screenshot(page, 'family-page-1024');
    await page.getByRole('button', { name: 'Add someone' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('First name').fill('Sam');
    await dialog.getByLabel('Last name').fill('Other');
    await dialog.getByLabel('Phone', { exact: true }).fill(phone.replace(/\D/g, ''));
    const warning = dialog.getByRole('status');
    await warning.getByText(`${family.first_name} ${family.last_name}`).waitFor();
    expect(await warning.innerText()).toContain('same phone');
    await warning.getByText('Already in this family').waitFor();
    await screenshot(page, 'duplicate-warning-1024');
    // An empty first name is refused next to the field, and nothing is added.
    await dialog.getByLabel('First name').fill('');
    await dialog.getByRole('button', { name: 'Add to family' }).click();
    await dialog.getByText('First name cannot be empty').waitFor();
    await dialog.getByLabel('First name').fill(family.first_name);
    await dialog.getByLabel('Last name').fill(family.last_name);
    await dialog.getByRole('button', { name: 'Add to family' }).click();
    await dialog.waitFor({ state: 'detached' });
    const people = page.getByRole('region', { name: 'People and students' });
    const membersNamed = () =>
      people
        .getByRole('button', { name: `Edit details of ${family.first_name} ${family.last_name}` })
        .count();
    await expect.poll(membersNamed).toBe(2);

    await people.getByRole('button', { name: 'Merge a duplicate' }).first().click();
    await dialog.getByRole('button', { name: 'Merge…' }).first().click();
    await dialog.getByRole('button', { name: /Yes, merge into/ }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(membersNamed).toBe(1);
    expect(errors).toEqual([]);
  });
});

describe('on a smaller screen (1024×700)', () => {
  it('every families screen fits without sideways scrolling', async () => {
    app = await startApp({ demo: true, signedIn: false, viewport: { width: 1024, height: 700 } });
    const { page } = app;
    const family = firstFamily(app);
    const overflow = () =>
      page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
    await signInAs(page, 'Rosa Delgado');
    const screens: [string, string, () => Promise<void>][] = [
      ['Families', 'families-1024', () => page.getByText('Family voice: still open').waitFor()],
      ['Home visits', 'home-visits-1024', () => page.getByText('My upcoming visits').waitFor()],
      [
        'Follow-ups',
        'my-follow-ups-1024',
        () => page.getByRole('heading', { name: 'My follow-ups' }).waitFor(),
      ],
      [
        'Strengths',
        'strengths-directory-1024',
        () => page.getByRole('list', { name: 'Strengths found' }).waitFor(),
      ],
    ];
    for (const [name, shot, ready] of screens) {
      await nav(page, name);
      await ready();
      await screenshot(page, shot);
      expect(await overflow(), name).toBe(0);
    }
    await nav(page, 'Home visits');
    await page.getByRole('main').getByRole('list').getByRole('button').first().click();
    await page.getByRole('form', { name: 'Visit record' }).waitFor();
    await screenshot(page, 'home-visit-record-1024');
    expect(await overflow()).toBe(0);
    await openFamily(page, family);
    await page.getByRole('button', { name: 'Log contact' }).click();
    await page.getByRole('dialog').getByLabel('What was said').waitFor();
    await screenshot(page, 'log-contact-dialog-1024');
    expect(await overflow()).toBe(0);
  });
});

describe('home visits and follow-ups', () => {
  it('plans a visit, records it (strength and follow-up included), and completes the follow-up with the contact that closed it', async () => {
    app = await startApp({ demo: true, signedIn: false });
    const { page } = app;
    const errors = watchErrors(page);
    const family = firstFamily(app);
    await signInAs(page, 'Rosa Delgado');
    await openFamily(page, family);
    await page.getByRole('button', { name: 'Plan home visit' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Purpose').fill('Welcome visit with the new baby');
    await dialog.getByRole('button', { name: 'Plan visit' }).click();
    await dialog.waitFor({ state: 'detached' });

    await nav(page, 'Home visits');
    await page.getByText('My upcoming visits').waitFor();
    await screenshot(page, 'home-visits-1280');
    await page
      .getByRole('button', { name: new RegExp(family.name) })
      .first()
      .click();
    await page.getByRole('heading', { name: 'Record of the visit' }).waitFor();
    const record = page.getByRole('form', { name: 'Visit record' });
    await record.getByRole('button', { name: 'Complete visit' }).click();
    await record.getByText('Hopes and dreams cannot be empty').waitFor();
    await record.getByLabel('Who was there').fill('Both caregivers and the children');
    await record
      .getByLabel('Hopes and dreams the family shared')
      .fill('Want the children to keep their home language');
    await record.getByRole('button', { name: 'Add a strength' }).click();
    await record.getByLabel('What it is').fill('Storytelling in Hmong');
    await record.getByRole('button', { name: 'Add a follow-up' }).click();
    await record.getByLabel('What needs doing').fill('Send the bilingual library list');
    await record.getByLabel('Due').fill('2099-01-15');
    await record.getByLabel('Good news').check();
    await page.getByText(/Draft saved on this computer/).waitFor();
    await screenshot(page, 'home-visit-record-1280');
    await record.getByRole('button', { name: 'Complete visit' }).click();
    await page.getByText('Want the children to keep their home language').waitFor();

    await nav(page, 'Follow-ups');
    const followUp = page
      .getByRole('listitem')
      .filter({ hasText: 'Send the bilingual library list' });
    await followUp.waitFor();
    await screenshot(page, 'my-follow-ups-1280');
    await followUp.getByRole('button', { name: 'Mark done…' }).click();
    const done = page.getByRole('dialog');
    await done.getByLabel('What was said').fill('Texted the library list in Hmong.');
    await done.getByRole('button', { name: 'Mark done' }).click();
    await done.waitFor({ state: 'detached' });
    await expect.poll(() => followUp.count()).toBe(0);

    await openFamily(page, family);
    const timeline = page.getByLabel('Timeline entries, newest first');
    await timeline.getByText('Texted the library list in Hmong.').waitFor();
    await timeline.getByText(/Welcome visit with the new baby/).waitFor();
    await page
      .getByRole('region', { name: 'Strengths' })
      .getByText('Storytelling in Hmong')
      .waitFor();
    expect(errors).toEqual([]);
  });

  it('keeps a home-visit draft when the core is killed while it is being typed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hearth-crash-'));
    let child: ChildProcess | undefined;
    const browser = await launchChromium();
    cleanups.push(async () => {
      await browser.close();
      child?.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    });
    /** The real browser-mode host (what `npm start` runs), in its own process. */
    const startHost = () =>
      new Promise<{ process: ChildProcess; url: string }>((resolveStart, reject) => {
        const host = spawn(
          process.execPath,
          [resolve('dist/host/main.js'), '--demo', '--data-dir', dataDir],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let out = '';
        host.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const url = /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out)?.[1];
          if (url) resolveStart({ process: host, url });
        });
        host.on('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)));
      });

    let started = await startHost();
    child = started.process;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(started.url);
    await signInAs(page, 'Rosa Delgado');
    await nav(page, 'Home visits');
    await page.getByRole('main').getByRole('list').getByRole('button').first().click();
    const record = page.getByRole('form', { name: 'Visit record' });
    const hopes = 'Her grandmother hopes she becomes the first doctor in the family';
    await record.getByLabel('Who was there').fill('Grandmother and Lan');
    await record
      .getByLabel('Hopes and dreams the family shared')
      .pressSequentially(hopes, { delay: 5 });
    await page.getByText(/Draft saved on this computer/).waitFor();
    // Give the last keystrokes' autosave time to land, then pull the plug mid-typing.
    await expect
      .poll(async () => (await page.getByRole('status').innerText()).includes('Draft saved'))
      .toBe(true);
    await page.waitForTimeout(800);
    await record.getByLabel('Concerns (optional)').pressSequentially('Bus', { delay: 5 });
    child.kill('SIGKILL');
    await new Promise((r) => child?.once('exit', r));

    started = await startHost();
    child = started.process;
    await page.goto(started.url);
    await signInAs(page, 'Rosa Delgado');
    await nav(page, 'Home visits');
    await page.getByRole('main').getByRole('list').getByRole('button').first().click();
    const reopened = page.getByRole('form', { name: 'Visit record' });
    await expect
      .poll(() => reopened.getByLabel('Hopes and dreams the family shared').inputValue())
      .toBe(hopes);
    expect(await reopened.getByLabel('Who was there').inputValue()).toBe('Grandmother and Lan');
    await screenshot(page, 'home-visit-draft-after-crash-1280');
  });
});
