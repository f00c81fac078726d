import { afterEach, describe, expect, it } from 'vitest';
import * as contract from '../../contract';
import { computerLanguage, switchTo, t, uiLanguage } from '../../renderer/i18n/intl';
import { measureWords } from '../../renderer/features/insights/measureWords';
import { elapsed, languageChoice, ownLanguageName } from '../../renderer/ui/format';

afterEach(() => switchTo('en'));

describe('the window’s language', () => {
  it('follows the computer’s first language Hearth speaks, else English', () => {
    expect(computerLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(computerLanguage(['vi', 'ES'])).toBe('es');
    expect(computerLanguage(['vi', 'ar'])).toBe('en');
    expect(computerLanguage([])).toBe('en');
  });

  it('switches every word at once, plain functions included, and back', async () => {
    const since = new Date(Date.now() - 65 * 60_000).toISOString();
    expect(t({ id: 'UqXzWq', defaultMessage: 'The same language as this computer' })).toBe(
      'The same language as this computer',
    );
    await switchTo('es');
    expect(uiLanguage()).toBe('es');
    expect(t({ id: 'UqXzWq', defaultMessage: 'The same language as this computer' })).toBe(
      'El mismo idioma que esta computadora',
    );
    expect(elapsed(since, new Date())).toBe('1 h 5 min');
    await switchTo('en');
    expect(t({ id: 'UqXzWq', defaultMessage: 'The same language as this computer' })).toBe(
      'The same language as this computer',
    );
  });

  it('isolates a right-to-left value so it cannot reorder the words around it', () => {
    const message = { id: 'x', defaultMessage: 'Signing in {name}' };
    expect(t(message, { name: 'فاطمة الزهراء' })).toBe('Signing in \u2068فاطمة الزهراء\u2069');
    expect(t(message, { name: 'María Núñez' })).toBe('Signing in María Núñez');
  });

  it('names each language in its own words, and in the reader’s where they differ', async () => {
    expect(ownLanguageName('es')).toBe('Español');
    expect(ownLanguageName('vi')).toBe('Tiếng Việt');
    expect(ownLanguageName('ar')).toBe('العربية');
    expect(languageChoice('vi')).toBe('Vietnamese · Tiếng Việt');
    expect(languageChoice('en')).toBe('English');
    await switchTo('es');
    expect(languageChoice('vi')).toBe('vietnamita · Tiếng Việt');
    expect(languageChoice('es')).toBe('Español');
  });

  it('has Insights words for every measure the contract defines', async () => {
    const definitions = Object.values(contract).filter(
      (value): value is contract.MeasureDefinition =>
        typeof value === 'object' && value !== null && 'title' in value && 'definition' in value,
    );
    expect(definitions.length).toBeGreaterThanOrEqual(10);
    await switchTo('es');
    for (const definition of definitions)
      expect(measureWords(definition).title, definition.title).not.toBe(definition.title);
  });
});
