import type { ReactNode } from 'react';
import {
  createIntl,
  createIntlCache,
  type MessageDescriptor,
  type PrimitiveType,
} from 'react-intl';
import type { Locale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';

/**
 * The window's language. Every word the renderer shows comes through `t` (or `tRich` when a
 * value is an element), written where it is used as `{ id, defaultMessage }`: English is the
 * default message, other languages come from catalogs/<tag>.json, keyed by an id that is a
 * hash of the English (lint rule formatjs/enforce-id writes it), so changing the English
 * leaves the translation missing rather than wrong, and tests/unit/catalogs.test.ts fails.
 *
 * One language per window, held here so that plain functions (ui/format.ts) speak it too.
 * Invariant: switching happens only through `useLanguage().choose`, which re-renders the
 * whole tree from App; no component memoises words across a switch.
 */
export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const isUiLanguage = (tag: string | null | undefined): tag is UiLanguage =>
  (UI_LANGUAGES as readonly (string | null | undefined)[]).includes(tag);

type Catalog = Record<string, string>;
interface Words {
  messages: Catalog;
  dates: Locale;
}
// Loaded when chosen, so an English window carries no Spanish.
const LOADERS: Record<Exclude<UiLanguage, 'en'>, () => Promise<Words>> = {
  es: async () => {
    const [catalog, dates] = await Promise.all([
      import('./catalogs/es.json'),
      import('date-fns/locale/es'),
    ]);
    return { messages: catalog.default as Catalog, dates: dates.es };
  },
};

const cache = createIntlCache();
const make = (language: UiLanguage, messages: Catalog) =>
  createIntl({ locale: language, defaultLocale: 'en', messages }, cache);
let intl = make('en', {});
let dates: Locale = enUS;

export const uiLanguage = (): UiLanguage => intl.locale as UiLanguage;
/** date-fns's words (month and day names) for the window's language. */
export const dateLocale = (): Locale => dates;

/** The computer's preferred languages, first one Hearth speaks, else English. */
export function computerLanguage(preferred: readonly string[] = navigator.languages): UiLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLanguage(base)) return base;
  }
  return 'en';
}

/** Make `language` the window's language once its catalog is loaded. */
export async function switchTo(language: UiLanguage): Promise<void> {
  if (language === uiLanguage()) return;
  const words = language === 'en' ? { messages: {}, dates: enUS } : await LOADERS[language]();
  intl = make(language, words.messages);
  dates = words.dates;
}

/** Text set apart in direction: U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/**
 * A value with right-to-left letters (an Arabic or Hebrew name) is isolated so it cannot
 * reorder the words around it; other values in these left-to-right languages cannot.
 */
function isolated<V>(values: Record<string, V> | undefined): Record<string, V> | undefined {
  if (!values) return values;
  const out: Record<string, V> = {};
  for (const [key, value] of Object.entries(values))
    out[key] = (
      typeof value === 'string' && RIGHT_TO_LEFT.test(value) ? isolate(value) : value
    ) as V;
  return out;
}

export type Values = Record<string, PrimitiveType>;

export function t(descriptor: MessageDescriptor, values?: Values): string {
  return intl.formatMessage(descriptor, isolated(values));
}

/** A message whose values include elements (a name in bold, a link). */
export function tRich(
  descriptor: MessageDescriptor,
  values: Record<string, PrimitiveType | ReactNode | ((chunks: ReactNode[]) => ReactNode)>,
): ReactNode {
  return intl.formatMessage(descriptor, isolated(values));
}

/** "3", "1,204", "1.204" in the window's language. */
export const formatNumber = (
  n: number,
  options?: Parameters<typeof intl.formatNumber>[1],
): string => intl.formatNumber(n, options);
