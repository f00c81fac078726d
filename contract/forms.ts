import { z } from 'zod';
import { UNTYPEABLE, id, isoDate, line, text, wellFormed } from './fields';
import { CONTACT_TONES, STRENGTH_CATEGORIES, STRENGTH_CONSENTS, visibility } from './records';

/**
 * Inputs that a form fills in over time. Each has a strict schema (what saving requires)
 * and, for the home-visit record, a lax draft schema: a draft may be half typed, so its
 * fields may be empty, but it is still bounded so a draft can never grow without limit.
 */

export const strengthLearnedSchema = z.strictObject({
  category: z.enum(STRENGTH_CATEGORIES),
  description: text(1_000),
  consent: z.enum(STRENGTH_CONSENTS),
  personId: id.nullable().default(null),
});

export const newFollowUpSchema = z.strictObject({
  studentId: id,
  title: line(300),
  assigneeId: id,
  dueOn: isoDate,
  visibility: visibility.default('staff'),
});

/** What a home visit's record must hold to be completed. */
export const homeVisitRecordSchema = z.strictObject({
  present: text(1_000),
  hopes: text(5_000),
  concerns: text(5_000).nullable().default(null),
  /** The tone of the visit, for the contact it is logged as. */
  tone: z.enum(CONTACT_TONES, { error: 'needs one of the choices' }),
  strengths: z.array(strengthLearnedSchema).max(20).default([]),
  followUps: z.array(newFollowUpSchema).max(20).default([]),
});

const draftText = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).refine(wellFormed, UNTYPEABLE);

/** How long each typed part of a visit record may be (the form counts down toward these). */
export const HOME_VISIT_LIMITS = {
  present: 1_000,
  hopes: 5_000,
  concerns: 5_000,
  strengthDescription: 1_000,
  followUpTitle: 300,
} as const;

/** A home-visit record as it is being typed: saved as it is, completed only when valid. */
export const homeVisitDraftSchema = z.strictObject({
  present: draftText(HOME_VISIT_LIMITS.present),
  hopes: draftText(HOME_VISIT_LIMITS.hopes),
  concerns: draftText(HOME_VISIT_LIMITS.concerns),
  tone: z.enum(CONTACT_TONES).nullable(),
  strengths: z
    .array(
      z.strictObject({
        category: z.enum(STRENGTH_CATEGORIES),
        description: draftText(HOME_VISIT_LIMITS.strengthDescription),
        consent: z.enum(STRENGTH_CONSENTS),
        personId: draftText(40),
      }),
    )
    .max(20),
  followUps: z
    .array(
      z.strictObject({
        studentId: draftText(40),
        title: draftText(HOME_VISIT_LIMITS.followUpTitle),
        assigneeId: draftText(40),
        dueOn: draftText(10),
      }),
    )
    .max(20),
});

export type StrengthLearned = z.input<typeof strengthLearnedSchema>;
export type NewFollowUp = z.input<typeof newFollowUpSchema>;
export type HomeVisitRecord = z.input<typeof homeVisitRecordSchema>;
export type HomeVisitDraft = z.infer<typeof homeVisitDraftSchema>;
