import {
  HearthError,
  type Staff,
  type StaffRole,
  type Team,
  newId,
  WORDS,
  say,
} from '../../contract';
import { fromRow } from '../columns';
import {
  currentStaff,
  loadOwned,
  requireSchool,
  requireViewer,
  type Ctx,
  type Handlers,
} from '../context';
import {
  derivePassword,
  hasStaffKeys,
  setStaffKeys,
  type DerivedPassword,
  type UnlockedStaffKeys,
} from '../privacy/credentials';
import {
  forgetTeamKeys,
  openKeyring,
  reconcileTeamKeys,
  removeFromTeamKeys,
} from '../privacy/keyring';
import { setBadgeSettings } from '../badge-settings';
import { lockSession, setIdleLockMinutes } from '../idle-lock';
import { unlockWithBackoff } from './password-check';
import { districtConnection, refuseIfRevoked } from '../sync/enrollment';
import { knownToDistrict } from '../sync/keys';
import type { Store } from '../store';
import type { Writer } from '../write';
import { appStatus } from './status';

/** Create a staff member with a password; runs in the caller's transaction. */
export function addStaff(
  store: Store,
  writer: Writer,
  now: Date,
  schoolId: string,
  staff: { displayName: string; role: StaffRole; teams: Team[] },
  password: DerivedPassword,
): { staff: Staff; keys: UnlockedStaffKeys } {
  const created = writer.insert('staff', { id: newId(), schoolId, active: true, ...staff });
  return { staff: created, keys: setStaffKeys(store, created.id, password, now) };
}

/** Start a session: the member's keys in memory, their teams' keys shared where needed. */
export function signIn(ctx: Ctx, staff: Staff, keys: UnlockedStaffKeys): void {
  const keyring = openKeyring(ctx.store, staff.id, keys);
  reconcileTeamKeys(ctx.store, keyring, staff.teams, ctx.now());
  ctx.session.staffId = staff.id;
  ctx.session.keyring = keyring;
  ctx.session.recent = [staff.id, ...ctx.session.recent.filter((id) => id !== staff.id)].slice(
    0,
    8,
  );
}

/**
 * Keys arrived from the district while someone is signed in: they can use them at once, and
 * their team keys go on to members this computer has just learned of. Returns whether
 * anyone was signed in.
 */
export function takeNewKeys(ctx: Ctx): boolean {
  const staff = currentStaff(ctx);
  const keyring = ctx.session.keyring;
  if (!staff || !keyring) return false;
  ctx.store.db
    .transaction(() => {
      reconcileTeamKeys(ctx.store, keyring, staff.teams, ctx.now());
      ctx.session.keyring = openKeyring(ctx.store, staff.id, keyring);
    })
    .immediate();
  return true;
}

/** After a change to staff, share the signed-in member's team keys with whoever now needs them. */
function reshareKeys(ctx: Ctx): void {
  const { staff, keyring } = requireViewer(ctx);
  reconcileTeamKeys(ctx.store, keyring, staff.teams, ctx.now());
}

export const staffHandlers = {
  'staff.list': (ctx) => {
    const school = requireSchool(ctx);
    const rows = ctx.store
      .sql('SELECT * FROM staff WHERE school_id = ? AND active = 1 ORDER BY display_name')
      .all(school.id) as Record<string, unknown>[];
    return rows.map((row) => fromRow('staff', row));
  },

  'staff.create': (ctx, { password, ...staff }) => {
    const created = addStaff(
      ctx.store,
      ctx.writer,
      ctx.now(),
      requireSchool(ctx).id,
      staff,
      derivePassword(password),
    ).staff;
    reshareKeys(ctx);
    return created;
  },

  'staff.update': (ctx, { id, ...patch }) => {
    const before = loadOwned(ctx, 'staff', id, 'staff');
    const after = ctx.writer.update('staff', id, patch);
    const left = after.active ? before.teams.filter((t) => !after.teams.includes(t)) : before.teams;
    for (const team of left) removeFromTeamKeys(ctx.store, id, team, ctx.now());
    if (id === ctx.session.staffId) {
      if (!after.active) throw new HearthError('CONFLICT', say(WORDS.cannotDeactivateSelf));
      if (after.role !== 'administrator')
        throw new HearthError('CONFLICT', say(WORDS.cannotDropOwnAdmin));
      ctx.session.keyring = openKeyring(ctx.store, id, requireViewer(ctx).keyring);
    }
    reshareKeys(ctx);
    return after;
  },

  'staff.setPassword': (ctx, { id, password }) => {
    const staff = loadOwned(ctx, 'staff', id, 'staff');
    if (id === ctx.session.staffId) throw new HearthError('CONFLICT', say(WORDS.ownPassword));
    setStaffKeys(ctx.store, id, derivePassword(password), ctx.now());
    forgetTeamKeys(ctx.store, id);
    ctx.store.sql('DELETE FROM sign_in_throttle WHERE staff_id = ?').run(id);
    reshareKeys(ctx);
    return staff;
  },

  /** Wrong passwords make the next attempts wait (./password-check.ts). */
  'session.signIn': (ctx, { staffId, password }) => {
    refuseIfRevoked(ctx.store);
    const staff = loadOwned(ctx, 'staff', staffId, 'staff');
    if (!staff.active) throw new HearthError('NOT_FOUND', say(WORDS.staffInactive));
    if (!hasStaffKeys(ctx.store, staffId)) {
      if (districtConnection(ctx.store))
        throw new HearthError('DISTRICT_SIGN_IN_NEEDED', say(WORDS.districtChecksFirst));
      throw new HearthError('WRONG_PASSWORD', say(WORDS.noPasswordHere));
    }
    const keys = unlockWithBackoff(ctx, staffId, password);
    signIn(ctx, staff, keys);
    if (districtConnection(ctx.store) && !knownToDistrict(ctx.store, staffId, keys.publicKey)) {
      // Held in memory only until the agent's next run takes it, as for a district sign-in.
      ctx.sync.live.pending.keyCheck = { staffId, password };
      ctx.sync.live.onRequest();
    }
    return appStatus(ctx);
  },

  'session.lock': (ctx) => {
    lockSession(ctx.session);
    return appStatus(ctx);
  },

  'session.setLanguage': (ctx, { language }) => {
    ctx.writer.update('staff', requireViewer(ctx).staff.id, { language });
    return appStatus(ctx);
  },

  'settings.setBadges': (ctx, badges) => {
    setBadgeSettings(ctx, badges);
    return appStatus(ctx);
  },
  'settings.setIdleLock': (ctx, { minutes }) => {
    setIdleLockMinutes(ctx, minutes);
    return appStatus(ctx);
  },
} satisfies Partial<Handlers>;
