import {
  HearthError,
  type CallName,
  type CallOutput,
  type ParsedInput,
  type School,
  type Staff,
} from '../contract';
import { fromRow } from './columns';
import { getMeta, type Store } from './store';
import type { Writer } from './write';

/** Everything a domain operation may use. One per open database; calls share it. */
export interface Ctx {
  store: Store;
  writer: Writer;
  deviceId: string;
  appVersion: string;
  now: () => Date;
  /** The staff member at the keyboard; null until someone is chosen. */
  session: { staffId: string | null };
}

export type Handler<N extends CallName> = (ctx: Ctx, input: ParsedInput<N>) => CallOutput<N>;
export type Handlers = { [N in CallName]: Handler<N> };

export function currentSchool(ctx: Ctx): School | null {
  const id = getMeta(ctx.store, 'school_id');
  if (!id) return null;
  const row = ctx.store.sql('SELECT * FROM schools WHERE id = ?').get(id) as
    Record<string, unknown> | undefined;
  return row ? fromRow('schools', row) : null;
}

export function requireSchool(ctx: Ctx): School {
  const school = currentSchool(ctx);
  if (!school) throw new HearthError('NOT_SET_UP', 'This computer is not set up for a school yet.');
  return school;
}

export function currentStaff(ctx: Ctx): Staff | null {
  if (!ctx.session.staffId) return null;
  const row = ctx.store
    .sql('SELECT * FROM staff WHERE id = ? AND active = 1')
    .get(ctx.session.staffId) as Record<string, unknown> | undefined;
  return row ? fromRow('staff', row) : null;
}

export function requireStaff(ctx: Ctx): Staff {
  const staff = currentStaff(ctx);
  if (!staff) throw new HearthError('NO_STAFF_SELECTED', 'Choose who is at the desk first.');
  return staff;
}

/** Load a record of the current school, or fail with a message that names what was missing. */
export function loadOwned<T extends 'people' | 'students' | 'visits' | 'households' | 'staff'>(
  ctx: Ctx,
  table: T,
  id: string,
  what: string,
) {
  const school = requireSchool(ctx);
  const row = ctx.store
    .sql(`SELECT * FROM ${table} WHERE id = ? AND school_id = ?`)
    .get(id, school.id) as Record<string, unknown> | undefined;
  if (!row)
    throw new HearthError(
      'NOT_FOUND',
      `That ${what} could not be found. It may have been removed.`,
    );
  return fromRow(table, row);
}
