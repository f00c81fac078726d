import { z } from 'zod';
import {
  PERSON_KINDS,
  personSchema,
  pickupPermission,
  schoolSchema,
  staffSchema,
  studentSchema,
  visitSchema,
  contactSchema,
} from './records';

/** Shapes the core returns that are not records one-to-one: summaries and joined views. */

export const personSummarySchema = personSchema.pick({
  id: true,
  firstName: true,
  lastName: true,
  kind: true,
  phones: true,
  homeLanguage: true,
  interpreter: true,
  channels: true,
});

export const studentSummarySchema = studentSchema.pick({
  id: true,
  firstName: true,
  lastName: true,
  preferredName: true,
  grade: true,
  homeroom: true,
});

const linkFacts = {
  relationship: z.string(),
  legalGuardian: z.boolean(),
  livesWith: z.boolean(),
  emergencyContact: z.boolean(),
  pickup: pickupPermission,
  officeNote: z.string().nullable(),
};

export const linkedStudentSchema = z.object({ student: studentSummarySchema, ...linkFacts });
export const linkedPersonSchema = z.object({ person: personSummarySchema, ...linkFacts });

/** exact: every word typed matched a whole word; prefix: at least one only matched a beginning. */
export const matchQuality = z.enum(['exact', 'prefix']);

export const searchHitSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('person'),
    match: matchQuality,
    person: personSummarySchema,
    students: z.array(linkedStudentSchema),
  }),
  z.object({
    type: z.literal('student'),
    match: matchQuality,
    student: studentSummarySchema,
    caregivers: z.array(linkedPersonSchema),
  }),
]);

export const appStatusSchema = z.object({
  setup: z.enum(['none', 'demo', 'real']),
  school: schoolSchema.nullable(),
  /** Who is signed in; null when no one is, or the app is locked. */
  staff: staffSchema.nullable(),
  /** Staff who signed in on this device since it started, for a quick switch. */
  recentStaffIds: z.array(z.string()),
  /** Minutes without input before the app locks itself. */
  idleLockMinutes: z.int(),
  deviceId: z.string(),
  appVersion: z.string(),
});

export const personDetailSchema = z.object({
  person: personSchema,
  students: z.array(linkedStudentSchema),
  contacts: z.array(contactSchema),
});

export const studentDetailSchema = z.object({
  student: studentSchema,
  caregivers: z.array(linkedPersonSchema),
});

export const visitViewSchema = visitSchema.extend({
  students: z.array(studentSummarySchema),
  greetedByName: z.string(),
  visitorKind: z.enum(PERSON_KINDS).nullable(),
});

export type PersonSummary = z.infer<typeof personSummarySchema>;
export type StudentSummary = z.infer<typeof studentSummarySchema>;
export type LinkedStudent = z.infer<typeof linkedStudentSchema>;
export type LinkedPerson = z.infer<typeof linkedPersonSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type AppStatus = z.infer<typeof appStatusSchema>;
export type PersonDetail = z.infer<typeof personDetailSchema>;
export type StudentDetail = z.infer<typeof studentDetailSchema>;
export type VisitView = z.infer<typeof visitViewSchema>;
