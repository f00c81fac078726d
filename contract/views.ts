import { z } from 'zod';
import { BADGE_LAYOUTS } from './badges';
import {
  PERSON_KINDS,
  personSchema,
  pickupPermission,
  schoolSchema,
  staffSchema,
  studentSchema,
  pickupWarningSchema,
  visitSchema,
  contactSchema,
  disclosureSchema,
  FOLLOW_UP_STATUSES,
  CONTACT_DIRECTIONS,
  CONTACT_KINDS,
  CONTACT_TONES,
  householdSchema,
  homeVisitSchema,
  strengthSchema,
  voiceItemSchema,
  visibility,
  visitPurpose,
} from './records';
import { id, instant, isoDate } from './fields';
import { ROLL_CALL_KINDS, rollCallSchema } from './roll-call';

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
  householdId: true,
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

/** How long Hearth waits without use before it locks: a setting an administrator chooses. */
export const IDLE_LOCK_MINUTES = { min: 1, max: 30, default: 5 } as const;

export const appStatusSchema = z.object({
  setup: z.enum(['none', 'demo', 'real']),
  school: schoolSchema.nullable(),
  /** Who is signed in; null when no one is, or the app is locked. */
  staff: staffSchema.nullable(),
  /** Staff who signed in on this device since it started, for a quick switch. */
  recentStaffIds: z.array(z.string()),
  /** Minutes without input before the app locks itself. */
  idleLockMinutes: z.int(),
  /** Whether signing a visitor in prints a badge unless the desk says not to, and on what. */
  badges: z.object({ printAtSignIn: z.boolean(), layout: z.enum(BADGE_LAYOUTS) }),
  deviceId: z.string(),
  appVersion: z.string(),
});

export const personDetailSchema = z.object({
  person: personSchema,
  students: z.array(linkedStudentSchema),
  contacts: z.array(contactSchema),
});

export const familyRefSchema = z.object({ id: z.string(), name: z.string() });

export const studentDetailSchema = z.object({
  student: studentSchema,
  caregivers: z.array(linkedPersonSchema),
  /** The households of the student's caregivers: the families whose pages list them. */
  families: z.array(familyRefSchema),
});

export const visitViewSchema = visitSchema.extend({
  students: z.array(studentSummarySchema),
  greetedByName: z.string(),
  visitorKind: z.enum(PERSON_KINDS).nullable(),
  /** Students this visitor may not pick up (or only after the office), whatever they came for. */
  cautions: z.array(pickupWarningSchema),
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

export const AUDIT_ACTIONS = ['read', 'create', 'revise', 'status', 'export', 'merge'] as const;
/**
 * `family_list`: an export of the families list, about the households it lists;
 * `caution_list`: entries of the school's caution list shown; `visit_log`: an export of the
 * visitor log, about the visits it lists.
 */
export const AUDIT_RECORD_TYPES = [
  'note',
  'follow_up',
  'person',
  'student',
  'family_list',
  'caution_list',
  'visit_log',
  'health_visit',
  'health_profile',
  'med_order',
  'med_dose',
] as const;
/** Audited records about no one student or person: exports and the school's caution list. */
export const SCHOOL_WIDE_RECORDS: readonly (typeof AUDIT_RECORD_TYPES)[number][] = [
  'family_list',
  'caution_list',
  'visit_log',
];

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  staffId: z.string(),
  staffName: z.string(),
  deviceId: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  recordType: z.enum(AUDIT_RECORD_TYPES),
  recordIds: z.array(z.string()),
  /**
   * What the entry is about: a student (restricted records), a person (a merge), or neither
   * (an export of the families list, whose record ids are the households).
   */
  studentId: z.string().nullable(),
  personId: z.string().nullable(),
  aboutName: z.string(),
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
  /** To whom it is given and why, as the record of disclosure says: the paper says so too. */
  recipient: z.string(),
  purpose: z.string(),
});

const staffName = z.string();

export const strengthViewSchema = strengthSchema.extend({
  recordedByName: staffName,
  personName: z.string().nullable(),
});

export const voiceItemViewSchema = voiceItemSchema.extend({
  familyName: z.string(),
  personName: z.string().nullable(),
  recordedByName: staffName,
  heardByName: staffName.nullable(),
  actedByName: staffName.nullable(),
  toldByName: staffName.nullable(),
});

export const homeVisitViewSchema = homeVisitSchema.extend({
  familyName: z.string(),
  staffNames: z.array(staffName),
});

/** A student of the family, with every person linked to them (in this household or not). */
export const familyStudentSchema = z.object({
  student: studentSummarySchema,
  links: z.array(linkedPersonSchema.extend({ inHousehold: z.boolean() })),
  /** Other households the student belongs to through a caregiver. */
  otherFamilies: z.array(familyRefSchema),
});

export const lastContactSchema = z.object({
  at: z.string(),
  kind: z.enum(CONTACT_KINDS),
  tone: z.enum(CONTACT_TONES),
  direction: z.enum(CONTACT_DIRECTIONS),
});

/** A family's page: one household, its people and students, and what staff have learned. */
export const familyProfileSchema = z.object({
  household: householdSchema,
  members: z.array(personSchema),
  students: z.array(familyStudentSchema),
  /** Strengths the viewer may see (the family's consent is applied in SQL). */
  strengths: z.array(strengthViewSchema),
  voice: z.array(voiceItemViewSchema),
  visits: z.array(homeVisitViewSchema),
  lastContact: lastContactSchema.nullable(),
  /** Whether a good-news contact was logged since the school year began. */
  positiveThisYear: z.boolean(),
  schoolYearStartsOn: isoDate,
});

/** What the timeline can be filtered to: each contact kind, and the other kinds of entry. */
export const TIMELINE_KINDS = [...CONTACT_KINDS, 'strength', 'voice', 'note'] as const;

export const timelineEntrySchema = z.object({
  source: z.enum(['contact', 'home_visit', 'strength', 'voice', 'note']),
  id: z.string(),
  at: z.string(),
  kind: z.enum(TIMELINE_KINDS),
  /** A strength's category, a voice item's kind, or where a home visit takes place. */
  subkind: z.string().nullable(),
  tone: z.enum(CONTACT_TONES).nullable(),
  direction: z.enum(CONTACT_DIRECTIONS).nullable(),
  /**
   * Home visit status, the step a voice item has reached, or for a contact whether it is a
   * correction or was corrected.
   */
  status: z.string().nullable(),
  /** One line; a restricted note shows none (only that it exists, and whom to ask). */
  title: z.string().nullable(),
  detail: z.string().nullable(),
  staffName: z.string().nullable(),
  personName: z.string().nullable(),
  visibility: visibility.nullable(),
  studentId: z.string().nullable(),
  /** A note's id (shared by its revisions), to read it back with note.history. */
  noteId: z.string().nullable(),
});

export const timelineCursorSchema = z.object({ at: z.string(), id: z.string() });

/** The kinds of entry that open from the timeline (a note opens through its own calls). */
export const OPENABLE_SOURCES = ['contact', 'home_visit', 'strength', 'voice'] as const;

export const contactViewSchema = contactSchema.extend({
  staffName: z.string(),
  recordedByName: z.string().nullable(),
  personName: z.string().nullable(),
  studentNames: z.array(z.string()),
});

/** What a home visit's record brought: the strengths learned and the follow-ups it asked for. */
const visitRecord = {
  strengths: z.array(strengthViewSchema),
  followUps: z.array(followUpViewSchema),
};

/**
 * A timeline entry read back in full. A contact comes with the walk-in or home visit it
 * records, its corrections, and the contact it corrects. Restricted follow-ups show as the
 * viewer may see them; strengths obey the family's consent.
 */
export const timelineRecordSchema = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('contact'),
    contact: contactViewSchema,
    walkIn: visitViewSchema.nullable(),
    homeVisit: homeVisitViewSchema.nullable(),
    ...visitRecord,
    corrects: contactViewSchema.nullable(),
    corrections: z.array(contactViewSchema),
  }),
  z.object({ source: z.literal('home_visit'), homeVisit: homeVisitViewSchema, ...visitRecord }),
  z.object({ source: z.literal('strength'), strength: strengthViewSchema }),
  z.object({ source: z.literal('voice'), voice: voiceItemViewSchema }),
]);

export const timelinePageSchema = z.object({
  entries: z.array(timelineEntrySchema),
  /** Pass back to get the next (older) page; null at the end. */
  next: timelineCursorSchema.nullable(),
});

/** How to reach a family: the person to contact first, with their preferences. */
export const contactRouteSchema = personSchema.pick({
  id: true,
  firstName: true,
  lastName: true,
  phones: true,
  email: true,
  homeLanguage: true,
  interpreter: true,
  channels: true,
  bestTimes: true,
  doNotContact: true,
});

export const strengthHitSchema = z.object({
  strength: strengthViewSchema,
  familyName: z.string(),
  contact: contactRouteSchema.nullable(),
});

export const DUPLICATE_REASONS = ['phone', 'email', 'name'] as const;

export const duplicateCandidateSchema = z.object({
  person: personSummarySchema,
  familyName: z.string().nullable(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)).min(1),
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
export type FamilyRef = z.infer<typeof familyRefSchema>;
export type StrengthView = z.infer<typeof strengthViewSchema>;
export type VoiceItemView = z.infer<typeof voiceItemViewSchema>;
export type HomeVisitView = z.infer<typeof homeVisitViewSchema>;
export type FamilyStudent = z.infer<typeof familyStudentSchema>;
export type FamilyProfile = z.infer<typeof familyProfileSchema>;
export type LastContact = z.infer<typeof lastContactSchema>;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type TimelineCursor = z.infer<typeof timelineCursorSchema>;
export type ContactView = z.infer<typeof contactViewSchema>;
export type TimelineRecord = z.infer<typeof timelineRecordSchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
export type ContactRoute = z.infer<typeof contactRouteSchema>;
export type StrengthHit = z.infer<typeof strengthHitSchema>;
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;
export type DuplicateReason = DuplicateCandidate['reasons'][number];

/** Emergency roll calls as the desk sees them (contract/roll-call.ts). */
export const rollCallPersonSchema = z.object({
  visitId: id,
  visitorName: z.string(),
  seeing: z.string().nullable(),
  purpose: visitPurpose,
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
