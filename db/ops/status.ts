import type { AppStatus } from '../../contract';
import { currentSchool, currentStaff, type Ctx } from '../context';
import { badgeSettings } from '../badge-settings';
import { idleLockMinutes } from '../idle-lock';
import { getMeta } from '../store';

export function appStatus(ctx: Ctx): AppStatus {
  const setup = getMeta(ctx.store, 'setup');
  return {
    setup: setup === 'demo' || setup === 'real' ? setup : 'none',
    school: currentSchool(ctx),
    staff: currentStaff(ctx),
    recentStaffIds: ctx.session.recent,
    idleLockMinutes: idleLockMinutes(ctx),
    badges: badgeSettings(ctx),
    deviceId: ctx.deviceId,
    appVersion: ctx.appVersion,
  };
}
