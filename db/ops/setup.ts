import { newId, defaultTeams } from '../../contract';
import type { Handlers } from '../context';
import { DEMO_SIZE } from '../demo/generate';
import { installDemoSchool, refuseIfSetUp } from '../demo/install';
import { derivePassword } from '../privacy/credentials';
import { setMeta } from '../store';
import { addStaff, signIn } from './staff';
import { appStatus } from './status';

export const setupHandlers = {
  'app.status': (ctx) => appStatus(ctx),

  /** Demo data only ever goes into a database that has never been set up. */
  'setup.demo': (ctx) => {
    installDemoSchool(ctx.store, ctx.writer, ctx.now(), DEMO_SIZE);
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
    const admin = addStaff(
      ctx.store,
      ctx.writer,
      ctx.now(),
      school.id,
      { displayName: input.staffName, role: 'administrator', teams: defaultTeams('administrator') },
      derivePassword(input.password),
    );
    setMeta(ctx.store, 'school_id', school.id);
    setMeta(ctx.store, 'setup', 'real');
    signIn(ctx, admin.staff, admin.keys);
    return appStatus(ctx);
  },
} satisfies Partial<Handlers>;
