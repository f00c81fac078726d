import { z } from 'zod';
import { id, instant, isoDate, line, phone, text } from './fields';

/**
 * The school's caution list (issue 22): people who are not family and whom the office must
 * know before letting in (a trespass notice, "see the principal"). Administrators keep it;
 * it syncs as every school record does; the reason is for the office only, so each showing
 * of an entry is audited. An entry past its expiry, or retired, matches no one.
 */
export const cautionEntrySchema = z.object({
  id,
  schoolId: id,
  fullName: line(),
  phones: z.array(phone).max(5),
  reason: text(1_000),
  /** A small picture to recognise the person by: a JPEG data URL the window made (≤ 60 kB). */
  photo: z
    .string()
    .max(60_000, 'must be a picture of at most 60 kB')
    .regex(/^data:image\/jpeg;base64,[A-Za-z0-9+/]+=*$/, 'must be a JPEG picture')
    .nullable(),
  /** The last day the caution holds, in the school's calendar; null: until retired. */
  expiresOn: isoDate.nullable(),
  addedBy: id,
  addedAt: instant,
  retiredAt: instant.nullable(),
});
export type CautionEntry = z.infer<typeof cautionEntrySchema>;

export const cautionFields = cautionEntrySchema.pick({
  fullName: true,
  phones: true,
  reason: true,
  photo: true,
  expiresOn: true,
});

/** An entry as the office sees it: who added it, and whether it holds today. */
export const cautionViewSchema = cautionEntrySchema.extend({
  addedByName: z.string(),
  current: z.boolean(),
});
export type CautionView = z.infer<typeof cautionViewSchema>;

/** A match at the desk: the entry, and whether the name, a phone or both matched. */
export const cautionMatchSchema = cautionEntrySchema
  .pick({ id: true, fullName: true, reason: true, photo: true, expiresOn: true })
  .extend({ matchedBy: z.enum(['name', 'phone', 'both']) });
export type CautionMatch = z.infer<typeof cautionMatchSchema>;

/** Who is about to sign in: a person Hearth knows, or a name and phone typed at the desk. */
export const cautionQuerySchema = z.strictObject({
  fullName: line().nullable().default(null),
  phones: z.array(phone).max(5).default([]),
});
