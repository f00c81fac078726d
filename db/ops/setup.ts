import { newId } from '../ids';
import { HearthError, type AppStatus } from '../../contract';
import { fromRow } from '../columns';
import {
  currentSchool,
  currentStaff,
  loadOwned,
  requireSchool,
  type Ctx,
  type Handlers,
} from '../context';
import { DEMO_SIZE } from '../demo/generate';
import { installDemoSchool, refuseIfSetUp } from '../demo/install';
import { getMeta, setMeta } from '../store';

export function appStatus(ctx: Ctx): AppStatus {
  const setup = getMeta(ctx.store, 'setup');
  return {
    setup: setup === 'demo' || setup === 'real' ? setup : 'none',
    school: currentSchool(ctx),
    staff: currentStaff(ctx),
    deviceId: ctx.deviceId,
    appVersion: ctx.appVersion,
  };
}

function choose(ctx: Ctx, staffId: string): void {
  ctx.session.staffId = staffId;
  setMeta(ctx.store, 'last_staff_id', staffId);
}

export const setupHandlers = {
  'app.status': (ctx) => appStatus(ctx),

  /** Demo data only ever goes into a database that has never been set up. */
  'setup.demo': (ctx) => {
    const { frontOfficeId } = installDemoSchool(ctx.store, ctx.writer, ctx.now(), DEMO_SIZE);
    if (frontOfficeId) choose(ctx, frontOfficeId);
    return appStatus(ctx);
  },

  'setup.school': (ctx, input) => {
    refuseIfSetUp(ctx.store);
    const school = ctx.writer.insert('schools', {
      id: newId(),
      name: input.schoolName,
      timeZone: input.timeZone,
      createdAt: ctx.now().toISOString(),
    });
    const staff = ctx.writer.insert('staff', {
      id: newId(),
      schoolId: school.id,
      displayName: input.staffName,
      role: input.staffRole,
      active: true,
    });
    setMeta(ctx.store, 'school_id', school.id);
    setMeta(ctx.store, 'setup', 'real');
    choose(ctx, staff.id);
    return appStatus(ctx);
  },

  'staff.list': (ctx) => {
    const school = requireSchool(ctx);
    const rows = ctx.store
      .sql('SELECT * FROM staff WHERE school_id = ? AND active = 1 ORDER BY display_name')
      .all(school.id) as Record<string, unknown>[];
    return rows.map((row) => fromRow('staff', row));
  },

  'session.choose': (ctx, { staffId }) => {
    const staff = loadOwned(ctx, 'staff', staffId, 'staff member');
    if (!staff.active) throw new HearthError('NOT_FOUND', 'That staff member is no longer active.');
    choose(ctx, staff.id);
    return appStatus(ctx);
  },
} satisfies Partial<Handlers>;
