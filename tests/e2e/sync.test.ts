import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { callOrThrow } from '../../db/core';
import { PROTOCOL_VERSION } from '../../contract';
import { buildServer } from '../../server/app';
import { openPglite } from '../../server/db';
import {
  DISTRICT_PASSWORD,
  addOkaforFamily,
  enrollDevice,
  startDistrict,
  type District,
} from '../district';
import { tempDir } from '../helpers';
import { screenshot, startApp, type RunningApp } from './harness';

/**
 * Sync as people see it: the app syncing over real HTTP with a district server in the
 * background, the top bar's status, a change made on two computers at once reviewed with
 * both values, and the server going away.
 */
let app: RunningApp | undefined;
let district: District | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
  await district?.close();
  await district?.db.close();
  district = undefined;
});

/** Join the district from the first-run screen with a one-time code from district IT. */
async function joinFromFirstRun(
  page: Page,
  d: District,
  url: string,
  { wrongCodeFirst = false } = {},
): Promise<void> {
  const code = await d.send(
    'POST',
    '/v1/admin/enrollment-codes',
    { schoolId: d.schoolId },
    d.adminToken,
  );
  const join = page.locator('section', {
    has: page.getByRole('heading', { name: 'Join your district' }),
  });
  await join.getByLabel('District server address').fill(url);
  await join.getByLabel('Name for this computer').fill('Front desk');
  if (wrongCodeFirst) {
    await join.getByLabel('Enrollment code').fill('WRON-GCOD-E000');
    await join.getByRole('button', { name: 'Join the district' }).click();
    await join.getByText(/That code does not work/).waitFor();
    await screenshot(page, 'join-district-wrong-code-1280');
  }
  await join.getByLabel('Enrollment code').fill(String(code.body.code).toLowerCase());
  await join.getByRole('button', { name: 'Join the district' }).click();
  await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor();
}

async function districtSignIn(page: Page, name: string): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  const password = page.getByLabel(`Password for ${name}`);
  await password.fill(DISTRICT_PASSWORD);
  await password.press('Enter');
  await page.getByText(`Signed in: ${name}`).waitFor();
}

async function listen(d: District): Promise<string> {
  await d.app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(d.app.server.address() as AddressInfo).port}`;
}

describe('sync in the app', () => {
  it('shows sync status, lets a person settle a conflict, and stays calm offline', async () => {
    const d = await startDistrict(await openPglite());
    district = d;
    const url = await listen(d);
    await d.addStaff('Omar Office', 'front_office', []);
    const liaison = await d.addStaff('Lena Liaison', 'liaison', ['support']);

    // A liaison's laptop adds a family and syncs.
    const laptop = await enrollDevice(d, tempDir(), 'Laptop');
    await laptop.signIn(liaison);
    const { family } = addOkaforFamily(laptop.core);
    await laptop.sync();

    // The front desk joins the district from its first-run screen, with a code from IT.
    app = await startApp({ demo: false, sync: { debounceMs: 300, intervalMs: 60_000 } });
    const { page } = app;
    await joinFromFirstRun(page, d, url, { wrongCodeFirst: true });

    // Omar's first sign-in here is checked by the district, then works offline too.
    await page.getByRole('heading', { name: 'Sign in to Hearth' }).waitFor();
    await page
      .getByRole('button', { name: /Omar Office/ })
      .first()
      .click();
    const password = page.getByLabel('Password for Omar Office');
    await password.fill('not his password');
    await password.press('Enter');
    await page.getByText('That password is not right. Check Caps Lock and try again.').waitFor();
    await password.fill(DISTRICT_PASSWORD);
    await password.press('Enter');
    await page.getByText('Signed in: Omar Office').waitFor();
    await page.getByRole('button', { name: /Synced/ }).waitFor();

    // Once the desk has settled (its next sync is the minute timer's), the laptop changes the
    // address and syncs; the desk, not having pulled since, changes it too.
    const desk = app.core.syncLive;
    await vi.waitFor(
      () => expect(Date.parse(desk.nextAttemptAt ?? '0')).toBeGreaterThan(Date.now() + 30_000),
      { timeout: 10_000 },
    );
    callOrThrow(laptop.core, 'household.update', { id: family.id, address: '16 Oak Ave' });
    await laptop.sync();
    await page.getByRole('navigation').getByRole('button', { name: 'Families' }).click();
    await page.getByLabel('Search families').fill('Ada Okafor');
    await page.getByRole('button', { name: family.name, exact: true }).first().click();
    await page.getByRole('button', { name: 'Edit name and address' }).click();
    const dialog = page.getByRole('dialog', { name: 'Family name and address' });
    await dialog.getByLabel('Address (optional)').fill('14 Elm St');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The desk's push replaced a value it had never seen: the top bar asks for a review.
    const status = page.getByRole('button', { name: /1 to review/ });
    await status.waitFor({ timeout: 10_000 });
    await screenshot(page, 'sync-status-review-1280');
    await status.click();
    await page.getByRole('heading', { level: 1, name: 'Sync with the district' }).waitFor();
    const conflict = page.locator('.conflict').first();
    await conflict.getByText('Okafor family').waitFor();
    await conflict.getByText('14 Elm St').first().waitFor();
    await conflict.getByText('16 Oak Ave').first().waitFor();
    await screenshot(page, 'sync-conflict-review-1280');
    await conflict.getByRole('button', { name: 'Use “16 Oak Ave” instead' }).click();
    await page.getByText('Nothing to review.').waitFor();
    await page.getByRole('heading', { level: 2, name: /Synced/ }).waitFor({ timeout: 10_000 });
    await laptop.sync();
    expect(
      laptop.core.store.db.prepare('SELECT address FROM households WHERE id = ?').get(family.id),
    ).toEqual({
      address: '16 Oak Ave',
    });
    // The laptop, whose value the desk had overwritten, listed it too, and the choice made at
    // the desk settled it there.
    expect(
      laptop.core.store.db
        .prepare('SELECT mine, theirs, resolved_at IS NOT NULL AS settled FROM sync_conflicts')
        .all(),
    ).toEqual([{ mine: '"16 Oak Ave"', theirs: '"14 Elm St"', settled: 1 }]);

    // Now the other way round: the desk's new address is overwritten by the laptop, which had
    // not seen it; the desk lists its own value for review at its next sync.
    await page.getByRole('navigation').getByRole('button', { name: 'Families' }).click();
    await page.getByLabel('Search families').fill('Ada Okafor');
    await page.getByRole('button', { name: family.name, exact: true }).first().click();
    await page.getByRole('button', { name: 'Edit name and address' }).click();
    await dialog.getByLabel('Address (optional)').fill('20 Birch Ln');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    // The desk sends it on its own soon after the write.
    const deskCore = app.core;
    await vi.waitFor(() => expect(callOrThrow(deskCore, 'sync.status', {}).pending).toBe(0), {
      timeout: 10_000,
    });
    callOrThrow(laptop.core, 'household.update', { id: family.id, address: '22 Cedar Ct' });
    await laptop.sync();
    await page.getByRole('button', { name: /Synced/ }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    // The page lists it as soon as that sync ends, without being opened again.
    await page.getByRole('button', { name: /1 to review/ }).waitFor({ timeout: 10_000 });
    const overwritten = page.locator('.conflict').first();
    await overwritten.getByText('22 Cedar Ct').first().waitFor({ timeout: 5_000 });
    await overwritten.getByText('20 Birch Ln').first().waitFor();
    await screenshot(page, 'sync-overwritten-here-review-1280');
    await overwritten.getByRole('button', { name: 'Keep “22 Cedar Ct”' }).click();
    await page.getByText('Nothing to review.').waitFor();

    // The district server goes away: work goes on, and the page says so plainly.
    await d.app.close();
    await page.getByRole('navigation').getByRole('button', { name: 'Front desk' }).click();
    callOrThrow(app.core, 'household.create', { name: 'Nguyen', address: null });
    await page
      .getByRole('button', { name: /Offline · 1 change to send/ })
      .waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: /Offline/ }).click();
    await page.getByText('The district server cannot be reached.').waitFor();
    await screenshot(page, 'sync-offline-1280');
    // Offline, Omar can still lock and sign in again: his first sign-in was remembered here.
    await page.getByRole('button', { name: 'Lock' }).click();
    await page
      .getByRole('button', { name: /Omar Office/ })
      .first()
      .click();
    await page.getByLabel('Password for Omar Office').fill(DISTRICT_PASSWORD);
    await page.getByLabel('Password for Omar Office').press('Enter');
    await page.getByText('Signed in: Omar Office').waitFor();

    // The district comes back updated to a sync protocol this build no longer speaks: the
    // desk is told to update Hearth, in plain words, and keeps its change for later.
    const newer = await buildServer({
      db: d.db,
      protocols: { min: PROTOCOL_VERSION + 1, max: PROTOCOL_VERSION + 1 },
    });
    try {
      await newer.listen({ host: '127.0.0.1', port: Number(new URL(url).port) });
      await page.getByRole('button', { name: /Offline/ }).click();
      await page.getByRole('button', { name: 'Sync now' }).click();
      await page.getByText(/^Update Hearth on this computer/).waitFor({ timeout: 10_000 });
      // The top bar, which asks every few seconds, says it too.
      await page.getByRole('button', { name: 'Sync stopped' }).waitFor({ timeout: 10_000 });
      await screenshot(page, 'sync-update-hearth-1280');
      expect(callOrThrow(app.core, 'sync.status', {})).toMatchObject({
        pending: 1,
        lastError: { code: 'UPDATE_HEARTH' },
      });
    } finally {
      await newer.close();
    }
    laptop.core.close();
  }, 60_000);

  it('a health note written on the clinic laptop opens at the front desk once its key has come through the district', async () => {
    const d = await startDistrict(await openPglite());
    district = d;
    const url = await listen(d);
    const nia = await d.addStaff('Nia Nurse', 'nurse', ['health']);
    await d.addStaff('Noor Nurse', 'nurse', ['health']);
    const laptop = await enrollDevice(d, tempDir(), 'Clinic laptop');
    await laptop.signIn(nia);
    const { student } = addOkaforFamily(laptop.core);
    callOrThrow(laptop.core, 'note.create', {
      studentId: student.id,
      visibility: 'team:health',
      subject: 'Inhaler',
      body: 'Inhaler before recess; it is in the office.',
    });
    await laptop.sync();

    app = await startApp({ demo: false, sync: { debounceMs: 300, intervalMs: 60_000 } });
    const { page } = app;
    await joinFromFirstRun(page, d, url);
    await districtSignIn(page, 'Noor Nurse');
    const openTobi = async () => {
      await page.getByRole('navigation').getByRole('button', { name: 'Families' }).click();
      await page.getByLabel('Search families').fill('Tobi');
      await page
        .getByRole('button', { name: /Tobi Okafor/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: 'Tobi Okafor' }).waitFor();
    };
    await openTobi();
    await page.getByText('Health note — not readable here yet').waitFor();
    await page.getByText(/this computer does not have the key for this note yet/).waitFor();
    await screenshot(page, 'health-note-waiting-for-key-1280');

    // Nia's laptop syncs once: it learns Noor's key, shares the health key with her, sends it.
    await laptop.sync();
    await page.getByRole('button', { name: /Synced|waiting to sync/ }).click();
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('heading', { level: 2, name: /Synced/ }).waitFor({ timeout: 10_000 });
    await openTobi();
    await page.getByText('Inhaler before recess; it is in the office.').waitFor();
    await screenshot(page, 'health-note-key-arrived-1280');
    laptop.core.close();
  }, 60_000);
});
