import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow } from '../../db/core';
import {
  axeViolations,
  chooseLanguage,
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
    // A language found by its own name, typed without its accents.
    await chooseLanguage(dialog, 'Idioma usado', 'tieng viet', 'vietnamita · Tiếng Việt');
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
    expect(contacts.map((c) => [c.summary, c.language])).toContainEqual([
      'Llamamos para contar lo bien que leyó hoy.',
      'vi',
    ]);
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

  it('a Spanish-speaking desk prints a visitor pass in Vietnamese and a “you said, we did” notice in Arabic', async () => {
    app = await startApp({
      demo: true,
      prepare: async (core) => {
        callOrThrow(core, 'session.setLanguage', { language: 'es' });
      },
    });
    const { page, core } = app;
    const errors = watchErrors(page);
    // Someone who speaks `language` and is the only person of that name, so the desk finds them.
    const speaker = (language: string) =>
      core.store.db
        .prepare(
          `SELECT p.id, p.first_name, p.last_name, p.household_id, h.name AS family FROM people p
           JOIN households h ON h.id = p.household_id WHERE p.home_language = ?
           AND NOT EXISTS (SELECT 1 FROM people q WHERE q.id <> p.id
             AND q.first_name = p.first_name AND q.last_name IS p.last_name)
           ORDER BY p.pk LIMIT 1`,
        )
        .get(language) as {
        id: string;
        first_name: string;
        last_name: string;
        household_id: string;
        family: string;
      };

    // A Vietnamese-speaking caregiver signs in; the pass is in Vietnamese, dates its way.
    const vi = speaker('vi');
    const search = page.getByRole('combobox', { name: '¿Quién vino?' });
    // The caregiver found, not a student who shares the name nor "sign in as a new visitor".
    const pick = async (who: { first_name: string; last_name: string }) => {
      await search.fill(`${who.first_name} ${who.last_name}`);
      await page
        .getByRole('option')
        .filter({ hasText: `${who.first_name} ${who.last_name}` })
        .filter({ hasNotText: /Estudiante|visitante nuevo/ })
        .first()
        .click();
      await page
        .getByRole('heading', {
          name: `Registrando la entrada de ${who.first_name} ${who.last_name}`,
        })
        .waitFor();
    };
    await pick(vi);
    await page.getByRole('radio', { name: /Reunión/ }).check();
    await page.getByLabel('Viene a ver a').fill('Ms. Alvarez');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'entró a las' }).waitFor();
    await page
      .getByRole('button', { name: new RegExp(`Pase de visitante para .*${vi.first_name}`) })
      .click();
    const pass = page.locator('article.paper');
    await pass.getByRole('heading', { name: 'Thẻ khách' }).waitFor();
    expect(await pass.getAttribute('lang')).toBe('vi');
    expect(await pass.getAttribute('dir')).toBe('ltr');
    expect(await pass.innerText()).toContain('Mục đích: họp');
    await page.getByRole('note').filter({ hasText: 'no ha revisado' }).waitFor();
    await screenshot(page, 'paper-visitor-pass-vi');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Cerrar' }).click();

    // An Arabic-speaking family's suggestion, acted on: the notice reads right to left.
    const ar = speaker('ar');
    const item = callOrThrow(core, 'voice.create', {
      householdId: ar.household_id,
      personId: ar.id,
      kind: 'suggestion',
      summary: 'A reading club for parents on Saturdays',
    });
    callOrThrow(core, 'voice.advance', { id: item.id, step: 'heard' });
    callOrThrow(core, 'voice.advance', {
      id: item.id,
      step: 'acted',
      note: 'The library opens on Saturday mornings from January',
    });
    await page.getByRole('navigation').getByRole('button', { name: 'Familias' }).click();
    await page.getByLabel('Buscar familias').fill(`${ar.first_name} ${ar.last_name}`);
    await page.getByRole('button', { name: ar.family, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: ar.family }).waitFor();
    await page.getByRole('button', { name: /Imprimir «usted lo dijo/ }).click();
    const notice = page.locator('article.paper');
    await notice.getByRole('heading', { name: 'قلتم، فعملنا' }).waitFor();
    expect(await notice.getAttribute('dir')).toBe('rtl');
    expect(await notice.innerText()).toContain('The library opens on Saturday mornings');
    await screenshot(page, 'paper-you-said-we-did-ar');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Cerrar' }).click();

    // A language with no papers yet: English, saying so, with the interpreter offered.
    const so = speaker('so');
    await page.getByRole('navigation').getByRole('button', { name: 'Recepción' }).click();
    await pick(so);
    await page.getByRole('radio', { name: /Pregunta/ }).check();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'entró a las' }).waitFor();
    await page
      .getByRole('button', { name: new RegExp(`Pase de visitante para .*${so.first_name}`) })
      .click();
    await pass.getByText(/not yet available in \u2068?Somali\u2069?\. .*interpreter/).waitFor();
    expect(await pass.getAttribute('lang')).toBe('en');
    await screenshot(page, 'paper-visitor-pass-so-fallback');
    expect(errors).toEqual([]);
  });

  it('prints a good-news note and a pickup permission in a Spanish-speaking family’s language', async () => {
    app = await startApp({ demo: true });
    const { page, core } = app;
    const family = core.store.db
      .prepare(
        `SELECT h.id, h.name, p.id AS person, p.first_name, p.last_name FROM households h
         JOIN people p ON p.household_id = h.id WHERE p.home_language = 'es'
         AND EXISTS (SELECT 1 FROM student_person_links l WHERE l.person_id = p.id)
         ORDER BY h.pk LIMIT 1`,
      )
      .get() as { id: string; name: string; person: string; first_name: string; last_name: string };
    callOrThrow(core, 'contact.log', {
      householdId: family.id,
      personId: family.person,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'good_news',
      summary: 'Read a whole chapter book aloud to the class today.',
    });
    await nav(page, 'Families');
    await page.getByLabel('Search families').fill(`${family.first_name} ${family.last_name}`);
    await page.getByRole('button', { name: family.name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: family.name }).waitFor();
    await page.getByRole('button', { name: 'Call', exact: true }).first().click();
    await page.getByRole('button', { name: 'Print a good-news note for the family' }).click();
    const paper = page.locator('article.paper');
    await paper.getByRole('heading', { name: /^Buenas noticias de/ }).waitFor();
    expect(await paper.innerText()).toContain('Read a whole chapter book aloud');
    await screenshot(page, 'paper-good-news-es');
    await page.getByRole('button', { name: 'Close' }).click();

    await page
      .getByRole('button', {
        name: new RegExp(`^${family.first_name} ${family.last_name}: relationship and pickup for`),
      })
      .first()
      .click();
    await page.getByRole('button', { name: /Print the pickup permission/ }).click();
    await paper.getByRole('heading', { name: 'Permiso de recogida' }).waitFor();
    expect(await paper.innerText()).toMatch(/puede recoger|no puede recoger|hablará primero/);
    await screenshot(page, 'paper-pickup-permission-es');
    expect(await axeViolations(page)).toEqual([]);
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
      // What the core says is in the window's language too.
      await page.getByLabel(`Contraseña de ${front.displayName}`).fill('not the password');
      await page.keyboard.press('Enter');
      await page
        .getByText(
          'Esa contraseña no es correcta. Revise la tecla Bloq Mayús e inténtelo de nuevo.',
        )
        .waitFor();
      await page.getByLabel(`Contraseña de ${front.displayName}`).fill(DEMO_PASSWORD);
      await page.keyboard.press('Enter');
      await page.getByRole('combobox', { name: 'Who’s here?' }).waitFor();
    } finally {
      await browser.close();
    }
  });
});
