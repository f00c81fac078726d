import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow } from '../../db/core';
import {
  axeViolations,
  launchChromium,
  nav,
  screenshot,
  startApp,
  type RunningApp,
  watchErrors,
} from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The demo's first family with a caregiver, as the families list names it. */
function firstFamily(running: RunningApp) {
  return running.core.store.db
    .prepare(
      `SELECT h.id, h.name, p.first_name, p.last_name FROM households h
       JOIN people p ON p.household_id = h.id ORDER BY h.pk, p.pk LIMIT 1`,
    )
    .get() as { id: string; name: string; first_name: string; last_name: string };
}

describe('Hearth in Spanish', () => {
  it('a front-office staff member switches to Spanish, signs a walk-in in and logs a contact, in Spanish throughout', async () => {
    app = await startApp({ demo: true });
    const { page, core } = app;
    const errors = watchErrors(page);
    await page.getByRole('combobox', { name: 'Who’s here?' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // Settings → Language: the whole window changes at once, with no reload.
    await nav(page, 'Settings');
    await page.getByLabel(/Hearth speaks to you in/).selectOption('es');
    await page.getByRole('heading', { level: 1, name: 'Configuración' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await page.getByRole('navigation').getByRole('button', { name: 'Recepción' }).waitFor();
    const [me] = callOrThrow(core, 'staff.list', {}).filter((s) => s.role === 'front_office');
    expect(me?.language).toBe('es');
    await screenshot(page, 'spanish-settings-1280');
    expect(await axeViolations(page)).toEqual([]);

    // The front desk in Spanish: a walk-in signed in with the keyboard alone.
    await page.getByRole('navigation').getByRole('button', { name: 'Recepción' }).click();
    const search = page.getByRole('combobox', { name: '¿Quién vino?' });
    await search.click();
    await page.keyboard.type('garcia');
    const first = page.getByRole('option').first();
    await expect.poll(() => first.textContent()).toContain('García');
    const name = (await first.locator('strong').first().textContent()) ?? '';
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: `Registrando la entrada de ${name}` }).waitFor();
    await page.getByRole('radio', { name: /Reunión/ }).waitFor();
    await screenshot(page, 'spanish-sign-in-form-1280');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: `${name} entró a las` })
      .waitFor();
    await page
      .getByRole('region', { name: /En el edificio ahora/ })
      .getByText(name)
      .waitFor();
    await screenshot(page, 'spanish-front-desk-1280');
    expect(await axeViolations(page)).toEqual([]);

    // A contact logged from the family's page, with the form's words and problems in Spanish.
    const family = firstFamily(app);
    await page.getByRole('navigation').getByRole('button', { name: 'Familias' }).click();
    await page.getByLabel('Buscar familias').fill(`${family.first_name} ${family.last_name}`);
    await page.getByRole('button', { name: family.name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: family.name }).waitFor();
    await page.getByRole('button', { name: 'Registrar contacto' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Registrar contacto' }).click();
    await dialog.getByText('Resumen: no puede estar vacío').waitFor();
    await dialog.getByLabel('Lo que se habló').fill('Llamamos para contar lo bien que leyó hoy.');
    await screenshot(page, 'spanish-log-contact-1280');
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Registrar contacto' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('button', { name: /Llamada/ })
      .first()
      .waitFor();
    const contacts = callOrThrow(core, 'contact.forPerson', {
      personId: (
        core.store.db
          .prepare('SELECT id FROM people WHERE household_id = ? ORDER BY pk LIMIT 1')
          .get(family.id) as { id: string }
      ).id,
    });
    expect(contacts.map((c) => c.summary)).toContain('Llamamos para contar lo bien que leyó hoy.');
    await screenshot(page, 'spanish-family-page-1280');

    // The choice is the staff member's: it is still Spanish after the window reloads.
    await page.reload();
    await page.getByRole('navigation').getByRole('button', { name: 'Recepción' }).waitFor();

    expect(errors).toEqual([]);
  });

  it('lists every shortcut on "?" (not while typing), and keeps an Arabic name from reordering the words around it', async () => {
    app = await startApp({ demo: true });
    const { page } = app;
    const search = page.getByRole('combobox', { name: 'Who’s here?' });
    await search.click();
    await page.keyboard.type('?');
    expect(await search.inputValue()).toBe('?');
    await page.keyboard.press('Escape');
    await search.evaluate((e) => e.blur());
    await page.keyboard.press('?');

    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Go to the front desk search').waitFor();
    await screenshot(page, 'shortcuts-1280');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // A new visitor with an Arabic name: the sentence about her isolates it, and so does the list.
    const name = 'فاطمة الزهراء';
    await search.fill(name);
    await page.getByRole('option', { name: /as a new visitor/ }).click();
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    const notice = page.getByRole('status').filter({ hasText: 'signed in at' });
    await expect.poll(() => notice.textContent()).toContain(`\u2068${name}\u2069 signed in at`);
    const listed = page.getByRole('region', { name: /In the building now/ }).getByText(name);
    expect(await listed.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
    await screenshot(page, 'front-desk-arabic-name-1280');
  });

  it('the sign-in screen follows the computer’s language, and each member’s choice follows them', async () => {
    app = await startApp({ demo: true, signedIn: false });
    const front = callOrThrow(app.core, 'staff.list', {}).find((s) => s.role === 'front_office');
    if (!front) throw new Error('the demo has a front office');
    // Another window on a Spanish-speaking computer.
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ locale: 'es-MX' })).newPage();
      await page.goto(app.host.launchUrl);
      await page.getByRole('heading', { name: 'Iniciar sesión en Hearth' }).waitFor();
      await screenshot(page, 'spanish-sign-in-screen-1280');
      expect(await axeViolations(page)).toEqual([]);
      // Signing in as someone who chose English turns the window to English.
      callOrThrow(app.core, 'session.signIn', { staffId: front.id, password: DEMO_PASSWORD });
      callOrThrow(app.core, 'session.setLanguage', { language: 'en' });
      callOrThrow(app.core, 'session.lock', {});
      await page
        .getByRole('button', { name: new RegExp(front.displayName) })
        .first()
        .click();
      await page.getByLabel(`Contraseña de ${front.displayName}`).fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('combobox', { name: 'Who’s here?' }).waitFor();
    } finally {
      await browser.close();
    }
  });
});
