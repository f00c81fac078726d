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
