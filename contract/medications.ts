import { z } from 'zod';
import { id, instant, isoDate, line } from './fields';
import { HEALTH_VISIT_REASONS } from './health';
import { sealedSchema } from './sealed';

/**
 * Medications given at school (issue 23, part 4): a student's orders and the record of each
 * dose. What an order is (medicine, dose, times, supply) and what happened at each dose are
 * health content, sealed with the health team's key and audited on every read; the clear
 * fields say only whose order it is, whether it is active and which follow-ups it raised.
 *
 * Invariants: a dose entry is never changed or removed. A correction is a new entry that
 * names the entry it corrects (`correctsId`); the latest entry of such a chain is what
 * happened. The supply left is counted, not stored: the count the nurse last entered, less
 * the doses given since, so two computers recording doses offline never overwrite each
 * other's arithmetic.
 */
export const MED_ROUTES = [
  'oral',
  'inhaled',
  'injection',
  'topical',
  'nasal',
  'eye_ear',
  'other',
] as const;
export const DOSE_OUTCOMES = ['given', 'refused', 'missed', 'absent'] as const;
export type DoseOutcome = (typeof DOSE_OUTCOMES)[number];
export const MED_ORDER_STATUSES = ['active', 'stopped'] as const;

/** A time of day on the school's clock, "08:05" or "13:30". */
export const clockTimeField = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day such as 11:30');

/** Minutes either side of a scheduled time in which a dose is on time. */
export const DOSE_WINDOW_MINUTES = 30;

export const medOrderContentSchema = z.object({
  medication: line(200),
  dose: line(100),
  route: z.enum(MED_ROUTES),
  /** Scheduled times each school day; empty only for a medicine given as needed. */
  times: z.array(clockTimeField).max(6),
  asNeeded: z.boolean(),
  instructions: line(1_000).nullable(),
  startOn: isoDate,
  endOn: isoDate.nullable(),
  /** Doses on hand when last counted, and when. */
  supplyCount: z.int().min(0).max(10_000),
  supplyCountedAt: instant,
  /** A follow-up is raised when the supply left falls to this. */
  lowSupplyAt: z.int().min(0).max(1_000),
  /** The prescriber or parent who authorised it. */
  authorisedBy: line(200),
  /** Each dose given needs a second staff member to check it, with their password. */
  secondCheck: z.boolean(),
});
export type MedOrderContent = z.infer<typeof medOrderContentSchema>;

export const medOrderSchema = z.object({
  id,
  schoolId: id,
  studentId: id,
  visibility: z.literal('team:health'),
  status: z.enum(MED_ORDER_STATUSES),
  /** The follow-ups this order raised (renewal before it ends, supply running low). */
  endingFollowUpId: id.nullable(),
  lowSupplyFollowUpId: id.nullable(),
  updatedBy: id,
  updatedAt: instant,
  sealed: sealedSchema,
});
export type MedOrder = z.infer<typeof medOrderSchema>;

export const doseContentSchema = z.object({
  outcome: z.enum(DOSE_OUTCOMES),
  /** The scheduled time it was for; null for a dose given as needed. */
  slot: clockTimeField.nullable(),
  note: line(500).nullable(),
  /** The second staff member who checked a dose given, when the order asks for one. */
  checkedBy: id.nullable(),
  /** When it happened; the entry's `recordedAt` is when it was written down. */
  at: instant,
});
export type DoseContent = z.infer<typeof doseContentSchema>;

export const medDoseSchema = z.object({
  id,
  schoolId: id,
  studentId: id,
  orderId: id,
  visibility: z.literal('team:health'),
  /** The school day it was for. */
  forDay: isoDate,
  recordedAt: instant,
  recordedBy: id,
  /** The entry this one corrects: that entry stays, shown as corrected. */
  correctsId: id.nullable(),
  sealed: sealedSchema,
});
export type MedDose = z.infer<typeof medDoseSchema>;

export const doseViewSchema = medDoseSchema.omit({ sealed: true, visibility: true }).extend({
  recordedByName: z.string(),
  checkedByName: z.string().nullable(),
  /** A later entry corrects this one. */
  correctedById: z.string().nullable(),
  content: doseContentSchema.nullable(),
});
export type DoseView = z.infer<typeof doseViewSchema>;

export const medOrderViewSchema = medOrderSchema.omit({ sealed: true, visibility: true }).extend({
  studentName: z.string(),
  grade: z.string(),
  content: medOrderContentSchema.nullable(),
  /** Doses left by the last count, less the doses given since. */
  supplyLeft: z.number().nullable(),
  /** The last 14 days' entries, newest first. */
  doses: z.array(doseViewSchema),
});
export type MedOrderView = z.infer<typeof medOrderViewSchema>;

export const saveMedOrderInput = medOrderContentSchema
  .omit({ supplyCountedAt: true })
  .extend({ id: id.nullable().default(null), studentId: id })
  .strict()
  .refine((o) => o.asNeeded || o.times.length > 0, {
    path: ['times'],
    message: 'give at least one time, or choose as needed',
  })
  .refine((o) => new Set(o.times).size === o.times.length, {
    path: ['times'],
    message: 'lists a time twice',
  })
  .refine((o) => o.endOn === null || o.endOn >= o.startOn, {
    path: ['endOn'],
    message: 'must be on or after the first day',
  });

export const recordDoseInput = z.strictObject({
  orderId: id,
  slot: clockTimeField.nullable(),
  outcome: z.enum(DOSE_OUTCOMES),
  note: line(500).nullable().default(null),
  /**
   * When it happened on the school's clock, that school day, not later than now; null: now
   * (a correction: when the entry it corrects happened).
   */
  at: clockTimeField.nullable().default(null),
  /** The second person, at this computer, who checked the dose given. */
  checker: z
    .strictObject({ staffId: id, password: z.string().min(1).max(200) })
    .nullable()
    .default(null),
  correctsId: id.nullable().default(null),
});

/** A scheduled dose on the nurse's day: on time now, overdue, later today, or recorded. */
export const DOSE_STATES = ['overdue', 'due', 'later', 'recorded'] as const;

export const doseDueSchema = z.object({
  orderId: z.string(),
  studentId: z.string(),
  studentName: z.string(),
  grade: z.string(),
  medication: z.string(),
  dose: z.string(),
  route: z.enum(MED_ROUTES),
  slot: z.string().nullable(),
  secondCheck: z.boolean(),
  state: z.enum(DOSE_STATES),
  /** What was recorded for this time today (the latest entry of its chain). */
  recorded: doseViewSchema.nullable(),
});
export type DoseDue = z.infer<typeof doseDueSchema>;

/** A student with a care plan who is known to be away today, and how it is known. */
export const carePlanAwaySchema = z.object({
  studentId: z.string(),
  studentName: z.string(),
  grade: z.string(),
  /** Signed out early at the front desk, or marked not in school at a dose. */
  why: z.enum(['dismissed', 'not_in_school']),
  since: z.string(),
});

export const nurseDaySchema = z.object({
  /** Today's scheduled doses of active orders, overdue first, then by time. */
  doses: z.array(doseDueSchema),
  /** Active as-needed orders, with how many were given today. */
  asNeeded: z.array(doseDueSchema.extend({ givenToday: z.number() })),
  carePlansAway: z.array(carePlanAwaySchema),
});
export type NurseDay = z.infer<typeof nurseDaySchema>;

/**
 * The health team's report over a span of school days (issue 23, part 5): office visits by
 * reason, by hour of arrival and by grade, and medication entries by what happened (the
 * entries that stand after corrections). Counts only; nothing about any one student.
 */
export const healthReportQuery = z
  .strictObject({ from: isoDate, to: isoDate })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must be on or after the first day' })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < 400, {
    path: ['to'],
    message: 'must be within 400 days of the first day',
  });

const tally = <K extends z.ZodType>(key: K) => z.array(z.object({ key, count: z.int() }));

export const healthReportSchema = z.object({
  visits: z.int(),
  /** Visits whose content this computer cannot open yet (a team key on its way). */
  unreadable: z.int(),
  byReason: tally(z.enum(HEALTH_VISIT_REASONS)),
  /** Hour of arrival on the school's clock, 0–23. */
  byHour: tally(z.int()),
  byGrade: tally(z.string()),
  doses: tally(z.enum(DOSE_OUTCOMES)),
});
export type HealthReport = z.infer<typeof healthReportSchema>;
