import type { Statement, Store } from './store';

export type SqlValue = string | number | bigint | null;

/**
 * Rows per statement when many are inserted at once: each statement run has a fixed cost
 * (binding, starting the program, crossing into native code) that outweighs a short row.
 * 50 rows of the widest synced table stay far below SQLite's 32,766 parameters.
 */
export const ROWS_PER_STATEMENT = 50;

/**
 * Rows for one insert (`head`: "INSERT INTO t (a, b)"; `suffix`: what follows the values),
 * written as they are added, ROWS_PER_STATEMENT to a statement; `end` writes the rest one row
 * at a time, so only two statement texts per target are ever prepared and cached. Rows go in
 * in order. Values are bound as they come rather than gathered first: one array holding a
 * whole bulk load's values costs the garbage collector more than the array saves.
 */
export class RowInserter {
  /**
   * One statement's values, reused statement after statement (`filled` of them are this
   * statement's): it grows to a statement's length once, and no array is made after that.
   */
  private readonly values: SqlValue[] = [];
  private filled = 0;
  private readonly row: string;
  private many: Statement | undefined;

  constructor(
    private readonly store: Store,
    private readonly head: string,
    private readonly width: number,
    private readonly suffix = '',
  ) {
    this.row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  }

  /** One row of `width` values. */
  add(...row: SqlValue[]): void {
    for (const value of row) this.value(value);
  }

  /**
   * The next value of the row being added (`width` of them make a row): a caller with a
   * row's values at hand adds them one by one, with no array per row to collect.
   */
  value(value: SqlValue): void {
    this.values[this.filled++] = value;
    if (this.filled < this.width * ROWS_PER_STATEMENT) return;
    this.many ??= this.store.sql(
      `${this.head} VALUES ${Array.from({ length: ROWS_PER_STATEMENT }, () => this.row).join(', ')}${this.suffix}`,
    );
    // Spread, not an array: better-sqlite3 reads an array argument element by element through
    // V8's slower object API, which made binding a quarter of a bulk insert's statement time.
    this.many.run(...this.values);
    this.filled = 0;
  }

  /** Write the rows added since the last full statement. */
  end(): void {
    if (this.filled === 0) return;
    const one = this.store.sql(`${this.head} VALUES ${this.row}${this.suffix}`);
    for (let start = 0; start < this.filled; start += this.width)
      one.run(...this.values.slice(start, start + this.width));
    this.filled = 0;
  }
}
