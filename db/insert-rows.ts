import type { Store } from './store';

export type SqlValue = string | number | bigint | null;

/**
 * Rows per statement when many are inserted at once: each statement run has a fixed cost
 * (binding, starting the program, crossing into native code) that outweighs a short row.
 * 50 rows of the widest synced table stay far below SQLite's 32,766 parameters.
 */
export const ROWS_PER_STATEMENT = 50;

/**
 * `<head> VALUES (…), (…)…` (head: "INSERT INTO t (a, b)") for rows of `width` values given
 * one after another in `values`: full statements of ROWS_PER_STATEMENT rows, then the rest
 * one row at a time (so only two statement texts per target are ever prepared and cached).
 * Rows go in in order.
 */
export function insertRows(
  store: Store,
  head: string,
  width: number,
  values: readonly SqlValue[],
  suffix = '',
): void {
  if (values.length === 0) return;
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  const chunk = width * ROWS_PER_STATEMENT;
  const full = values.length - (values.length % chunk);
  if (full > 0) {
    const many = store.sql(
      `${head} VALUES ${Array.from({ length: ROWS_PER_STATEMENT }, () => row).join(', ')}${suffix}`,
    );
    // Spread, not an array: better-sqlite3 reads an array argument element by element through
    // V8's slower object API, which made binding a quarter of a bulk insert's statement time.
    for (let start = 0; start < full; start += chunk)
      many.run(...values.slice(start, start + chunk));
  }
  const one = store.sql(`${head} VALUES ${row}${suffix}`);
  for (let start = full; start < values.length; start += width)
    one.run(...values.slice(start, start + width));
}
