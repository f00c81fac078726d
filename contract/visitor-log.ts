import { z } from 'zod';
import { filterText, isoDate } from './fields';
import { visitPurpose } from './records';
import { studentSummarySchema } from './views';

/** The longest span one look at the visitor log covers: a school year and a little more. */
export const VISITOR_LOG_MAX_DAYS = 400;
/** Visits listed on screen at once; the export carries them all. */
export const VISITOR_LOG_SHOWN = 500;

const DAY_MS = 86_400_000;

/**
 * Which visits: days in the school's calendar (both included), a purpose, and words found in
 * the visitor's name, a student's name or whom they came to see.
 */
export const visitorLogQuery = z
  .strictObject({
    from: isoDate,
    to: isoDate,
    purpose: visitPurpose.nullable().default(null),
    text: filterText(200).default(''),
  })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must be on or after the first day' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / DAY_MS < VISITOR_LOG_MAX_DAYS, {
    path: ['to'],
    message: `must be within ${VISITOR_LOG_MAX_DAYS} days of the first day`,
  });
export type VisitorLogQuery = z.infer<typeof visitorLogQuery>;

export const visitorLogRowSchema = z.object({
  id: z.string(),
  visitorName: z.string(),
  students: z.array(studentSummarySchema),
  purpose: visitPurpose,
  seeing: z.string().nullable(),
  signedInAt: z.string(),
  signedOutAt: z.string().nullable(),
  /** Whole minutes between signing in and out; null while the visitor is still in. */
  minutesStayed: z.int().nullable(),
  greetedByName: z.string(),
  /** The desk was warned at sign-in or sign-out: a pickup check or the caution list. */
  warned: z.boolean(),
});
export type VisitorLogRow = z.infer<typeof visitorLogRowSchema>;

/** Per student: drop-offs during the day (late arrivals) and pickups (early dismissals). */
export const studentComingsAndGoingsSchema = z.object({
  student: studentSummarySchema,
  lateArrivals: z.int(),
  earlyDismissals: z.int(),
});

export const visitorLogSchema = z.object({
  /** Visits that match, of which `rows` are the newest `VISITOR_LOG_SHOWN`. */
  total: z.int(),
  rows: z.array(visitorLogRowSchema),
  /** The middle length of a stay among visits signed out, in minutes; null: none yet. */
  medianMinutes: z.int().nullable(),
  byStudent: z.array(studentComingsAndGoingsSchema),
});
export type VisitorLog = z.infer<typeof visitorLogSchema>;
