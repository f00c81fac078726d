import { z } from 'zod';
import { id, instant, isoDate, line } from '../fields';
import type { Insights } from './view';
import type { Measure } from './measures';

/**
 * A school goal: one doable aim at a time ("every family hears good news by 31 October"),
 * measured by one of the Insights figures over the days from its start to its date, with a
 * target share. Administrators and coordinators set and retire them; every computer of the
 * school and the district has them.
 */
export const GOAL_MEASURES = [
  'goodNews',
  'contacted',
  'positiveFirst',
  'interpreterUsed',
  'startedByFamilies',
  'withStrength',
] as const;
export type GoalMeasure = (typeof GOAL_MEASURES)[number];

/** Goals a single family can be waiting for (the family page and the front desk say so). */
export const FAMILY_GOAL_MEASURES: readonly GoalMeasure[] = [
  'goodNews',
  'contacted',
  'withStrength',
];

/** The figure a goal's measure reads from the screen's figures for the goal's days. */
export function goalFigure(measure: GoalMeasure, f: Insights): Measure {
  switch (measure) {
    case 'goodNews':
      return f.goodNews;
    case 'contacted':
      return f.contacted;
    case 'positiveFirst':
      return f.positiveFirst;
    case 'interpreterUsed':
      return { count: f.languages.interpreterUsed, of: f.languages.needInterpreter };
    case 'startedByFamilies':
      return f.twoWay.startedByFamilies;
    default:
      return f.strengths.withStrength;
  }
}

export const schoolGoalSchema = z.object({
  id,
  schoolId: id,
  title: line(200),
  measure: z.enum(GOAL_MEASURES),
  /** The share aimed for, in percent. */
  target: z.int().min(1).max(100),
  startsOn: isoDate,
  dueOn: isoDate,
  createdBy: id,
  createdAt: instant,
  retiredAt: instant.nullable(),
});
export type SchoolGoal = z.infer<typeof schoolGoalSchema>;

export const newGoalInput = z
  .strictObject({
    title: line(200),
    measure: z.enum(GOAL_MEASURES, { error: 'needs one of the choices' }),
    target: z.int('must be a whole number').min(1).max(100),
    startsOn: isoDate,
    dueOn: isoDate,
  })
  .refine((g) => g.startsOn <= g.dueOn, { message: 'must come after the start', path: ['dueOn'] });

export const goalProgressSchema = schoolGoalSchema.extend({
  createdByName: z.string(),
  /** The figure from the start to today (or to the goal's date, once it has passed). */
  progress: z.object({ count: z.int(), of: z.int() }),
});
export type GoalProgress = z.infer<typeof goalProgressSchema>;
