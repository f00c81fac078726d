import {
  HearthError,
  type Access,
  type CallName,
  type CallOutput,
  type FileCall,
  type ParsedInput,
  type School,
  type Staff,
  type SyncedTable,
  type Thing,
  WORDS,
  say,
} from '../contract';
import { fromRow } from './columns';
import type { Keyring } from './privacy/keyring';
import type { SyncLive } from './sync/agent';
import { getMeta, type Store } from './store';
import type { Writer } from './write';

/** Everything a domain operation may use. One per open database; calls share it. */
export interface Ctx {
  store: Store;
  writer: Writer;
  deviceId: string;
  appVersion: string;
  now: () => Date;
  /**
   * Who is signed in (null when no one is or the app is locked), and who signed in on this
   * device since it started, newest first, for a quick switch. Kept in memory only: after a
   * restart everyone signs in again. `keyring` holds the signed-in member's keys; it is
   * set exactly when `staffId` is.
   */
  session: {
    staffId: string | null;
    recent: string[];
    keyring: Keyring | null;
    /** When the last call arrived (ms): the core's idle lock counts from it (db/idle-lock.ts). */
    lastCallAt: number;
  };
  /** Sync's live state, which the sync agent keeps up to date (db/sync/agent.ts). */
  sync: { live: SyncLive };
}

export type Handler<N extends CallName> = (ctx: Ctx, input: ParsedInput<N>) => CallOutput<N>;
/** One handler per call; the file calls are the backup service's (db/backup-service.ts). */
export type Handlers = { [N in Exclude<CallName, FileCall>]: Handler<N> };

export function currentSchool(ctx: Ctx): School | null {
  const id = getMeta(ctx.store, 'school_id');
  if (!id) return null;
  const row = ctx.store.sql('SELECT * FROM schools WHERE id = ?').get(id) as
    Record<string, unknown> | undefined;
  return row ? fromRow('schools', row) : null;
}

export function requireSchool(ctx: Ctx): School {
  const school = currentSchool(ctx);
  if (!school) throw new HearthError('NOT_SET_UP', say(WORDS.notSetUp));
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
  if (!staff) throw new HearthError('SIGN_IN_REQUIRED', say(WORDS.signInToContinue));
  return staff;
}

/** The signed-in staff member with the keys their sign-in unlocked. */
export function requireViewer(ctx: Ctx): { staff: Staff; keyring: Keyring } {
  const staff = requireStaff(ctx);
  const keyring = ctx.session.keyring;
  if (!keyring || keyring.staffId !== staff.id)
    throw new HearthError('SIGN_IN_REQUIRED', say(WORDS.signInToContinue));
  return { staff, keyring };
}

/** Load a record of the current school, or fail with a message that names what was missing. */
export function loadOwned<T extends Exclude<SyncedTable, 'schools'>>(
  ctx: Ctx,
  table: T,
  id: string,
  what: Thing,
) {
  const school = requireSchool(ctx);
  const row = ctx.store
    .sql(`SELECT * FROM ${table} WHERE id = ? AND school_id = ?`)
    .get(id, school.id) as Record<string, unknown> | undefined;
  if (!row) throw new HearthError('NOT_FOUND', say(WORDS.thingNotFound, { thing: what }));
  return fromRow(table, row);
}

/** The API table's access rule for a call, checked before the call runs. */
export function checkAccess(ctx: Ctx, access: Access): void {
  if (access === 'anyone') return;
  requireSchool(ctx);
  const staff = requireStaff(ctx);
  if (access === 'admin' && staff.role !== 'administrator') {
    throw new HearthError('UNAUTHORIZED', say(WORDS.adminOnly));
  }
}

/**
 * Thrown by a writing call whose failure must still keep what it wrote (a wrong password
 * counts against the throttle). The core commits, then reports `error`. Everything else
 * thrown rolls the call back.
 */
export class FailAfterCommit extends Error {
  constructor(readonly error: HearthError) {
    super(error.message);
  }
}
