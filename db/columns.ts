import type { z } from 'zod';
import { SYNCED_RECORDS, type SyncedRecord, type SyncedTable } from '../contract';

type ColumnKind = 'text' | 'number' | 'bool' | 'json';

export interface Column {
  field: string;
  column: string;
  kind: ColumnKind;
}

function kindOf(schema: z.ZodType): ColumnKind {
  let def = schema._zod.def as { type: string; innerType?: z.ZodType };
  while (
    (def.type === 'nullable' || def.type === 'optional' || def.type === 'default') &&
    def.innerType
  ) {
    def = def.innerType._zod.def as { type: string; innerType?: z.ZodType };
  }
  if (def.type === 'boolean') return 'bool';
  if (def.type === 'array' || def.type === 'object') return 'json';
  if (def.type === 'number' || def.type === 'int') return 'number';
  return 'text';
}

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Columns of every synced table, derived from the contract's record schemas so the SQL
 * schema, the wire format and the validation can never name different fields.
 */
export const COLUMNS: { [T in SyncedTable]: Column[] } = Object.fromEntries(
  Object.entries(SYNCED_RECORDS).map(([table, schema]) => [
    table,
    Object.entries(schema.shape).map(([field, fieldSchema]) => ({
      field,
      column: snake(field),
      kind: kindOf(fieldSchema as z.ZodType),
    })),
  ]),
) as { [T in SyncedTable]: Column[] };

export function toSqlValue(kind: ColumnKind, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    default:
      return value as string | number;
  }
}

/** A row as SQLite returns it (snake_case columns) turned back into the contract's record. */
export function fromRow<T extends SyncedTable>(
  table: T,
  row: Record<string, unknown>,
): SyncedRecord<T> {
  const record: Record<string, unknown> = {};
  for (const { field, column, kind } of COLUMNS[table]) {
    const value = row[column];
    if (value === null || value === undefined) record[field] = null;
    else if (kind === 'bool') record[field] = value === 1;
    else if (kind === 'json') record[field] = JSON.parse(value as string);
    else record[field] = value;
  }
  return record as SyncedRecord<T>;
}
