import {
  COMMON_LANGUAGES,
  isNamedLanguage,
  languageChoice,
  languageName,
  ownLanguageName,
} from './format';
import { FAMILY_LANGUAGE_NAMES } from './languageNames';

/** Languages without a two-letter code that the browser can name: Hmong, Cantonese, Dari… */
const THREE_LETTER = ['hmn', 'yue', 'prs', 'fil', 'ceb', 'ilo', 'kri', 'haw', 'chr', 'ckb', 'kmr'];

let every: readonly string[] | null = null;
/**
 * Every language Hearth can name: each two-letter ISO 639-1 code the browser knows (by its
 * canonical tag), the three-letter ones above, and those Hearth names itself
 * (ui/languageNames.ts), so a family's language is not missing because no one added it.
 */
export function everyLanguage(): readonly string[] {
  if (every) return every;
  const found = new Set<string>(Object.keys(FAMILY_LANGUAGE_NAMES));
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters)
    for (const b of letters) {
      const [canonical] = Intl.getCanonicalLocales(a + b);
      if (canonical && isNamedLanguage(canonical)) found.add(canonical);
    }
  for (const code of THREE_LETTER) if (isNamedLanguage(code)) found.add(code);
  every = [...found];
  return every;
}

/** Text as typed by anyone: no accents, no case, so "tieng viet" finds "Tiếng Việt". */
export const folded = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export interface LanguageItem {
  /** BCP 47 tag; '' for the form's "not recorded" or "any" choice. */
  code: string;
  label: string;
  /** What typing is matched against: the name here, its own name, its tag. */
  keys: string;
}

export const languageItem = (code: string): LanguageItem => ({
  code,
  label: languageChoice(code),
  keys: folded(`${languageName(code) ?? ''} ${ownLanguageName(code)} ${code}`),
});

const byLabel = (a: LanguageItem, b: LanguageItem) => a.label.localeCompare(b.label);

/**
 * What the list shows: with nothing typed, the common languages and the family's own
 * (`also`); typed, every language whose name in the window's language or in its own, or
 * whose tag, holds what was typed, those starting with it first. `among`: only these
 * languages, typed or not (the languages a paper can be printed in).
 */
export function languageMatches(
  query: string,
  also: readonly string[],
  limit = 60,
  among?: readonly string[],
): LanguageItem[] {
  const typed = folded(query.trim());
  if (!typed)
    return [...new Set([...also, ...(among ?? COMMON_LANGUAGES)])].map(languageItem).sort(byLabel);
  const starts: LanguageItem[] = [];
  const holds: LanguageItem[] = [];
  for (const code of new Set([...also, ...(among ?? everyLanguage())])) {
    const item = languageItem(code);
    if (item.keys.split(' ').some((word) => word.startsWith(typed)) || item.keys.startsWith(typed))
      starts.push(item);
    else if (item.keys.includes(typed)) holds.push(item);
  }
  return [...starts.sort(byLabel), ...holds.sort(byLabel)].slice(0, limit);
}
