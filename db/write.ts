import {
  HLC_PRINTF,
  HearthError,
  STAMPS_PER_RUN,
  SYNCED_RECORDS,
  type FieldIssue,
  type SyncedRecord,
  type SyncedTable,
  WORDS,
  say,
} from '../contract';
import type { z } from 'zod';
import { COLUMNS, fromRow, toSqlValue } from './columns';
import type { LocalClock } from './clock';
import { RowInserter } from './insert-rows';
import type { Store } from './store';

/** A row just written: its whole record, its pk, and whether the write created it. */
export interface WrittenRow {
  record: Record<string, unknown>;
  pk: number;
  created: boolean;
}

/**
 * Keeps a derived index (search) in step with a synced table; runs inside the same
 * transaction, for one row or many written together (in set-based statements). A created
 * row has no old entry to replace.
 */
export type AfterWrite = (store: Store, rows: readonly WrittenRow[]) => void;

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** A table's INSERT head with the pk given: the derived indexes need each row's pk. */
const INSERT_HEAD = Object.fromEntries(
  Object.entries(COLUMNS).map(([table, columns]) => [
    table,
    `INSERT INTO ${table} (pk, ${columns.map((c) => c.column).join(', ')})`,
  ]),
) as Record<SyncedTable, string>;

const LOG_HEAD = 'INSERT INTO change_log (tbl, row_id, fields, hlc, staff_id)';

/**
 * The change-log entries of rows just inserted with pks @first to @last, one statement for
 * them all (binding each entry's values from JavaScript was a fifth of a bulk load's
 * statement time), in pk order, which is the order the rows came in. Their stamps are a run
 * from `LocalClock.nextRun` (@wall, counters from @counter up, @node), written out as
 * `formatHlc` writes a stamp (`HLC_PRINTF`, beside it): a unit test holds the two together.
 */
const LOG_NEW_ROWS = Object.fromEntries(
  Object.keys(COLUMNS).map((table) => [
    table,
    `${LOG_HEAD} SELECT '${table}', id, NULL,
       printf('${HLC_PRINTF}', @wall, @counter + pk - @first, @node), @author
     FROM ${table} WHERE pk BETWEEN @first AND @last ORDER BY pk`,
  ]),
) as Record<SyncedTable, string>;

/**
 * Tables in an order where every table comes after the tables it refers to (the contract
 * lists them so; a unit test checks it against the schema's foreign keys).
 */
export const TABLE_ORDER = Object.keys(SYNCED_RECORDS) as SyncedTable[];

/** Values from the district applied a page at a time (Writer.remoteBatch). */
export interface RemoteBatch {
  /** As `applyRemote`: false when the values do not validate (nothing changes then). */
  apply(table: SyncedTable, id: string, values: Record<string, unknown>): boolean;
  /** Insert the records held so far. */
  flush(): void;
}

/** A new record with its table, for `insertMany`. */
export type NewRecord = {
  [T in SyncedTable]: { table: T; record: SyncedRecord<T> };
}[SyncedTable];

/**
 * The one write path for synced tables (DESIGN.md rule 2). Each write validates the whole
 * record against the contract, applies it, stamps the clock and appends to the change log
 * which fields it set (sync reads their values from the row; see migration 0002). It must
 * run inside the caller's transaction; it never opens one, so a failed call leaves nothing
 * behind.
 */
export class Writer {
  constructor(
    private readonly store: Store,
    private readonly clock: LocalClock,
    private readonly afterWrite: Partial<Record<SyncedTable, AfterWrite>> = {},
    /** Who is signed in: recorded with each change, for the server's permission checks. */
    private readonly author: () => string | null = () => null,
  ) {}

  insert<T extends SyncedTable>(table: T, record: SyncedRecord<T>): SyncedRecord<T> {
    const valid = this.validate(table, record);
    this.insertValid(table, [valid], true);
    return valid as SyncedRecord<T>;
  }

  /**
   * Insert many new records as `insert` would one by one (validated, logged, stamped,
   * indexed), table by table in the contract's order (parents first) and in the given order
   * within a table, so the caller may mix tables freely. Every record is validated before
   * anything is written; an invalid one throws with its position in the issues' paths
   * ("3.firstName"). Rows, change-log entries and index entries go in multi-row statements,
   * which is what makes a bulk load fast (the demo school, the benchmarks; a pulled page's new
   * records go in the same way through `remoteBatch`; the imports still write row by row,
   * reading between writes).
   */
  insertMany(records: readonly NewRecord[]): void {
    const byTable = new Map<SyncedTable, Record<string, unknown>[]>();
    for (const [index, { table, record }] of records.entries()) {
      const valid = this.validate(table, record, `${index}.`);
      const rows = byTable.get(table);
      if (rows) rows.push(valid);
      else byTable.set(table, [valid]);
    }
    this.insertByTable(byTable, true);
  }

  /** Change some fields of a record; only fields whose value differs are written and logged. */
  update<T extends SyncedTable>(
    table: T,
    id: string,
    patch: Partial<SyncedRecord<T>>,
  ): SyncedRecord<T> {
    const row = this.store.sql(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
      (Record<string, unknown> & { pk: number }) | undefined;
    if (!row) throw new HearthError('NOT_FOUND', say(WORDS.recordGone));
    const current = fromRow(table, row) as Record<string, unknown>;
    const valid = this.validate(table, { ...current, ...patch, id });
    const changed = this.updateRow(table, row.pk, current, valid);
    if (changed.length > 0) this.log(table, id, changed);
    return valid as SyncedRecord<T>;
  }

  /**
   * Apply values that came from the district server: validated like any write and kept in
   * the search index, but not logged (they are not this device's changes) and not stamped
   * (the clock merges the server's timestamp instead). Values for a row this device has
   * never seen must make a whole record. Returns false when they do not validate.
   */
  applyRemote(table: SyncedTable, id: string, values: Record<string, unknown>): boolean {
    const batch = this.remoteBatch();
    const applied = batch.apply(table, id, values);
    batch.flush();
    return applied;
  }

  /**
   * Values from the district for many records (a pulled page), applied as `applyRemote`
   * applies each, except that records this device has never seen are held and inserted
   * together by `flush`, in multi-row statements: a first sync brings every record of the
   * school, and a read and an insert each made it slow. Later values for a held record merge
   * into it before it is written. A write to a record already in the tables flushes first, so
   * writes reach the tables in the order they came; the caller flushes before anything else
   * that reads the synced tables, and at the end.
   */
  remoteBatch(): RemoteBatch {
    /** Records held so far, by table, then by id (a Map keeps their order of arrival). */
    const held = new Map<SyncedTable, Map<string, Record<string, unknown>>>();
    const flush = () => {
      if (held.size === 0) return;
      this.insertByTable(
        new Map([...held].map(([table, records]) => [table, [...records.values()]])),
        false,
      );
      held.clear();
    };
    const apply = (table: SyncedTable, id: string, values: Record<string, unknown>) => {
      const waiting = held.get(table)?.get(id);
      const row = waiting
        ? undefined
        : (this.store.sql(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
            (Record<string, unknown> & { pk: number }) | undefined);
      if (row) flush();
      const current = waiting ?? (row ? (fromRow(table, row) as Record<string, unknown>) : {});
      const parsed = (SYNCED_RECORDS[table] as z.ZodType).safeParse({ ...current, ...values, id });
      if (!parsed.success) return false;
      const valid = parsed.data as Record<string, unknown>;
      if (!row) {
        const records = held.get(table) ?? new Map<string, Record<string, unknown>>();
        held.set(table, records.set(id, valid));
        return true;
      }
      this.updateRow(table, row.pk, current, valid);
      return true;
    };
    return { apply, flush };
  }

  /** Rows of several tables, table by table in TABLE_ORDER (parents first). */
  private insertByTable(
    rows: ReadonlyMap<SyncedTable, Record<string, unknown>[]>,
    logged: boolean,
  ): void {
    for (const table of TABLE_ORDER) {
      const tableRows = rows.get(table);
      if (tableRows) this.insertValid(table, tableRows, logged);
    }
  }

  /**
   * Write the fields of `valid` that differ from `current` (the row at `pk`) and keep the
   * derived indexes in step. Returns the fields written.
   */
  private updateRow(
    table: SyncedTable,
    pk: number,
    current: Record<string, unknown>,
    valid: Record<string, unknown>,
  ): string[] {
    const changed = COLUMNS[table].filter(
      (c) => JSON.stringify(valid[c.field]) !== JSON.stringify(current[c.field]),
    );
    if (changed.length === 0) return [];
    this.store
      .sql(`UPDATE ${table} SET ${changed.map((c) => `${c.column} = ?`).join(', ')} WHERE pk = ?`)
      .run(...changed.map((c) => toSqlValue(c.kind, valid[c.field])), pk);
    this.afterWrite[table]?.(this.store, [{ record: valid, pk, created: false }]);
    return changed.map((c) => c.field);
  }

  /** `at` prefixes the issues' paths: which of many records it was. */
  private validate(table: SyncedTable, record: unknown, at = ''): Record<string, unknown> {
    const parsed = (SYNCED_RECORDS[table] as z.ZodType).safeParse(record);
    if (!parsed.success) {
      throw new HearthError('VALIDATION', say(WORDS.detailsNotValid), {
        issues: issuesOf(parsed.error).map((i) => ({ ...i, path: at + i.path })),
      });
    }
    return parsed.data as Record<string, unknown>;
  }

  /**
   * The one place new rows go in: each gets the next pk (as SQLite would give it), and with
   * `logged` a clock stamp and a change-log entry naming every field; then the derived indexes.
   */
  private insertValid(table: SyncedTable, rows: Record<string, unknown>[], logged: boolean): void {
    const columns = COLUMNS[table];
    let pk = (
      this.store.sql(`SELECT coalesce(max(pk), 0) AS pk FROM ${table}`).get() as { pk: number }
    ).pk;
    const firstPk = pk + 1;
    const inserted = new RowInserter(this.store, INSERT_HEAD[table], columns.length + 1);
    const written: WrittenRow[] = [];
    for (const record of rows) {
      inserted.value(++pk);
      for (const c of columns) inserted.value(toSqlValue(c.kind, record[c.field]));
      written.push({ record, pk, created: true });
    }
    inserted.end();
    if (logged) {
      const author = this.author();
      // A run of stamps holds at most STAMPS_PER_RUN.
      for (let from = firstPk; from <= pk; from += STAMPS_PER_RUN) {
        const to = Math.min(pk, from + STAMPS_PER_RUN - 1);
        const { wall, counter, node } = this.clock.nextRun(to - from + 1);
        this.store
          .sql(LOG_NEW_ROWS[table])
          .run({ wall, counter, node, author, first: from, last: to });
      }
    }
    this.afterWrite[table]?.(this.store, written);
  }

  /** `fields` null means every field: the write created the row. */
  private log(table: SyncedTable, rowId: string, fields: string[] | null): void {
    this.store
      .sql(`${LOG_HEAD} VALUES (?, ?, ?, ?, ?)`)
      .run(table, rowId, fields && JSON.stringify(fields), this.clock.next(), this.author());
  }
}
