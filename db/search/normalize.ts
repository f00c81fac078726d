/**
 * Text folding for search, pure. Both the index and the query go through the same functions,
 * so "jose" finds "José", "nguyen" finds "Nguyễn" and "obrien" finds "O'Brien".
 */

// Letters that Unicode does not decompose into a base letter plus a mark.
const UNDECOMPOSED: Record<string, string> = {
  đ: 'd',
  ð: 'd',
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  þ: 'th',
};
const UNDECOMPOSED_RE = /[đðłøßæœıþ]/g;

const BEYOND_ASCII = /\P{ASCII}/u;

export function fold(text: string): string {
  // Most names are plain ASCII, where nothing decomposes, carries a mark or is one of the
  // letters above: only case and apostrophes change, at a third of the cost (bulk loads
  // index every name).
  const letters = BEYOND_ASCII.test(text)
    ? text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c] ?? c)
    : text.toLowerCase();
  return letters.replace(/['’ʼ`]/g, '');
}

/** Folded words: letters and digits of any script; hyphens and spaces separate words. */
export function words(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * Index tokens for phone numbers: the full digit string and its last 10, 7 and 4 digits, so
 * a prefix query for "312555", "5550142" or "0142" finds "+1 (312) 555-0142".
 */
export function phoneTokens(phones: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const p of phones) {
    const d = digitsOf(p);
    if (d.length < 3) continue;
    tokens.add(d);
    for (const tail of [10, 7, 4]) if (d.length > tail) tokens.add(d.slice(-tail));
  }
  return [...tokens];
}

export interface SearchQuery {
  column: 'name' | 'phones';
  terms: string[];
}

/**
 * Turn what was typed into search terms. Text without letters is a phone number (its digits
 * form one term); otherwise every word is a name term. Null when there is nothing to search.
 */
export function parseQuery(typed: string): SearchQuery | null {
  if (!/\p{L}/u.test(typed)) {
    const d = digitsOf(typed);
    return d.length >= 3 ? { column: 'phones', terms: [d] } : null;
  }
  const terms = words(typed);
  return terms.length > 0 ? { column: 'name', terms } : null;
}

/** An FTS5 MATCH expression; terms are quoted, so nothing typed is read as FTS syntax. */
export function toMatch(query: SearchQuery, prefix: boolean): string {
  return query.terms
    .map((t) => `${query.column} : "${t.replace(/"/g, '""')}"${prefix ? '*' : ''}`)
    .join(' AND ');
}
