import { z } from 'zod';
import { id, isoDate, languageTag, line } from '../fields';
import {
  CONTACT_DIRECTIONS,
  HOME_VISIT_STATUSES,
  STAFF_ROLES,
  STRENGTH_CATEGORIES,
} from '../records';
import { REACH_GROUPS, VOICE_AGES } from './measures';

const MAX_PERIOD_DAYS = 3 * 366;

/** Days, as the school counts them (its time zone), both ends included; three years at most. */
export const periodSchema = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((p) => p.from <= p.to, { message: 'must start before it ends', path: ['to'] })
  .refine((p) => Date.parse(p.to) - Date.parse(p.from) <= MAX_PERIOD_DAYS * 86_400_000, {
    message: 'can be three years at most',
    path: ['to'],
  })
  // Insights count months from 1900 to 2200 (db/insights/tallies.ts); a year before is compared.
  .refine((p) => p.from >= '1901-01-01' && p.to <= '2199-12-31', {
    message: 'must fall between 1901 and 2199',
    path: ['from'],
  });
export type Period = z.infer<typeof periodSchema>;

export const insightsInput = z.strictObject({
  period: periodSchema,
  grade: line(20).nullable().default(null),
  language: languageTag.nullable().default(null),
});

const count = z.int().min(0);
const measure = z.object({ count, of: count });
const byDirection = z.record(z.enum(CONTACT_DIRECTIONS), count);
const byStatus = z.record(z.enum(HOME_VISIT_STATUSES), count);

export const reachRowSchema = z.object({
  value: z.string(),
  families: count,
  contacted: count,
  goodNews: count,
  medianDaysSinceContact: z.number().nullable(),
  neverContacted: count,
});

/** The figures a school's Insights screen shows, for one period. */
export const insightsSchema = z.object({
  period: z.object({ from: isoDate, to: isoDate }),
  families: count,
  positiveFirst: measure,
  goodNews: measure,
  waiting: measure,
  contacted: measure,
  twoWay: z.object({
    months: z.array(z.object({ month: z.string(), byDirection })),
    total: byDirection,
    startedByFamilies: measure,
  }),
  voice: z.object({
    raised: count,
    heard: count,
    acted: count,
    told: count,
    medianDaysToTold: z.number().nullable(),
    openByAge: z.record(z.enum(VOICE_AGES), count),
  }),
  reach: z.record(z.enum(REACH_GROUPS), z.array(reachRowSchema)),
  languages: z.object({
    needInterpreter: count,
    interpreterUsed: count,
    withLanguage: count,
    inFamilyLanguage: count,
  }),
  everyone: z.object({
    byRole: z.partialRecord(z.enum(STAFF_ROLES), count),
    months: z.array(
      z.object({
        month: z.string(),
        staff: count,
        contacts: count,
        liaisonShare: z.number().nullable(),
      }),
    ),
    liaisonShare: measure,
    trend: z.literal('narrowing').nullable(),
  }),
  strengths: z.object({
    withStrength: measure,
    byCategory: z.partialRecord(z.enum(STRENGTH_CATEGORIES), count),
    invited: count,
    contributed: count,
  }),
  homeVisits: z.object({
    byStatus,
    byGrade: z.array(z.object({ grade: z.string(), byStatus })),
  }),
  /** The same figures for the same days a year before, where the school has records then. */
  lastYear: z
    .object({
      positiveFirst: measure,
      goodNews: measure,
      contacted: measure,
      startedByFamilies: measure,
    })
    .nullable(),
});
export type Insights = z.infer<typeof insightsSchema>;

/** `GET /v1/admin/insights`: one school's figures, for its administrators and the district's. */
export const districtInsightsQuery = z
  .strictObject({ schoolId: id, from: isoDate, to: isoDate })
  .refine((q) => periodSchema.safeParse({ from: q.from, to: q.to }).success, {
    message: 'must be a period of at most three years that starts before it ends',
    path: ['to'],
  });

/**
 * The district's view of a school: every table of the Insights screen as rows of text (the
 * CSV's rows, contract/insights/share.ts), small counts already suppressed.
 */
export const districtInsightsSchema = z.object({
  school: z.object({ id, name: z.string() }),
  period: z.object({ from: isoDate, to: isoDate }),
  rows: z.array(z.array(z.string())),
});
export type DistrictInsights = z.infer<typeof districtInsightsSchema>;
