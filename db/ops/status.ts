import type { AppStatus } from '../../contract';
import { currentSchool, currentStaff, type Ctx } from '../context';
import { getMeta } from '../store';

const DEFAULT_IDLE_LOCK_MINUTES = 5;

function idleLockMinutes(ctx: Ctx): number {
  const stored = Number(getMeta(ctx.store, 'idle_lock_minutes'));
  return Number.isInteger(stored) && stored > 0 ? stored : DEFAULT_IDLE_LOCK_MINUTES;
}

export function appStatus(ctx: Ctx): AppStatus {
  const setup = getMeta(ctx.store, 'setup');
  return {
    setup: setup === 'demo' || setup === 'real' ? setup : 'none',
    school: currentSchool(ctx),
    staff: currentStaff(ctx),
    recentStaffIds: ctx.session.recent,
    idleLockMinutes: idleLockMinutes(ctx),
    deviceId: ctx.deviceId,
    appVersion: ctx.appVersion,
  };
}
