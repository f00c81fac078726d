import { z } from 'zod';
import { id, instant, isoDate, line, text } from './fields';
import { sealedSchema } from './sealed';

/**
 * The nurse's office (issue 23): a student's visit to the health office. What happened is
 * health content, sealed with the health team's key as restricted notes are and audited on
 * every read; what the rest of the school needs is in the clear and says nothing clinical:
 * the student is with the nurse (arrived, not yet left), or was sent home and may be
 * released to a caregiver at the front desk.
 */
export const HEALTH_VISIT_REASONS = [
  'illness',
  'injury',
  'medication',
  'chronic_care',
  'wellness',
  'screening',
  'other',
] as const;
export const HEALTH_DISPOSITIONS = [
  'back_to_class',
  'rested_returned',
  'sent_home',
  'picked_up',
  'emergency_services',
] as const;
/** How the nurse reached a caregiver. */
export const CAREGIVER_REACHED_BY = ['call', 'text', 'email', 'in_person'] as const;

/** The caregiver the nurse told: whom (their record when known), how and when. */
export const caregiverContactSchema = z.object({
  personId: id.nullable(),
  name: line(200),
  how: z.enum(CAREGIVER_REACHED_BY),
  at: instant,
});
export type CaregiverContact = z.infer<typeof caregiverContactSchema>;

/** What only the health team reads: sealed inside the record. */
export const healthVisitContentSchema = z.object({
  reason: z.enum(HEALTH_VISIT_REASONS),
  assessment: text(4_000).nullable(),
  careGiven: text(4_000).nullable(),
  disposition: z.enum(HEALTH_DISPOSITIONS).nullable(),
  /** Who took the student when picked up or sent home. */
  pickedUpBy: line(200).nullable(),
  caregiverContact: caregiverContactSchema.nullable(),
});
export type HealthVisitContent = z.infer<typeof healthVisitContentSchema>;

export const healthVisitSchema = z.object({
  id,
  schoolId: id,
  studentId: id,
  /** Always the health team's: the privacy predicate reads it as it reads a note's. */
  visibility: z.literal('team:health'),
  arrivedAt: instant,
  leftAt: instant.nullable(),
  /** Sent home: the front desk may release the student to a caregiver on the pickup list. */
  releaseToCaregiver: z.boolean(),
  recordedBy: id,
  sealed: sealedSchema,
});
export type HealthVisit = z.infer<typeof healthVisitSchema>;

/** A visit as the health team sees it: the content, or that its key has not arrived yet. */
export const healthVisitViewSchema = healthVisitSchema
  .omit({ sealed: true, visibility: true })
  .extend({
    studentName: z.string(),
    grade: z.string(),
    recordedByName: z.string(),
    content: healthVisitContentSchema.nullable(),
  });
export type HealthVisitView = z.infer<typeof healthVisitViewSchema>;

/** What everyone else sees: a student with the nurse now, or to be released to a caregiver. */
export const withNurseSchema = z.object({
  studentId: z.string(),
  studentName: z.string(),
  grade: z.string(),
  arrivedAt: z.string(),
  /** Sent home and not yet signed out at the desk. */
  releaseToCaregiver: z.boolean(),
});
export type WithNurse = z.infer<typeof withNurseSchema>;

export const newHealthVisitInput = z.strictObject({
  studentId: id,
  reason: z.enum(HEALTH_VISIT_REASONS),
  assessment: text(4_000).nullable().default(null),
});

export const endHealthVisitInput = z
  .strictObject({
    id,
    reason: z.enum(HEALTH_VISIT_REASONS),
    assessment: text(4_000).nullable().default(null),
    careGiven: text(4_000).nullable().default(null),
    disposition: z.enum(HEALTH_DISPOSITIONS),
    pickedUpBy: line(200).nullable().default(null),
    /** A caregiver told now: also in the family's history, with no health content. */
    caregiver: caregiverContactSchema.omit({ at: true }).nullable().default(null),
  })
  .refine((v) => v.disposition !== 'picked_up' || v.pickedUpBy !== null, {
    path: ['pickedUpBy'],
    message: 'say who picked the student up',
  });

/**
 * A student's health profile (issue 23, part 3): allergies, conditions and the emergency
 * care plan, sealed for the health team. The only thing others may ever learn is the flag
 * "has an emergency care plan: see the nurse", and only when the family consented: the
 * flag is stored in the clear as `sharedFlag`, computed when the profile is saved; the
 * family's answer itself is sealed with the rest. Known limit: the record travels to every
 * computer of the school (sealed), so a computer outside the team can tell that a profile
 * exists, not what it holds.
 */
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'life_threatening'] as const;
export const CONDITION_KINDS = ['asthma', 'diabetes', 'seizures', 'other'] as const;
/** Whether the family agreed that staff outside the health team see the care-plan flag. */
export const HEALTH_FLAG_CONSENTS = ['not_asked', 'declined', 'agreed'] as const;

export const healthProfileContentSchema = z.object({
  allergies: z
    .array(
      z.object({
        allergen: line(200),
        severity: z.enum(ALLERGY_SEVERITIES),
        reaction: line(500).nullable(),
      }),
    )
    .max(30),
  conditions: z
    .array(z.object({ kind: z.enum(CONDITION_KINDS), note: line(500).nullable() }))
    .max(20),
  carePlan: z
    .object({
      summary: text(2_000),
      /** Where the full plan is kept (the health office binder, the student's backpack). */
      keptAt: line(200).nullable(),
      prescriber: line(200).nullable(),
      reviewOn: isoDate.nullable(),
    })
    .nullable(),
  /** The family's answer about the flag, who recorded it and when: sealed like the rest. */
  consent: z.enum(HEALTH_FLAG_CONSENTS),
  consentRecordedBy: id,
  consentRecordedAt: instant,
});
export type HealthProfileContent = z.infer<typeof healthProfileContentSchema>;

export const healthProfileSchema = z.object({
  id,
  schoolId: id,
  studentId: id,
  visibility: z.literal('team:health'),
  /** A care plan and the family's consent: all that staff outside the team may see. */
  sharedFlag: z.boolean(),
  updatedBy: id,
  updatedAt: instant,
  sealed: sealedSchema,
});

export const healthProfileViewSchema = healthProfileSchema
  .omit({ sealed: true, visibility: true })
  .extend({ updatedByName: z.string(), content: healthProfileContentSchema.nullable() });
export type HealthProfileView = z.infer<typeof healthProfileViewSchema>;

export const saveHealthProfileInput = healthProfileContentSchema
  .omit({ consentRecordedBy: true, consentRecordedAt: true })
  .extend({ studentId: id })
  .strict();

/**
 * A note for the family about a visit to the health office (issue 23, part 6): what the nurse
 * chose to tell them, printed in the family's language. Sending it is recorded as a contact
 * that says no more than that a note went home; when it goes to someone who is not the
 * student's legal guardian, a record of disclosure is written too (FERPA asks none for
 * parents and guardians).
 */
export const familyNoteInput = z.strictObject({
  visitId: id,
  /** The caregiver it is for, when one is chosen; else it goes home with the student. */
  personId: id.nullable().default(null),
  forFamily: text(1_000),
});

export const familyNoteSchema = z.object({
  studentName: z.string(),
  arrivedAt: z.string(),
  disposition: z.enum(HEALTH_DISPOSITIONS),
  nurseName: z.string(),
  forFamily: z.string(),
  recipientName: z.string().nullable(),
  /** The recipient's home language, for the paper. */
  language: z.string().nullable(),
  contactId: z.string(),
  disclosureId: z.string().nullable(),
});
export type FamilyNote = z.infer<typeof familyNoteSchema>;
