import { afterEach, describe, expect, it } from 'vitest';
import { switchTo } from '../../renderer/i18n/intl';
import { COMMON_LANGUAGES, languageName, ownLanguageName } from '../../renderer/ui/format';
import { everyLanguage, languageMatches } from '../../renderer/ui/languages';

afterEach(() => switchTo('en'));

const codes = (query: string, also: string[] = []) =>
  languageMatches(query, also).map((item) => item.code);

describe('finding a language by typing', () => {
  it('finds it by its name here, its own name or its tag, accents not needed', () => {
    expect(codes('vietnam')[0]).toBe('vi');
    expect(codes('tieng viet')).toEqual(['vi']);
    expect(codes('Tiếng')[0]).toBe('vi');
    expect(codes('espa')[0]).toBe('es');
    expect(codes('soomaali')).toEqual(['so']);
    expect(codes('hmoob')).toEqual(['hmn']);
    expect(codes('العربية')).toEqual(['ar']);
    expect(codes('marsh')).toEqual(['mh']);
    expect(codes('zzzz')).toEqual([]);
  });

  it('puts names with a word starting with what was typed before names that only hold it', () => {
    const found = languageMatches('ar', []);
    const starts = found.map((item) => item.keys.split(' ').some((word) => word.startsWith('ar')));
    expect(starts[0]).toBe(true);
    expect(starts).toContain(false);
    // Once the holding ones begin, no starting one follows.
    expect(starts.slice(starts.indexOf(false))).not.toContain(true);
    expect(found.map((item) => item.code)).toContain('ar');
  });

  it('offers the common languages and the family’s own with nothing typed', () => {
    const shown = codes('', ['mh']);
    expect(shown).toContain('mh');
    for (const code of COMMON_LANGUAGES) expect(shown).toContain(code);
  });

  it('searches in the window’s language, Spanish included', async () => {
    await switchTo('es');
    expect(codes('vietnamita')).toEqual(['vi']);
    expect(codes('marshal')).toEqual(['mh']);
    expect(languageName('mh')).toBe('marshalés');
  });
});

describe('naming languages the browser may not know', () => {
  it('names them in themselves and here, from Hearth’s own table', () => {
    expect(ownLanguageName('so')).toBe('Af-Soomaali');
    expect(ownLanguageName('es')).toBe('Español');
    expect(languageName('chk')).toBe('Chuukese');
    expect(everyLanguage()).toEqual(expect.arrayContaining(['mh', 'chk', 'so', 'vi', 'hmn']));
  });
});
