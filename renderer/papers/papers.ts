import { TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';

/**
 * Papers Hearth prints for a family, in the family's home language. Their words are plain
 * text with ICU placeholders in catalogs/<tag>.json (never HTML: values are placed as text),
 * one file a language, each message named "<paper>.<part>"; English is the reference every
 * other catalog must match (same messages, same values: tests/unit/papers.test.ts).
 * `reviewed: false` marks a translation no native speaker has checked yet.
 */
export const PAPER_KINDS = [
  'visitor_pass',
  'good_news',
  'home_visit_summary',
  'you_said_we_did',
  'pickup_permission',
] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export interface PaperCatalog {
  language: string;
  reviewed: boolean;
  messages: Record<string, string>;
}

// Each loaded when a paper in it is printed: a window that never prints carries none.
const CATALOGS: Record<string, () => Promise<PaperCatalog>> = {
  en: () => import('./catalogs/en.json').then((m) => m.default),
  es: () => import('./catalogs/es.json').then((m) => m.default),
  vi: () => import('./catalogs/vi.json').then((m) => m.default),
  ar: () => import('./catalogs/ar.json').then((m) => m.default),
};
export const PAPER_LANGUAGES = Object.keys(CATALOGS);

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'ckb', 'dv']);

export type PaperValues = Record<string, string | number>;

export interface Paper {
  /** The language the paper is in (English when the family's has no catalog). */
  language: string;
  dir: 'ltr' | 'rtl';
  reviewed: boolean;
  /** The family's language when the paper could not be in it; null when it is. */
  missing: string | null;
  /** One part of a paper ("visitor_pass.title") with its values. */
  words(id: string, values?: PaperValues): string;
}

// U+2068 … U+2069: a name in one direction inside a sentence in the other stays whole. A
// value that chooses the words (a select's key, such as purpose "meeting") is left as it is.
const isolate = (values: PaperValues = {}, choosers: ReadonlySet<string>): PaperValues =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      typeof v === 'string' && !choosers.has(k) ? `\u2068${v}\u2069` : v,
    ]),
  );

/** The values a message chooses its words by (select and plural arguments), at any depth. */
function choosersOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements)
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      found.add(element.value);
      for (const option of Object.values(element.options)) choosersOf(option.value, found);
    }
  return found;
}

/** The paper catalog for a family's language ("vi-VN" finds "vi"), or English. */
export async function paperIn(familyLanguage: string | null): Promise<Paper> {
  const base = (familyLanguage ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  const load = CATALOGS[base];
  const catalog = await (load ?? CATALOGS.en)?.();
  if (!catalog) throw new Error('The English paper catalog is missing.');
  const formats = new Map<string, { format: IntlMessageFormat; choosers: Set<string> }>();
  return {
    language: catalog.language,
    dir: RIGHT_TO_LEFT.has(catalog.language) ? 'rtl' : 'ltr',
    reviewed: catalog.reviewed,
    missing: load ? null : familyLanguage,
    words(id, values) {
      let message = formats.get(id);
      if (!message) {
        const text = catalog.messages[id];
        if (text === undefined) throw new Error(`The paper catalog has no message ${id}.`);
        const format = new IntlMessageFormat(text, catalog.language);
        message = { format, choosers: choosersOf(format.getAst()) };
        formats.set(id, message);
      }
      return String(message.format.format(isolate(values, message.choosers)));
    },
  };
}

/** Every language the papers exist in, with whether a native speaker has checked it. */
export async function paperCatalogs(): Promise<{ language: string; reviewed: boolean }[]> {
  const catalogs = await Promise.all(Object.values(CATALOGS).map((load) => load()));
  return catalogs.map(({ language, reviewed }) => ({ language, reviewed }));
}
