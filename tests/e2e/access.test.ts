import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../contract';
import { callOrThrow } from '../../db/core';
import { restrictedPickup, signInStaff } from '../fixtures';
import { axeViolations, screenshot, startApp, type RunningApp, watchErrors } from './harness';

let app: RunningApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The words each step looks for, in each language the UI speaks. */
const WORDS = {
  en: {
    nav: [
      'Front desk',
      'Families',
      'Home visits',
      'Follow-ups',
      'Health',
      'Strengths',
      'Insights',
      'Settings',
      'Visitor log',
    ],
    search: 'Who’s here?',
    searchFamilies: 'Search families',
    dialogs: [
      'Log contact',
      'Plan home visit',
      'Add strength',
      'Add someone',
      'Edit name and address',
    ],
    export: 'Print or export the family’s record…',
    sync: /Saved on this computer/,
    rollCall: 'Roll call',
    endRollCall: 'End the roll call',
  },
  es: {
    nav: [
      'Recepción',
      'Familias',
      'Visitas domiciliarias',
      'Seguimientos',
      'Salud',
      'Fortalezas',
      'Panorama',
      'Configuración',
      'Registro de visitas',
    ],
    search: '¿Quién vino?',
    searchFamilies: 'Buscar familias',
    dialogs: [
      'Registrar contacto',
      'Planificar una visita domiciliaria',
      'Añadir fortaleza',
      'Añadir a alguien',
      'Editar el nombre y la dirección',
    ],
    export: 'Imprimir o exportar el expediente de la familia…',
    sync: /Guardado en esta computadora/,
    rollCall: 'Pase de lista',
    endRollCall: 'Terminar el pase de lista',
  },
} as const;

/**
 * Every screen and dialog, in every language the UI speaks, checked by axe (WCAG 2.1 A and AA
 * and best practices): the list of what it finds, screen by screen, must be empty.
 */
describe.each([
  ['en', 'light'],
  ['es', 'light'],
  ['en', 'dark'],
] as const)('every screen and dialog in %s, %s theme', (language, theme) => {
  it('is axe-clean', async () => {
    const words = WORDS[language];
    app = await startApp({
      demo: true,
      signedIn: false,
      prepare: async (core) => {
        // An administrator on the health team sees every screen there is.
        signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'administrator');
        const { staff } = callOrThrow(core, 'app.status', {});
        callOrThrow(core, 'staff.update', {
          id: staff?.id ?? '',
          teams: ['health', 'support', 'admin'],
        });

        callOrThrow(core, 'session.setLanguage', { language });
      },
    });
    const { page, core } = app;
    const errors = watchErrors(page);
    // The theme follows the computer's setting.
    await page.emulateMedia({ colorScheme: theme });
    if (theme === 'dark')
      expect(
        await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor),
      ).toBe('rgb(21, 25, 28)');
    const found: string[] = [];
    const check = async (screen: string) => {
      for (const v of await axeViolations(page)) found.push(`${screen}: ${v}`);
      if (theme === 'dark' || language === 'es')
        await screenshot(page, `${language}-${theme}-${screen.replace(/\W+/g, '-')}`);
    };

    const go = (name: string) =>
      page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
    const dialog = async (button: string, screen: string) => {
      await page.getByRole('button', { name: button, exact: true }).first().click();
      await page.getByRole('dialog').waitFor();
      await check(screen);
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    };

    await page.getByRole('combobox', { name: words.search }).waitFor();
    await check('front desk');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: words.search }).evaluate((e) => e.blur());
    await page.keyboard.press('?');
    await page.getByRole('dialog').waitFor();
    await check('shortcuts');
    await page.keyboard.press('Escape');
    await page.getByRole('combobox', { name: words.search }).fill('garcia');
    await page.getByRole('option').first().waitFor();
    await check('front desk search');
    await page.keyboard.press('Enter');
    await page.getByRole('radio').first().waitFor();
    await check('front desk sign-in form');
    await page.keyboard.press('Escape');

    const family = core.store.db
      .prepare(
        `SELECT h.name, p.first_name, p.last_name FROM households h
         JOIN people p ON p.household_id = h.id ORDER BY h.pk, p.pk LIMIT 1`,
      )
      .get() as { name: string; first_name: string; last_name: string };
    await go(words.nav[1]);
    await page.getByLabel(words.searchFamilies).fill(`${family.first_name} ${family.last_name}`);
    await page.getByRole('button', { name: family.name, exact: true }).first().waitFor();
    await check('families');
    await page.getByRole('button', { name: family.name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: family.name }).waitFor();
    await check('family page');
    for (const button of words.dialogs) await dialog(button, `family: ${button}`);
    await dialog(words.export, 'family: export');

    for (const [index, name] of words.nav.entries()) {
      if (index === 1) continue;
      await go(name);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      // Screens that read in the background settle before they are judged.
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      await check(name);
    }
    await page.getByRole('button', { name: words.sync }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await check('sync');
    await page.getByRole('button', { name: words.rollCall, exact: true }).click();
    await page.getByRole('button', { name: words.endRollCall }).waitFor();
    await check('roll call');
    await page.getByRole('button', { name: words.endRollCall }).click();
    await page.getByRole('button', { name: words.endRollCall }).waitFor({ state: 'detached' });
    await check('roll call log');

    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});

const ENGLISH = JSON.parse(readFileSync('renderer/i18n/catalogs/en.json', 'utf8')) as Record<
  string,
  { defaultMessage: string }
>;
const SPANISH = JSON.parse(readFileSync('renderer/i18n/catalogs/es.json', 'utf8')) as Record<
  string,
  string
>;
const ID_OF = new Map(Object.entries(ENGLISH).map(([id, m]) => [m.defaultMessage, id]));
/**
 * A button's words in the window's language, as a pattern: the English of the code's
 * message, or its Spanish from the catalog, with each value standing for any words.
 */
function shown(language: 'en' | 'es', english: string): RegExp {
  const id = ID_OF.get(english);
  if (!id) throw new Error(`no message says “${english}”`);
  const text = language === 'en' ? english : (SPANISH[id] ?? english);
  const parts = text.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+')}$`);
}

/**
 * Every other dialog, opened as a person opens it, in each language and theme: the front
 * desk's (a pickup warning, a visitor pass and badge, signing everyone out, a walk-in's
 * follow-up), the family page's, importing and adding families, a school goal, a staff member,
 * a caution-list entry, a restore, joining a district.
 */
describe.each([
  ['en', 'light'],
  ['es', 'light'],
  ['en', 'dark'],
] as const)('every other dialog in %s, %s theme', (language, theme) => {
  it('is axe-clean', async () => {
    app = await startApp({
      demo: true,
      signedIn: false,
      prepare: async (core) => {
        signInStaff(core, DEMO_PASSWORD, (s) => s.role === 'administrator');
        callOrThrow(core, 'session.setLanguage', { language });
        // Someone who may not pick up, for the desk's warning.
        restrictedPickup(core, 'Court order on file.');
      },
    });
    const { page, core } = app;
    const errors = watchErrors(page);
    await page.emulateMedia({ colorScheme: theme });
    const words = WORDS[language];
    const found: string[] = [];
    const seen: string[] = [];
    const judge = async (screen: string) => {
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      for (const v of await axeViolations(page)) found.push(`${screen}: ${v}`);
      seen.push(screen);
      if (theme === 'dark' || language === 'es')
        await screenshot(page, `${language}-${theme}-dialog-${screen.replace(/\W+/g, '-')}`);
    };
    const opened = async (screen: string) => {
      const dialog = page.locator('dialog[open]').last();
      await dialog.waitFor();
      await judge(screen);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    };
    const button = (english: string, within: Page | Locator = page) =>
      within.getByRole('button', { name: shown(language, english) }).first();
    const open = async (english: string, screen: string, within: Page | Locator = page) => {
      await button(english, within).click();
      await opened(screen);
    };
    const go = (name: string) =>
      page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
    const search = page.getByRole('combobox', { name: words.search });

    // The front desk: a pickup the office must see to, then a walk-in signed in.
    await search.fill('wendell pick');
    // Wendell himself, not his niece, whom the same words also find.
    await page
      .getByRole('option', { name: /Wendell Pickering/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: /Wendell Pickering/ }).waitFor();
    // The purpose is chosen by hand here (the keyboard's digits are the front desk test's): a
    // digit pressed before the form has taken focus would go nowhere.
    await page.getByRole('radio').nth(0).check();
    await page.keyboard.press('Enter');
    await opened('pickup warning');
    await page.keyboard.press('Escape');
    await search.fill('garcia');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('radio').nth(2).check();
    await page.keyboard.press('Enter');
    // A paper for the family is a printable page over the app, closed by its button.
    await button('Visitor pass for {name}').click();
    const paper = page.locator('.printable');
    await paper.waitFor();
    await judge('visitor pass');
    await button('Close', paper).click();
    await paper.waitFor({ state: 'detached' });
    await button('Badge for {name}').click();
    await paper.waitFor();
    await judge('visitor badge');
    await button('Close', paper).click();
    await paper.waitFor({ state: 'detached' });
    await open('Sign out everyone', 'sign out everyone');
    await open('Follow-up from {name}’s visit', 'walk-in follow-up');

    await go(words.nav[1]);
    await open('Import families', 'import families');
    await open('Add a family', 'add a family');
    const family = core.store.db
      .prepare(
        `SELECT h.name, p.first_name, p.last_name FROM households h
         JOIN people p ON p.household_id = h.id
         WHERE EXISTS (SELECT 1 FROM student_person_links l WHERE l.person_id = p.id)
         ORDER BY h.pk, p.pk LIMIT 1`,
      )
      .get() as { name: string; first_name: string; last_name: string };
    await page.getByLabel(words.searchFamilies).fill(`${family.first_name} ${family.last_name}`);
    await page.getByRole('button', { name: family.name, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: family.name }).waitFor();
    await open('Add a student', 'add a student');
    await open('Edit details of {name}', 'edit a person');
    await open('Merge a duplicate of {name}', 'merge a duplicate');
    await open('{person}: relationship and pickup for {student}', 'relationship and pickup');
    await page.locator('.timeline-open').first().click();
    await opened('timeline entry');

    await go(words.nav[6]);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await open('Set a goal', 'school goal');
    await go(words.nav[7]);
    await open('Edit {name}', 'edit a staff member');
    await open('Add someone', 'caution list entry');
    await button('Back up now').click();
    await button('Restore the backup of {time}').waitFor();
    await open('Restore the backup of {time}', 'restore a backup');
    await page.getByRole('button', { name: words.sync }).click();
    await open('Join your district…', 'join a district');

    expect(seen).toHaveLength(17);
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
  });
});

/** Whether the page scrolls sideways: at 200% zoom nothing should. */
const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('200% zoom', () => {
  it('every screen fits 1280×800 at 200% (640×400) without scrolling sideways, in Spanish’s longer words', async () => {
    app = await startApp({
      demo: true,
      viewport: { width: 640, height: 400 },
      prepare: async (core) => {
        callOrThrow(core, 'session.setLanguage', { language: 'es' });
      },
    });
    const { page } = app;
    const words = WORDS.es;
    await page.getByRole('combobox', { name: words.search }).waitFor();
    const wide: string[] = [];
    for (const name of words.nav.filter((n) => n !== 'Salud')) {
      await page.getByRole('navigation').getByRole('button', { name, exact: true }).click();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
      if ((await sideways(page)) > 0) wide.push(`${name}: ${await sideways(page)} px`);
    }
    await page.getByRole('navigation').getByRole('button', { name: words.nav[1] }).click();
    await page.getByRole('button', { name: 'Añadir una familia' }).first().click();
    await page.getByRole('dialog').waitFor();
    if ((await sideways(page)) > 0) wide.push(`Añadir una familia: ${await sideways(page)} px`);
    await screenshot(page, 'zoom-200-add-family-es');
    expect(wide).toEqual([]);
  });
});
