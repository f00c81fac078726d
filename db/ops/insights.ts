import { monthsOf } from '../../contract';
import { requireSchool, requireStaff, type Handlers } from '../context';
import { gatherInsights } from '../insights/gather';

export const insightsHandlers = {
  'insights.get': (ctx, { period, grade, language }) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    return gatherInsights(
      ctx.store,
      { schoolId: school.id, timeZone: school.timeZone, period, grade, language },
      monthsOf(period),
    );
  },
} satisfies Partial<Handlers>;
