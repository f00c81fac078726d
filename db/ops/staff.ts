import { addSeconds } from 'date-fns';
import { HearthError, type Staff, type StaffRole, type Team } from '../../contract';
import { fromRow } from '../columns';
import { FailAfterCommit, loadOwned, requireSchool, type Ctx, type Handlers } from '../context';
import { newId } from '../ids';
import { backoffSeconds, hashPassword, verifyPassword } from '../privacy/password';
import type { Store } from '../store';
import type { Writer } from '../write';
import { appStatus } from './status';

/** Teams a role belongs to unless an administrator says otherwise. */
export function defaultTeams(role: StaffRole): Team[] {
  if (role === 'nurse') return ['health'];
  if (role === 'student_support' || role === 'liaison' || role === 'coordinator')
    return ['support'];
  if (role === 'administrator') return ['admin'];
  return [];
}

/** Create a staff member with a password; runs in the caller's transaction. */
export function addStaff(
  store: Store,
  writer: Writer,
  schoolId: string,
  staff: { displayName: string; role: StaffRole; teams: Team[] },
  passwordHash: string,
): Staff {
  const created = writer.insert('staff', { id: newId(), schoolId, active: true, ...staff });
  store
    .sql('INSERT INTO staff_credentials (staff_id, password_hash) VALUES (?, ?)')
    .run(created.id, passwordHash);
  return created;
}

export function signIn(ctx: Ctx, staffId: string): void {
  ctx.session.staffId = staffId;
  ctx.session.recent = [staffId, ...ctx.session.recent.filter((id) => id !== staffId)].slice(0, 8);
}

interface Credentials {
  password_hash: string;
  failed_attempts: number;
  blocked_until: string | null;
}

const waitMessage = (until: Date, now: Date) => {
  const seconds = Math.ceil((until.getTime() - now.getTime()) / 1000);
  const wait = seconds > 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
  return `Too many wrong passwords. Wait ${wait}, then try again.`;
};

export const staffHandlers = {
  'staff.list': (ctx) => {
    const school = requireSchool(ctx);
    const rows = ctx.store
      .sql('SELECT * FROM staff WHERE school_id = ? AND active = 1 ORDER BY display_name')
      .all(school.id) as Record<string, unknown>[];
    return rows.map((row) => fromRow('staff', row));
  },

  'staff.create': (ctx, { password, ...staff }) =>
    addStaff(ctx.store, ctx.writer, requireSchool(ctx).id, staff, hashPassword(password)),

  /**
   * Wrong passwords are counted per staff member on this device; after a few, each attempt
   * must wait twice as long as the last. The count survives restarts, and a correct password
   * during a wait is refused too, so waiting cannot be skipped.
   */
  'session.signIn': (ctx, { staffId, password }) => {
    const staff = loadOwned(ctx, 'staff', staffId, 'staff member');
    if (!staff.active) throw new HearthError('NOT_FOUND', 'That staff member is no longer active.');
    const credentials = ctx.store
      .sql('SELECT * FROM staff_credentials WHERE staff_id = ?')
      .get(staffId) as Credentials | undefined;
    if (!credentials) {
      throw new HearthError(
        'WRONG_PASSWORD',
        'No password is set for this staff member on this computer. Ask an administrator.',
      );
    }
    const now = ctx.now();
    if (credentials.blocked_until && new Date(credentials.blocked_until) > now) {
      throw new HearthError(
        'TOO_MANY_ATTEMPTS',
        waitMessage(new Date(credentials.blocked_until), now),
        {
          details: { retryAt: credentials.blocked_until },
        },
      );
    }
    if (!verifyPassword(credentials.password_hash, password)) {
      const failures = credentials.failed_attempts + 1;
      const wait = backoffSeconds(failures);
      const blockedUntil = wait > 0 ? addSeconds(now, wait).toISOString() : null;
      ctx.store
        .sql(
          'UPDATE staff_credentials SET failed_attempts = ?, blocked_until = ? WHERE staff_id = ?',
        )
        .run(failures, blockedUntil, staffId);
      throw new FailAfterCommit(
        new HearthError(
          'WRONG_PASSWORD',
          blockedUntil
            ? `That password is not right. ${waitMessage(new Date(blockedUntil), now)}`
            : 'That password is not right. Check Caps Lock and try again.',
          { details: { retryAt: blockedUntil } },
        ),
      );
    }
    ctx.store
      .sql(
        'UPDATE staff_credentials SET failed_attempts = 0, blocked_until = NULL WHERE staff_id = ?',
      )
      .run(staffId);
    signIn(ctx, staffId);
    return appStatus(ctx);
  },

  'session.lock': (ctx) => {
    ctx.session.staffId = null;
    return appStatus(ctx);
  },
} satisfies Partial<Handlers>;
