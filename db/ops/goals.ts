import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import {
  FAMILY_GOAL_MEASURES,
  HearthError,
  goalFigure,
  monthsOf,
  newId,
  type GoalProgress,
  type SchoolGoal,
  type Staff,
  WORDS,
  say,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { gatherInsights } from '../insights/gather';
import { dayStart } from '../../contract';

/** Goals are the school's choice: its administrators and family engagement coordinators set them. */
function requireGoalSetter(ctx: Ctx): Staff {
  const staff = requireStaff(ctx);
  if (staff.role !== 'administrator' && staff.role !== 'coordinator')
    throw new HearthError('UNAUTHORIZED', say(WORDS.goalsWho));
  return staff;
}

function activeGoals(ctx: Ctx): (SchoolGoal & { createdByName: string })[] {
  const school = requireSchool(ctx);
  return (
    ctx.store
      .sql(
        `SELECT g.*, s.display_name AS created_by_name FROM school_goals g
         JOIN staff s ON s.id = g.created_by
         WHERE g.school_id = ? AND g.retired_at IS NULL ORDER BY g.due_on, g.id`,
      )
      .all(school.id) as (Record<string, unknown> & { created_by_name: string })[]
  ).map((row) => ({ ...fromRow('school_goals', row), createdByName: row.created_by_name }));
}

/** Where a family stands on a family-level goal: has it what the goal counts, since its start? */
function familyMeets(ctx: Ctx, goal: SchoolGoal, householdId: string, since: string): boolean {
  const found = (sql: string, ...params: string[]) =>
    ctx.store.sql(`${sql} LIMIT 1`).get(householdId, ...params) !== undefined;
  if (goal.measure === 'withStrength')
    return found(`SELECT 1 FROM strengths WHERE household_id = ? AND consent = 'staff'`);
  const tone = goal.measure === 'goodNews' ? `AND tone = 'good_news'` : '';
  return found(`SELECT 1 FROM contacts WHERE household_id = ? ${tone} AND occurred_at >= ?`, since);
}

export const goalHandlers = {
  /** The school's goals, each with its progress from its start to today. */
  'goal.list': (ctx) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    const today = format(new TZDate(ctx.now(), school.timeZone), 'yyyy-MM-dd');
    return activeGoals(ctx).map((goal): GoalProgress => {
      const to = goal.dueOn < today ? goal.dueOn : today;
      const period = { from: goal.startsOn, to: to < goal.startsOn ? goal.startsOn : to };
      const figures = gatherInsights(
        ctx.store,
        { schoolId: school.id, timeZone: school.timeZone, period, grade: null, language: null },
        monthsOf(period),
      );
      return { ...goal, progress: goalFigure(goal.measure, figures) };
    });
  },

  'goal.set': (ctx, input) => {
    const staff = requireGoalSetter(ctx);
    const school = requireSchool(ctx);
    return ctx.writer.insert('school_goals', {
      id: newId(),
      schoolId: school.id,
      ...input,
      createdBy: staff.id,
      createdAt: ctx.now().toISOString(),
      retiredAt: null,
    });
  },

  'goal.retire': (ctx, { id }) => {
    requireGoalSetter(ctx);
    loadOwned(ctx, 'school_goals', id, 'goal');
    return ctx.writer.update('school_goals', id, { retiredAt: ctx.now().toISOString() });
  },

  /** The current goals a family is one of those still waiting for (family-level goals only). */
  'goal.waitingFamily': (ctx, { householdId }) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    loadOwned(ctx, 'households', householdId, 'family');
    const today = format(new TZDate(ctx.now(), school.timeZone), 'yyyy-MM-dd');
    return activeGoals(ctx)
      .filter((g) => FAMILY_GOAL_MEASURES.includes(g.measure) && g.startsOn <= today)
      .filter((g) => !familyMeets(ctx, g, householdId, dayStart(g.startsOn, school.timeZone)))
      .map(({ id, title, dueOn, measure }) => ({ id, title, dueOn, measure }));
  },
} satisfies Partial<Handlers>;
