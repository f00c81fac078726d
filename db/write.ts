import {
  HearthError,
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
import type { Store } from './store';

/**
 * Keeps a derived index (search) in step with a synced table; runs inside the same
 * transaction. `created` says the row is new, so there is no old entry to replace.
 */
export type AfterWrite = (
  store: Store,
  record: Record<string, unknown>,
  pk: number,
  created: boolean,
) => void;

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

const INSERT_SQL = Object.fromEntries(
  Object.entries(COLUMNS).map(([table, columns]) => [
    table,
    `INSERT INTO ${table} (${columns.map((c) => c.column).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  ]),
) as Record<SyncedTable, string>;

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
    const info = this.store
      .sql(INSERT_SQL[table])
      .run(COLUMNS[table].map((c) => toSqlValue(c.kind, valid[c.field])));
    this.log(table, valid.id as string, null);
    this.afterWrite[table]?.(this.store, valid, Number(info.lastInsertRowid), true);
    return valid as SyncedRecord<T>;
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
    const changed = COLUMNS[table].filter(
      (c) => JSON.stringify(valid[c.field]) !== JSON.stringify(current[c.field]),
    );
    if (changed.length === 0) return valid as SyncedRecord<T>;
    this.store
      .sql(`UPDATE ${table} SET ${changed.map((c) => `${c.column} = ?`).join(', ')} WHERE id = ?`)
      .run(...changed.map((c) => toSqlValue(c.kind, valid[c.field])), id);
    this.log(
      table,
      id,
      changed.map((c) => c.field),
    );
    this.afterWrite[table]?.(this.store, valid, row.pk, false);
    return valid as SyncedRecord<T>;
  }

  /**
   * Apply values that came from the district server: validated like any write and kept in
   * the search index, but not logged (they are not this device's changes) and not stamped
   * (the clock merges the server's timestamp instead). Values for a row this device has
   * never seen must make a whole record. Returns false when they do not validate.
   */
  applyRemote(table: SyncedTable, id: string, values: Record<string, unknown>): boolean {
    const row = this.store.sql(`SELECT * FROM ${table} WHERE id = ?`).get(id) as
      (Record<string, unknown> & { pk: number }) | undefined;
    const current = row ? (fromRow(table, row) as Record<string, unknown>) : null;
    const parsed = (SYNCED_RECORDS[table] as z.ZodType).safeParse({ ...current, ...values, id });
    if (!parsed.success) return false;
    const valid = parsed.data as Record<string, unknown>;
    if (!row || !current) {
      const info = this.store
        .sql(INSERT_SQL[table])
        .run(COLUMNS[table].map((c) => toSqlValue(c.kind, valid[c.field])));
      this.afterWrite[table]?.(this.store, valid, Number(info.lastInsertRowid), true);
      return true;
    }
    const changed = COLUMNS[table].filter(
      (c) => JSON.stringify(valid[c.field]) !== JSON.stringify(current[c.field]),
    );
    if (changed.length === 0) return true;
    this.store
      .sql(`UPDATE ${table} SET ${changed.map((c) => `${c.column} = ?`).join(', ')} WHERE id = ?`)
      .run(...changed.map((c) => toSqlValue(c.kind, valid[c.field])), id);
    this.afterWrite[table]?.(this.store, valid, row.pk, false);
    return true;
  }

  private validate(table: SyncedTable, record: unknown): Record<string, unknown> {
    const parsed = (SYNCED_RECORDS[table] as z.ZodType).safeParse(record);
    if (!parsed.success) {
      throw new HearthError('VALIDATION', say(WORDS.detailsNotValid), {
        issues: issuesOf(parsed.error),
      });
    }
    return parsed.data as Record<string, unknown>;
  }

  /** `fields` null means every field: the write created the row. */
  private log(table: SyncedTable, rowId: string, fields: string[] | null): void {
    this.store
      .sql('INSERT INTO change_log (tbl, row_id, fields, hlc, staff_id) VALUES (?, ?, ?, ?, ?)')
      .run(table, rowId, fields && JSON.stringify(fields), this.clock.next(), this.author());
  }
}
