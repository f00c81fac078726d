import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAPER_KINDS, paperCatalogProblems, type PaperCatalog } from '../../contract';
import { paperIn, paperLanguages } from '../../renderer/papers/papers';
import { fail, ok, tempCore, tempDir } from '../helpers';

const DIR = join(import.meta.dirname, '../../contract/papers/catalogs');
const PAPER_LANGUAGES = paperLanguages();
const read = (file: string) => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as PaperCatalog;
const english = read('en.json');

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
  outcome: 'sent_home',
  nurse: 'Karen Lindqvist',
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
      expect(paperCatalogProblems(catalog)).toEqual([]);
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

  it('refuses a catalog that drifted from English, naming each message and why', () => {
    const somali = structuredClone({ ...english, language: 'so', reviewed: false });
    delete somali.messages['visitor_pass.title'];
    somali.messages['visitor_pass.seeing'] = 'Wuxuu u yimid: {whom}';
    somali.messages['good_news.body'] = '<b>{student}</b>';
    somali.messages['good_news.extra'] = 'Mahadsanid';
    expect(paperCatalogProblems(somali)).toEqual([
      'message visitor_pass.title is missing',
      'message visitor_pass.seeing does not take the same values as the English ("Here to see: {seeing}")',
      'message good_news.body contains "<": papers are plain text, never HTML',
      'message good_news.extra is not one Hearth has',
    ]);
    expect(paperCatalogProblems({ language: 'Somali', messages: [] })).toEqual([
      'language must be a language code such as "es" or "vi"',
      'reviewed invalid input: expected boolean, received undefined',
      'messages invalid input: expected record, received array',
    ]);
  });

  it('uses a district’s catalog for a language, in place of Hearth’s own', async () => {
    const own = { ...english, language: 'vi', reviewed: true, messages: { ...english.messages } };
    own.messages['visitor_pass.title'] = 'Thẻ khách của trường';
    const paper = await paperIn('vi', [own]);
    expect(paper).toMatchObject({ language: 'vi', reviewed: true, missing: null });
    expect(paper.words('visitor_pass.title')).toBe('Thẻ khách của trường');
    expect(paperLanguages([{ ...own, language: 'so' }])).toContain('so');
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

describe('a district’s folder of paper catalogs', () => {
  it('uses the catalogs that match English, refuses the others naming file and message, and reads again each time', () => {
    const core = tempCore({ setup: 'school' });
    const folder = tempDir();
    const write = (file: string, data: unknown) =>
      writeFileSync(join(folder, file), typeof data === 'string' ? data : JSON.stringify(data));
    write('so.json', { ...english, language: 'so', reviewed: false });
    write('vi.json', {
      ...english,
      language: 'vi',
      messages: { ...english.messages, 'visitor_pass.title': 'Thẻ khách' },
    });
    write('ha.json', {
      ...english,
      language: 'ha',
      messages: { ...english.messages, 'good_news.title': 'Labari mai daɗi daga {makaranta}' },
    });
    write('broken.json', '{ "language": "ff", ');
    write('notes.txt', 'not a catalog');

    expect(fail(core, 'settings.setPapersFolder', { folder: 'papers' }).issues).toEqual([
      { path: 'folder', message: 'must be a full path, such as C:\\Hearth\\papers' },
    ]);
    const read = ok(core, 'settings.setPapersFolder', { folder });
    expect(read.catalogs.map((c) => c.language)).toEqual(['so', 'vi']);
    expect(read.refused).toEqual([
      { file: 'broken.json', problem: 'is not a JSON file Hearth can read' },
      {
        file: 'ha.json',
        problem:
          'message good_news.title does not take the same values as the English ("Good news from {school}")',
      },
    ]);
    // A district fixes its file: the next read uses it, with no restart.
    write('ha.json', { ...english, language: 'ha', reviewed: false });
    expect(ok(core, 'papers.dropped', {}).catalogs.map((c) => c.language)).toEqual([
      'ha',
      'so',
      'vi',
    ]);
    expect(ok(core, 'settings.setPapersFolder', { folder: null })).toEqual({
      folder: null,
      catalogs: [],
      refused: [],
    });
  });
});
