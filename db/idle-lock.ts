import { IDLE_LOCK_MINUTES } from '../contract';
import type { Ctx } from './context';
import { getMeta, setMeta } from './store';

/** Where this computer keeps the setting (meta). */
const IDLE_LOCK_KEY = 'idle_lock_minutes';

/** Minutes without a call after which Hearth locks on this computer (Settings). */
export function idleLockMinutes(ctx: Ctx): number {
  const stored = Number(getMeta(ctx.store, IDLE_LOCK_KEY));
  return Number.isInteger(stored) &&
    stored >= IDLE_LOCK_MINUTES.min &&
    stored <= IDLE_LOCK_MINUTES.max
    ? stored
    : IDLE_LOCK_MINUTES.default;
}

/** The administrator's choice (the contract keeps it within IDLE_LOCK_MINUTES). */
export function setIdleLockMinutes(ctx: Ctx, minutes: number): void {
  setMeta(ctx.store, IDLE_LOCK_KEY, String(minutes));
}

/** Forget who is signed in and their keys: every call after this needs the password again. */
export function lockSession(session: Ctx['session']): void {
  session.staffId = null;
  session.keyring = null;
}

/**
 * The idle lock the core owns. A call arriving after the idle time finds the session locked
 * before it is looked at, so a window closed, asleep or left open on another computer's
 * screen gets nothing without the password. Every call counts as use; the window's own timer
 * (renderer/app/useIdleLock.ts) locks a window that is open and calling but not used, and the
 * desktop shell locks when the computer locks or sleeps (electron/shell.ts).
 */
export function lockIfIdle(ctx: Ctx, at: number): void {
  const { session } = ctx;
  const quiet = at - session.lastCallAt;
  // The setting is read only after a quiet minute, not on every call of a busy screen.
  if (
    session.staffId !== null &&
    quiet > IDLE_LOCK_MINUTES.min * 60_000 &&
    quiet > idleLockMinutes(ctx) * 60_000
  )
    lockSession(session);
  session.lastCallAt = at;
}
