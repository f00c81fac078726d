import { createIntl, createIntlCache } from 'react-intl';
import { ENGLISH_PAPERS, type PaperCatalog } from '../../contract';
import { isolate } from '../i18n/intl';

/**
 * A family's paper in their language: the built-in catalogs (contract/papers/catalogs), and
 * any a district dropped into the folder named in Settings, which add a language or replace
 * a built-in one (the core checks them first: db/ops/papers.ts).
 */
// Each loaded when a paper in it is printed: a window that never prints carries none.
const BUILT_IN: Record<string, () => Promise<PaperCatalog>> = {
  en: async () => ENGLISH_PAPERS,
  es: () => import('../../contract/papers/catalogs/es.json').then((m) => m.default),
  vi: () => import('../../contract/papers/catalogs/vi.json').then((m) => m.default),
  ar: () => import('../../contract/papers/catalogs/ar.json').then((m) => m.default),
};

/** Every language a paper can be printed in: built in, and dropped in by the district. */
export const paperLanguages = (dropped: readonly PaperCatalog[] = []): string[] => [
  ...new Set([...Object.keys(BUILT_IN), ...dropped.map((c) => c.language)]),
];

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
const isolateShown = (values: PaperValues = {}, choosers: ReadonlySet<string>): PaperValues =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [
      k,
      typeof v === 'string' && !choosers.has(k) ? isolate(v) : v,
    ]),
  );

/**
 * The values a message chooses its words by (its select and plural arguments). Read from the
 * English, which every catalog matches value for value (contract/papers paperCatalogProblems).
 */
const CHOOSERS = new Map(
  Object.entries(ENGLISH_PAPERS.messages).map(([id, text]) => [
    id,
    new Set([...text.matchAll(/\{(\w+),\s*(?:select|plural)\s*,/g)].map((m) => m[1] ?? '')),
  ]),
);

// The window's own message formatter (react-intl), so papers add no second one.
const cache = createIntlCache();

/** The paper catalog for a family's language ("vi-VN" finds "vi"), or English. */
export async function paperIn(
  familyLanguage: string | null,
  dropped: readonly PaperCatalog[] = [],
): Promise<Paper> {
  const base = (familyLanguage ?? 'en').toLowerCase().split('-')[0] ?? 'en';
  const own = dropped.find((c) => c.language === base);
  const load = BUILT_IN[base];
  const catalog = own ?? (load ? await load() : ENGLISH_PAPERS);
  // Renamed so the UI catalogs' extraction (npm run i18n:extract) leaves papers' ids alone.
  const { formatMessage: formatPaper } = createIntl(
    { locale: catalog.language, defaultLocale: catalog.language, messages: catalog.messages },
    cache,
  );
  return {
    language: catalog.language,
    dir: RIGHT_TO_LEFT.has(catalog.language) ? 'rtl' : 'ltr',
    reviewed: catalog.reviewed,
    missing: own || load ? null : familyLanguage,
    words(id, values) {
      if (catalog.messages[id] === undefined)
        throw new Error(`The paper catalog has no message ${id}.`);
      return formatPaper({ id }, isolateShown(values, CHOOSERS.get(id) ?? new Set()));
    },
  };
}

/** Every catalog the papers can be printed from, with whether a native speaker checked it. */
export async function paperCatalogs(
  dropped: readonly PaperCatalog[] = [],
): Promise<{ language: string; reviewed: boolean; dropped: boolean }[]> {
  const builtIn = await Promise.all(
    Object.entries(BUILT_IN)
      .filter(([language]) => !dropped.some((c) => c.language === language))
      .map(([, load]) => load()),
  );
  return [
    ...builtIn.map(({ language, reviewed }) => ({ language, reviewed, dropped: false })),
    ...dropped.map(({ language, reviewed }) => ({ language, reviewed, dropped: true })),
  ];
}
