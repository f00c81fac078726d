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
  disclosureSchema,
  FOLLOW_UP_STATUSES,
  visibility,
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

/**
 * A note as one viewer sees it. `open`: the viewer may read it. `restricted`: the viewer is
 * outside its team, so they learn only that it exists and whom to ask ("see the nurse").
 * Private notes of other staff are not listed at all.
 */
const aboutStudent = {
  studentId: z.string(),
  studentName: z.string(),
  personId: z.string().nullable(),
};

/**
 * True when the viewer belongs to the record's team but this computer has not yet been given
 * the team key version it was sealed with (a teammate shares it when they next sign in here).
 */
const waiting = { waitingForKey: z.boolean() };

export const noteViewSchema = z.discriminatedUnion('access', [
  z.object({
    access: z.literal('open'),
    noteId: z.string(),
    /** The revision shown; a revision of the note must name it as the one it replaces. */
    revisionId: z.string(),
    visibility,
    ...aboutStudent,
    subject: z.string(),
    body: z.string(),
    authorName: z.string(),
    createdAt: z.string(),
    /** When the first revision was written. */
    firstCreatedAt: z.string(),
    revisionCount: z.int(),
    /** Another revision was written from the same earlier one (two devices edited offline). */
    conflict: z.boolean(),
  }),
  z.object({
    access: z.literal('restricted'),
    noteId: z.string(),
    visibility,
    ...aboutStudent,
    createdAt: z.string(),
    ...waiting,
  }),
]);

export const noteRevisionSchema = z.object({
  revisionId: z.string(),
  replacesId: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
});

export const followUpViewSchema = z.discriminatedUnion('access', [
  z.object({
    access: z.literal('open'),
    id: z.string(),
    visibility,
    ...aboutStudent,
    title: z.string(),
    assigneeId: z.string(),
    assigneeName: z.string(),
    dueOn: z.string(),
    status: z.enum(FOLLOW_UP_STATUSES),
    createdAt: z.string(),
    closedAt: z.string().nullable(),
  }),
  z.object({
    access: z.literal('restricted'),
    id: z.string(),
    visibility,
    ...aboutStudent,
    ...waiting,
  }),
]);

export const AUDIT_ACTIONS = ['read', 'create', 'revise', 'status', 'export'] as const;
const AUDIT_RECORD_TYPES = ['note', 'follow_up'] as const;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  deviceId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  recordType: z.enum(AUDIT_RECORD_TYPES),
  recordIds: z.array(z.string()),
  studentId: z.string(),
  studentName: z.string(),
});

export const disclosureViewSchema = disclosureSchema.extend({ disclosedByName: z.string() });

/** Everything one export puts on paper or in a file, as the exporting staff member may see it. */
export const familyRecordSchema = z.object({
  school: z.string(),
  student: studentSummarySchema,
  caregivers: z.array(linkedPersonSchema),
  notes: z.array(noteViewSchema),
  followUps: z.array(followUpViewSchema),
  preparedBy: z.string(),
  preparedAt: z.string(),
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
export type NoteView = z.infer<typeof noteViewSchema>;
export type NoteRevision = z.infer<typeof noteRevisionSchema>;
export type FollowUpView = z.infer<typeof followUpViewSchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditAction = AuditEntry['action'];
export type DisclosureView = z.infer<typeof disclosureViewSchema>;
export type FamilyRecord = z.infer<typeof familyRecordSchema>;
