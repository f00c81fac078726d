import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import {
  PAPER_KINDS,
  PAPER_LANGUAGES,
  paperIn,
  type PaperCatalog,
} from '../../renderer/papers/papers';

const DIR = join(import.meta.dirname, '../../renderer/papers/catalogs');
const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as PaperCatalog;
const english = read('en.json');

/** Every value a message takes and how ("purpose:select"), and every select's choices. */
function shape(message: string): string[] {
  const found = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const e of elements) {
      if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
      if (e.type === TYPE.tag) throw new Error('papers are plain text: no tags');
      found.add(`${e.value}:${TYPE[e.type]}`);
      if (e.type === TYPE.select || e.type === TYPE.plural)
        for (const [key, option] of Object.entries(e.options)) {
          found.add(`${e.value}=${key}`);
          walk(option.value);
        }
    }
  };
  walk(parse(message));
  return [...found].sort();
}

/** A sample for every value any paper takes. */
const SAMPLE = {
  school: 'Riverside Elementary',
  name: 'Ana Núñez',
  seeing: 'Ms. Alvarez',
  purpose: 'meeting',
  date: '4 Dec 2026',
  time: '9:05',
  family: 'Nguyễn',
  student: 'Lan',
  staff: 'Rosa Delgado',
  person: 'فاطمة',
  permission: 'allowed',
  language: 'Somali',
};

describe('family papers', () => {
  it('has a catalog file for every language it offers, and only those', () => {
    expect(
      readdirSync(DIR)
        .map((f) => f.replace('.json', ''))
        .sort(),
    ).toEqual([...PAPER_LANGUAGES].sort());
  });

  it('has every part of every paper in English', () => {
    for (const kind of PAPER_KINDS)
      expect(
        Object.keys(english.messages).some((id) => id.startsWith(`${kind}.`)),
        kind,
      ).toBe(true);
  });

  describe.each(PAPER_LANGUAGES.filter((l) => l !== 'en'))('%s', (language) => {
    const catalog = read(`${language}.json`);
    it('has the same messages as English, each with the same values and choices', () => {
      expect(catalog.language).toBe(language);
      expect(Object.keys(catalog.messages).sort()).toEqual(Object.keys(english.messages).sort());
      for (const [id, text] of Object.entries(english.messages))
        expect(shape(catalog.messages[id] ?? ''), `${language} ${id}`).toEqual(shape(text));
    });

    it('renders every message with sample values, words and values whole', async () => {
      const paper = await paperIn(language);
      expect(paper.missing).toBeNull();
      for (const id of Object.keys(english.messages)) {
        const text = paper.words(id, SAMPLE);
        expect(text.length, id).toBeGreaterThan(0);
        expect(text).not.toMatch(/[{}]/);
      }
    });
  });

  it('chooses its words by a value, and isolates only the values it shows', async () => {
    const paper = await paperIn('vi');
    expect(paper.words('visitor_pass.purpose', { purpose: 'meeting' })).toBe('Mục đích: họp');
    expect(
      paper.words('pickup_permission.body', {
        permission: 'not_allowed',
        person: 'Ana',
        student: 'Lan',
      }),
    ).toBe('\u2068Ana\u2069 không được phép đón \u2068Lan\u2069 tại trường.');
  });

  it('speaks Arabic right to left, isolating a left-to-right name inside it', async () => {
    const paper = await paperIn('ar');
    expect(paper.dir).toBe('rtl');
    expect(paper.reviewed).toBe(false);
    expect(paper.words('visitor_pass.seeing', { seeing: 'Ms. Alvarez' })).toBe(
      'جاء لمقابلة: \u2068Ms. Alvarez\u2069',
    );
  });

  it('falls back to English for a language with no catalog, saying so', async () => {
    const paper = await paperIn('so');
    expect(paper).toMatchObject({ language: 'en', dir: 'ltr', missing: 'so' });
    expect(paper.words('no_translation', { language: 'Somali' })).toContain('Somali');
    expect((await paperIn('vi-VN')).language).toBe('vi');
  });
});
