import { z } from 'zod';
import { email, id, instant, isoDate, languageTag, line, phone, text, timeZone } from './fields';
import { schoolGoalSchema } from './insights/goals';
import { rollCallSchema } from './roll-call';
import { cautionEntrySchema } from './cautions';
import { healthProfileSchema, healthVisitSchema } from './health';
import { medDoseSchema, medOrderSchema } from './medications';
import { sealedSchema } from './sealed';
import { BADGE_CODE } from './badges';

export const STAFF_ROLES = [
  'front_office',
  'liaison',
  'coordinator',
  'nurse',
  'student_support',
  'teacher',
  'administrator',
] as const;
/** Teams that can see notes and follow-ups marked for them. */
export const TEAMS = ['health', 'support', 'admin'] as const;
export const PERSON_KINDS = ['caregiver', 'relative', 'community_member', 'visitor'] as const;
export const PICKUP_PERMISSIONS = ['allowed', 'not_allowed', 'see_office'] as const;
export const CHANNELS = ['text', 'call', 'email', 'paper', 'in_person'] as const;
export const INTERPRETER_NEEDS = ['none', 'spoken', 'written', 'both'] as const;
export const VISIT_PURPOSES = [
  'pickup',
  'drop_off',
  'meeting',
  'volunteer',
  'question',
  'concern',
  'enrollment',
  'other',
] as const;
export const CONTACT_KINDS = [
  'call',
  'text',
  'email',
  'note_home',
  'conference',
  'home_visit',
  'walk_in',
  'meeting',
  'event',
] as const;
export const CONTACT_DIRECTIONS = ['school_to_family', 'family_to_school', 'two_way'] as const;
export const CONTACT_TONES = ['good_news', 'information', 'concern'] as const;
export const RECORD_SOURCES = ['roster', 'local'] as const;
/**
 * Who may read a note or follow-up: every staff member of the school, one team, or only its
 * author. Everything but `staff` is restricted: its content is stored encrypted (see
 * db/privacy/keys.ts) and every read is audited.
 */
export const VISIBILITIES = [
  'staff',
  'team:health',
  'team:support',
  'team:admin',
  'private',
] as const;
export const FOLLOW_UP_STATUSES = ['open', 'done', 'cancelled'] as const;
/** Where a follow-up came from, so the family page can show what prompted it. */
export const FOLLOW_UP_ORIGINS = ['contact', 'walk_in', 'home_visit', 'med_order'] as const;
export const STRENGTH_CATEGORIES = [
  'skill',
  'talent',
  'profession',
  'language',
  'cultural_tradition',
  'interest',
  'time_to_give',
] as const;
/**
 * The family's consent: `staff` (any staff member of the school may see and find it) or
 * `recorder_only` (no one but the staff member who recorded it, enforced in SQL).
 */
export const STRENGTH_STEPS = ['invited', 'contributed'] as const;
/** A strength just recorded: no invitation or contribution yet. */
export const NO_STRENGTH_STEPS = {
  invitedAt: null,
  invitedBy: null,
  contributedAt: null,
  contributedBy: null,
} as const;
export const STRENGTH_CONSENTS = ['staff', 'recorder_only'] as const;
export const STRENGTH_SOURCES = ['home_visit', 'conference', 'walk_in', 'survey', 'other'] as const;
export const HOME_VISIT_STATUSES = ['planned', 'completed', 'cancelled', 'declined'] as const;
export const HOME_VISIT_PLACES = ['home', 'community', 'virtual'] as const;
export const VOICE_KINDS = ['suggestion', 'concern', 'question'] as const;
/** A family voice item moves through these steps in order; each records who and when. */
export const VOICE_STEPS = ['heard', 'acted', 'told'] as const;
export const EXPORT_FORMATS = ['print', 'csv'] as const;

export const staffRole = z.enum(STAFF_ROLES);
export const team = z.enum(TEAMS);
export const pickupPermission = z.enum(PICKUP_PERMISSIONS);
export const visitPurpose = z.enum(VISIT_PURPOSES);
export const visibility = z.enum(VISIBILITIES);

export type Visibility = z.infer<typeof visibility>;
/** Teams a role belongs to unless an administrator says otherwise. */
export function defaultTeams(role: StaffRole): Team[] {
  if (role === 'nurse') return ['health'];
  if (role === 'student_support' || role === 'liaison' || role === 'coordinator')
    return ['support'];
  if (role === 'administrator') return ['admin'];
  return [];
}

export const isRestricted = (v: Visibility): boolean => v !== 'staff';
/** The team a visibility names, or null for `staff` and `private`. */
export function teamOf(v: Visibility): Team | null {
  return v.startsWith('team:') ? (v.slice('team:'.length) as Team) : null;
}

export const schoolSchema = z.object({
  id,
  name: line(),
  timeZone,
  createdAt: instant,
});

export const staffSchema = z.object({
  id,
  schoolId: id,
  displayName: line(),
  role: staffRole,
  teams: z.array(team).max(TEAMS.length),
  active: z.boolean(),
  /** The language Hearth speaks to them (they choose it); null: the computer's. */
  language: languageTag.nullable().optional(),
});

export const householdSchema = z.object({
  id,
  schoolId: id,
  name: line(),
  address: line(300).nullable(),
});

export const studentSchema = z.object({
  id,
  schoolId: id,
  firstName: line(),
  lastName: line(),
  preferredName: line().nullable(),
  grade: line(20),
  homeroom: line(100).nullable(),
  source: z.enum(RECORD_SOURCES),
  rosterId: line(255).nullable(),
  // Added after the first release: records synced before then have neither, hence the defaults.
  dateOfBirth: isoDate.nullable().default(null),
  pronouns: line(40).nullable().default(null),
  /**
   * Set when a student added here by hand turned out to be one the roster brought, and was
   * merged into that record: kept as a tombstone for sync, left out of every list and search.
   */
  mergedIntoId: id.nullable().default(null),
});

/** How a person wants to hear from the school; shown wherever someone is about to contact them. */
export const communicationPreferenceSchema = z.object({
  homeLanguage: languageTag.nullable(),
  interpreter: z.enum(INTERPRETER_NEEDS),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length),
  bestTimes: line(300).nullable(),
  doNotContact: text(2_000).nullable(),
});

export const personSchema = z.object({
  id,
  schoolId: id,
  firstName: line(),
  lastName: line().nullable(),
  kind: z.enum(PERSON_KINDS),
  phones: z.array(phone).max(5),
  email: email.nullable(),
  householdId: id.nullable(),
  ...communicationPreferenceSchema.shape,
  createdAt: instant,
  /**
   * Set when this person was found to be a duplicate and merged into another: the record
   * stays (sync needs the tombstone) but every list and search leaves it out.
   */
  mergedIntoId: id.nullable(),
});

export const studentPersonLinkSchema = z.object({
  id,
  schoolId: id,
  studentId: id,
  personId: id,
  relationship: line(60),
  legalGuardian: z.boolean(),
  livesWith: z.boolean(),
  emergencyContact: z.boolean(),
  pickup: pickupPermission,
  /** What the office needs to know before releasing the student (e.g. "court order on file"). */
  officeNote: text(2_000).nullable(),
});

/** Someone who may pick a student up, for the desk to call when someone else asks to. */
export const allowedPickupSchema = z.object({
  personId: id,
  name: z.string(),
  relationship: z.string(),
  phone: z.string().nullable(),
});

export const pickupWarningSchema = z.object({
  studentId: id,
  studentName: z.string(),
  /** not_listed: the person has no link to the student at all. */
  status: z.enum(['not_allowed', 'see_office', 'not_listed']),
  officeNote: z.string().nullable(),
  /** Who may pick the student up (absent on visits recorded before it was shown). */
  allowed: z.array(allowedPickupSchema).max(20).optional(),
});

export const GUARDIAN_CALL_WAYS = ['phone', 'text', 'in_person'] as const;
/** A guardian the desk reached who said yes to a pickup the list did not allow. */
export const guardianConfirmationSchema = z.object({
  name: line(200),
  /** The guardian's record when the desk chose them from the student's list. */
  personId: id.nullable(),
  how: z.enum(GUARDIAN_CALL_WAYS),
});

export const visitSchema = z.object({
  id,
  schoolId: id,
  personId: id.nullable(),
  visitorName: line(),
  studentIds: z.array(id).max(20),
  purpose: visitPurpose,
  seeing: line().nullable(),
  language: languageTag.nullable(),
  interpreterUsed: z.boolean(),
  signedInAt: instant,
  signedOutAt: instant.nullable(),
  greetedBy: id,
  /** The warnings shown at sign-in; a non-empty list always comes with an acknowledgement time. */
  pickupWarnings: z.array(pickupWarningSchema),
  pickupAcknowledgedAt: instant.nullable(),
  /** Who said yes to a warned pickup, when the desk called a guardian rather than proceed. */
  guardianConfirmation: guardianConfirmationSchema.nullable().optional(),
  /**
   * Warnings raised again at sign-out (a student this person may not take was being
   * dismissed at the same time), and when the desk acknowledged them. Recorded once.
   */
  signOutWarnings: z.array(pickupWarningSchema).max(20).nullable().optional(),
  signOutAcknowledgedAt: instant.nullable().optional(),
  /** School caution-list entries this visitor matched at sign-in, shown to the desk then. */
  cautionIds: z.array(id).max(20).nullable().optional(),
  /** The badge's code (contract/badges.ts): signs this visitor out on the day of the visit. */
  badgeCode: z.string().regex(BADGE_CODE).nullable().optional(),
});

export const contactSchema = z.object({
  id,
  schoolId: id,
  personId: id.nullable(),
  studentIds: z.array(id).max(20),
  kind: z.enum(CONTACT_KINDS),
  direction: z.enum(CONTACT_DIRECTIONS),
  tone: z.enum(CONTACT_TONES),
  language: languageTag.nullable(),
  interpreterUsed: z.boolean(),
  summary: text(),
  staffId: id,
  occurredAt: instant,
  visitId: id.nullable(),
  /** The family (household) whose timeline shows this contact. */
  householdId: id.nullable(),
  /** Set when the contact is the record of a completed home visit. */
  homeVisitId: id.nullable(),
  /**
   * A contact is never edited: "correct this entry" logs a new contact naming the one it
   * corrects, and both stay on the timeline. Null for records made before corrections.
   */
  correctsId: id.nullable().default(null),
  /**
   * Who recorded the contact when it was not the one who made it (only an administrator may
   * record for someone else); null when the one who made it recorded it.
   */
  recordedBy: id.nullable().default(null),
});

/** Something a family knows, does or can share: an asset, recorded with the family's consent. */
export const strengthSchema = z.object({
  id,
  schoolId: id,
  householdId: id,
  /** Whose strength it is; null when it belongs to the family as a whole. */
  personId: id.nullable(),
  category: z.enum(STRENGTH_CATEGORIES),
  description: text(1_000),
  consent: z.enum(STRENGTH_CONSENTS),
  source: z.enum(STRENGTH_SOURCES),
  recordedBy: id,
  recordedAt: instant,
  homeVisitId: id.nullable(),
  /**
   * Partnership in two steps, each dated with who recorded it: the school invited the family
   * to share this strength (a class visit, a workshop), then the family contributed it.
   * Added after the first release, hence the defaults.
   */
  invitedAt: instant.nullable().default(null),
  invitedBy: id.nullable().default(null),
  contributedAt: instant.nullable().default(null),
  contributedBy: id.nullable().default(null),
});

/**
 * A home visit: planned, then completed (what was heard is recorded), cancelled, or declined
 * by the family. The record fields stay null until it is completed.
 */
export const homeVisitSchema = z.object({
  id,
  schoolId: id,
  householdId: id,
  status: z.enum(HOME_VISIT_STATUSES),
  scheduledAt: instant,
  place: z.enum(HOME_VISIT_PLACES),
  placeDetail: line(300).nullable(),
  purpose: line(500),
  staffIds: z.array(id).min(1).max(10),
  present: text(1_000).nullable(),
  hopes: text(5_000).nullable(),
  concerns: text(5_000).nullable(),
  /** Why it was cancelled or declined. */
  outcomeNote: line(500).nullable(),
  createdBy: id,
  createdAt: instant,
  closedBy: id.nullable(),
  closedAt: instant.nullable(),
});

/** What a family raised, tracked until the family has been told what was done with it. */
export const voiceItemSchema = z.object({
  id,
  schoolId: id,
  householdId: id,
  personId: id.nullable(),
  kind: z.enum(VOICE_KINDS),
  summary: text(2_000),
  raisedAt: instant,
  recordedBy: id,
  heardBy: id.nullable(),
  heardAt: instant.nullable(),
  actedBy: id.nullable(),
  actedAt: instant.nullable(),
  actedNote: text(2_000).nullable(),
  toldBy: id.nullable(),
  toldAt: instant.nullable(),
  toldNote: text(2_000).nullable(),
});

/** A record's content is either in the clear (visibility `staff`) or sealed, never both. */
function clearOrSealed<T extends { visibility: Visibility; sealed: unknown }>(
  record: T,
  clearFields: (keyof T)[],
): boolean {
  const sealed = record.sealed !== null;
  return (
    sealed === isRestricted(record.visibility) &&
    clearFields.every((field) => (record[field] === null) === sealed)
  );
}
const CLEAR_OR_SEALED = {
  message: 'restricted content must be sealed, and other content must not be',
  path: ['sealed'],
};

/**
 * One revision of a note. A note is never edited in place: an edit adds a revision that
 * `replaces` the one it was based on. The note's current text is the revision nothing
 * replaces; two such revisions are a conflict, and both are kept and shown.
 */
export const noteSchema = z
  .object({
    id,
    schoolId: id,
    /** The id of the note's first revision, shared by every revision. */
    noteId: id,
    replacesId: id.nullable(),
    studentId: id,
    personId: id.nullable(),
    visibility,
    authorId: id,
    subject: line(200).nullable(),
    body: text(20_000).nullable(),
    sealed: sealedSchema.nullable(),
    createdAt: instant,
  })
  .refine((n) => clearOrSealed(n, ['subject', 'body']), CLEAR_OR_SEALED);

export const followUpSchema = z
  .object({
    id,
    schoolId: id,
    studentId: id,
    personId: id.nullable(),
    visibility,
    title: line(300).nullable(),
    sealed: sealedSchema.nullable(),
    assigneeId: id,
    /** A calendar day in the school's time zone. */
    dueOn: isoDate,
    status: z.enum(FOLLOW_UP_STATUSES),
    createdBy: id,
    createdAt: instant,
    closedAt: instant.nullable(),
    /** The family it is for, when it was made from the family's page, a contact or a visit. */
    householdId: id.nullable(),
    originKind: z.enum(FOLLOW_UP_ORIGINS).nullable(),
    originId: id.nullable(),
    /** The contact logged when it was completed, if one was. */
    closedByContactId: id.nullable(),
  })
  .refine((f) => clearOrSealed(f, ['title']), CLEAR_OR_SEALED);

/** FERPA record of disclosure: kept with the student's record, listed on the family page. */
export const disclosureSchema = z.object({
  id,
  schoolId: id,
  studentId: id,
  disclosedBy: id,
  recipient: line(200),
  purpose: line(500),
  description: line(300),
  format: z.enum(EXPORT_FORMATS),
  disclosedAt: instant,
});

export type School = z.infer<typeof schoolSchema>;
export type Staff = z.infer<typeof staffSchema>;
export type StaffRole = z.infer<typeof staffRole>;
export type Team = z.infer<typeof team>;
export type Household = z.infer<typeof householdSchema>;
export type Student = z.infer<typeof studentSchema>;
export type Person = z.infer<typeof personSchema>;
export type CommunicationPreference = z.infer<typeof communicationPreferenceSchema>;
export type StudentPersonLink = z.infer<typeof studentPersonLinkSchema>;
export type PickupPermission = z.infer<typeof pickupPermission>;
export type PickupWarning = z.infer<typeof pickupWarningSchema>;
export type AllowedPickup = z.infer<typeof allowedPickupSchema>;
export type GuardianConfirmation = z.infer<typeof guardianConfirmationSchema>;
export type Visit = z.infer<typeof visitSchema>;
export type VisitPurpose = z.infer<typeof visitPurpose>;
export type Contact = z.infer<typeof contactSchema>;
export type Sealed = z.infer<typeof sealedSchema>;
export type Note = z.infer<typeof noteSchema>;
export type FollowUp = z.infer<typeof followUpSchema>;
export type FollowUpStatus = FollowUp['status'];
export type Disclosure = z.infer<typeof disclosureSchema>;
export type ExportFormat = Disclosure['format'];
export type Strength = z.infer<typeof strengthSchema>;
export type StrengthCategory = Strength['category'];
export type HomeVisit = z.infer<typeof homeVisitSchema>;
export type VoiceItem = z.infer<typeof voiceItemSchema>;
export type VoiceStep = (typeof VOICE_STEPS)[number];

/** How to reach someone, before anyone has asked them: nothing known yet. */
export const NO_PREFERENCES = {
  homeLanguage: null,
  interpreter: 'none',
  channels: [],
  bestTimes: null,
  doNotContact: null,
} as const satisfies CommunicationPreference;

/** A voice item's steps before anyone has taken one: just raised. */
export const VOICE_NOT_YET_HEARD = {
  heardBy: null,
  heardAt: null,
  actedBy: null,
  actedAt: null,
  actedNote: null,
  toldBy: null,
  toldAt: null,
  toldNote: null,
} as const satisfies Partial<VoiceItem>;

/** The step a family voice item has reached: raised, then heard, acted on, and told. */
export function voiceStepReached(
  item: Pick<VoiceItem, 'heardAt' | 'actedAt' | 'toldAt'>,
): 'raised' | VoiceStep {
  if (item.toldAt) return 'told';
  if (item.actedAt) return 'acted';
  if (item.heardAt) return 'heard';
  return 'raised';
}
export type Channel = (typeof CHANNELS)[number];
export type ContactKind = Contact['kind'];
export type ContactTone = Contact['tone'];
export type ContactDirection = Contact['direction'];
export type HomeVisitStatus = (typeof HOME_VISIT_STATUSES)[number];

/**
 * Every table that syncs, keyed by its wire name. The write path and (later) the sync
 * apply step accept only these tables and only these fields: this map is the allowlist
 * that payload names are checked against before they reach SQL (DESIGN.md rule 4).
 */
export const SYNCED_RECORDS = {
  schools: schoolSchema,
  staff: staffSchema,
  households: householdSchema,
  students: studentSchema,
  people: personSchema,
  student_person_links: studentPersonLinkSchema,
  visits: visitSchema,
  contacts: contactSchema,
  notes: noteSchema,
  follow_ups: followUpSchema,
  disclosures: disclosureSchema,
  strengths: strengthSchema,
  home_visits: homeVisitSchema,
  voice_items: voiceItemSchema,
  school_goals: schoolGoalSchema,
  roll_calls: rollCallSchema,
  caution_entries: cautionEntrySchema,
  health_visits: healthVisitSchema,
  health_profiles: healthProfileSchema,
  med_orders: medOrderSchema,
  med_doses: medDoseSchema,
} as const;

export type SyncedTable = keyof typeof SYNCED_RECORDS;

/** A name from outside (a payload, a stored row) that is one of the synced tables. */
export const isSyncedTable = (table: string): table is SyncedTable =>
  Object.hasOwn(SYNCED_RECORDS, table);
export type SyncedRecord<T extends SyncedTable> = z.infer<(typeof SYNCED_RECORDS)[T]>;
