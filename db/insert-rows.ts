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
  private values: SqlValue[] = [];
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
    for (const value of row) this.values.push(value);
    if (this.values.length < this.width * ROWS_PER_STATEMENT) return;
    this.many ??= this.store.sql(
      `${this.head} VALUES ${Array.from({ length: ROWS_PER_STATEMENT }, () => this.row).join(', ')}${this.suffix}`,
    );
    // Spread, not an array: better-sqlite3 reads an array argument element by element through
    // V8's slower object API, which made binding a quarter of a bulk insert's statement time.
    this.many.run(...this.values);
    this.values = [];
  }

  /** Write the rows added since the last full statement. */
  end(): void {
    if (this.values.length === 0) return;
    const one = this.store.sql(`${this.head} VALUES ${this.row}${this.suffix}`);
    for (let start = 0; start < this.values.length; start += this.width)
      one.run(...this.values.slice(start, start + this.width));
    this.values = [];
  }
}
