import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, parseQuery, phoneTokens, toMatch, words } from '../../db/search/normalize';

describe('search text folding', () => {
  it('folds accents, case and letters Unicode does not decompose', () => {
    expect(fold('José')).toBe('jose');
    expect(fold('Nguyễn')).toBe('nguyen');
    expect(fold('Đặng')).toBe('dang');
    expect(fold('Łukasz Øberg Strauß')).toBe('lukasz oberg strauss');
    expect(fold("O'Brien")).toBe('obrien');
  });

  it('folds plain ASCII text as it folds the same text beside an accented letter', () => {
    // The ASCII-only shortcut and the whole path agree: "é" sends the text down the whole path.
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) }),
        (s) => {
          expect(`${fold(s)}e`).toBe(fold(`${s}é`));
        },
      ),
      { numRuns: 2_000 },
    );
    expect(fold("D'Angelo-SMITH `Jr`")).toBe('dangelo-smith jr');
  });

  it('splits hyphenated and two-part surnames into words, keeping other scripts', () => {
    expect(words('García-López')).toEqual(['garcia', 'lopez']);
    expect(words('De la Cruz')).toEqual(['de', 'la', 'cruz']);
    expect(words('فاطمة الزهراء')).toEqual(['فاطمة', 'الزهراء']);
  });

  it('indexes phone digits with their tails so any typed format finds them', () => {
    expect(phoneTokens(['+1 (312) 555-0142'])).toEqual([
      '13125550142',
      '3125550142',
      '5550142',
      '0142',
    ]);
    expect(phoneTokens(['12'])).toEqual([]);
  });

  it('reads digits-only input as a phone number and anything with letters as names', () => {
    expect(parseQuery('(312) 555')).toEqual({ column: 'phones', terms: ['312555'] });
    expect(parseQuery('55')).toBeNull();
    expect(parseQuery('  jose  GARCÍA ')).toEqual({ column: 'name', terms: ['jose', 'garcia'] });
    expect(parseQuery('---')).toBeNull();
  });

  it('quotes every term so typed FTS syntax is searched as text', () => {
    const q = parseQuery('a" OR name:* NEAR(') ?? { column: 'name' as const, terms: [] };
    const match = toMatch(q, true);
    expect(match).toBe('name : "a"* AND name : "or"* AND name : "name"* AND name : "near"*');
  });
});
