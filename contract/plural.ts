const rules = new Intl.PluralRules('en');

/**
 * "1 family", "3 families": the number with the form of the word its plural category
 * takes (Intl.PluralRules, so the rule is the language's, not `n === 1`).
 */
export function plural(count: number, one: string, other: string): string {
  return `${count.toLocaleString('en')} ${rules.select(count) === 'one' ? one : other}`;
}
