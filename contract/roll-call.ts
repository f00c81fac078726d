import { z } from 'zod';
import { id, instant } from './fields';

/**
 * An emergency roll call (issue 22): everyone signed in when it began, each marked
 * accounted for as they are found, begun and ended by whom and when. Kept as a school
 * record for its safety log, drills and real events alike. Known limit: marks are one
 * list, so two computers marking the same roll call at once keep the later list (the
 * desk runs a roll call from one computer).
 */
export const ROLL_CALL_KINDS = ['drill', 'emergency'] as const;
/** The most people a roll call lists; a school building holds fewer visitors. */
export const MAX_ROLL_CALL = 5_000;

export const rollCallSchema = z.object({
  id,
  schoolId: id,
  kind: z.enum(ROLL_CALL_KINDS),
  startedAt: instant,
  startedBy: id,
  /** The visits open when it began: the people to account for. */
  visitIds: z.array(id).max(MAX_ROLL_CALL),
  accountedIds: z.array(id).max(MAX_ROLL_CALL),
  endedAt: instant.nullable(),
  endedBy: id.nullable(),
});
export type RollCall = z.infer<typeof rollCallSchema>;

export const rollCallPersonSchema = z.object({
  visitId: id,
  visitorName: z.string(),
  seeing: z.string().nullable(),
  purpose: z.string(),
  signedInAt: instant,
  studentNames: z.array(z.string()),
  accounted: z.boolean(),
});

export const rollCallViewSchema = rollCallSchema.extend({
  people: z.array(rollCallPersonSchema),
  startedByName: z.string(),
});
export type RollCallView = z.infer<typeof rollCallViewSchema>;

/** A roll call in the school's safety log. */
export const rollCallSummarySchema = z.object({
  id,
  kind: z.enum(ROLL_CALL_KINDS),
  startedAt: instant,
  endedAt: instant.nullable(),
  startedByName: z.string(),
  people: z.int(),
  accounted: z.int(),
});
export type RollCallSummary = z.infer<typeof rollCallSummarySchema>;
