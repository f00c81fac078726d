import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';

/**
 * The check that keeps the catalogs whole: the English catalog is what the code says, every
 * other language has every message, and each translation takes the same values.
 */
const ROOT = join(import.meta.dirname, '../..');
const CATALOGS = join(ROOT, 'renderer/i18n/catalogs');
const TRANSLATIONS = ['es'] as const;

type English = Record<string, { defaultMessage: string; description?: string }>;
const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;

/** What the code's messages are now, as `npm run i18n:extract` writes them. */
function extracted(): English {
  const out = execFileSync(
    join(ROOT, 'node_modules/.bin/formatjs'),
    [
      'extract',
      'renderer/**/*.{ts,tsx}',
      'contract/words.ts',
      '--additional-function-names',
      't,tRich',
      '--preserve-whitespace',
      '--throws',
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  return JSON.parse(out) as English;
}

/** Each value a message takes, with how it is formatted: "count:plural", "name:text". */
function valuesOf(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      const kind =
        element.type === TYPE.argument
          ? 'text'
          : element.type === TYPE.tag
            ? 'tag'
            : TYPE[element.type];
      found.add(`${element.value}:${kind}`);
      if (element.type === TYPE.tag) walk(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select)
        for (const option of Object.values(element.options)) walk(option.value);
    }
  };
  walk(parse(message));
  return [...found].sort();
}

describe('message catalogs', () => {
  const english = readJson<English>(join(CATALOGS, 'en.json'));

  it('hold every message the code shows, as the code words it (npm run i18n:extract)', () => {
    expect(english).toEqual(extracted());
  });

  it('word each message whole: none starts or ends with a space a translation could lose', () => {
    expect(
      Object.values(english)
        .map((m) => m.defaultMessage)
        .filter((text) => text !== text.trim()),
    ).toEqual([]);
  });

  describe.each(TRANSLATIONS)('%s', (language) => {
    const translated = readJson<Record<string, string>>(join(CATALOGS, `${language}.json`));

    it('has every English message and nothing else', () => {
      expect(Object.keys(english).filter((id) => !(id in translated))).toEqual([]);
      expect(Object.keys(translated).filter((id) => !(id in english))).toEqual([]);
    });

    it('takes the same values as the English in every message', () => {
      const differing = Object.entries(translated)
        .filter(([id]) => id in english)
        .filter(
          ([id, text]) =>
            valuesOf(text).join() !== valuesOf(english[id]?.defaultMessage ?? '').join(),
        )
        .map(([id, text]) => ({ id, english: english[id]?.defaultMessage, text }));
      expect(differing).toEqual([]);
    });
  });
});
