import { words } from './normalize';

/** Levenshtein distance, stopping early once it exceeds `max` (returns max + 1 then). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] as number;
}

/** Two spellings of one name: equal once folded, one a short form of the other, or a typo apart. */
function similarWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) >= 3 && (a.startsWith(b) || b.startsWith(a))) return true;
  const allowed = Math.max(a.length, b.length) >= 6 ? 2 : 1;
  return Math.min(a.length, b.length) >= 3 && editDistance(a, b, allowed) <= allowed;
}

/**
 * Whether two people's names are likely the same person's: the given names are similar
 * (José / Jose, Jon / John, Mohamed / Mohammed, Sam / Samantha) and the family names share a
 * similar word (García / Garcia-López). With no family name on either side, the given names
 * alone decide. Pure, so it is tested without a database.
 */
export function similarNames(
  a: { firstName: string; lastName: string | null },
  b: { firstName: string; lastName: string | null },
): boolean {
  const [firstA = ''] = words(a.firstName);
  const [firstB = ''] = words(b.firstName);
  if (!similarWord(firstA, firstB)) return false;
  if (!a.lastName || !b.lastName) return true;
  const lastB = words(b.lastName);
  return words(a.lastName).some((wa) => lastB.some((wb) => similarWord(wa, wb)));
}
