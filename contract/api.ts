import { z } from 'zod';
import type { CallResult } from './errors';
import {
  email,
  filterText,
  id,
  instant,
  isoDate,
  languageTag,
  line,
  phone,
  secret,
  text,
  timeZone,
  UNTYPEABLE,
  wellFormed,
} from './fields';
import {
  familyListCursorSchema,
  familyListFilterSchema,
  familyListPageSchema,
  linkFactsInput,
  newFamilyInput,
  newPersonInput,
  newStudentInput,
  personFields,
  studentFields,
} from './families';
import { homeVisitDraftSchema, homeVisitRecordSchema, newFollowUpSchema } from './forms';
import { WORDS } from './words';
import { ROLL_CALL_KINDS } from './roll-call';
import {
  CONTACT_DIRECTIONS,
  CONTACT_KINDS,
  CONTACT_TONES,
  FOLLOW_UP_ORIGINS,
  HOME_VISIT_PLACES,
  RECORD_SOURCES,
  STRENGTH_CATEGORIES,
  STRENGTH_CONSENTS,
  STRENGTH_SOURCES,
  STRENGTH_STEPS,
  VOICE_KINDS,
  VOICE_STEPS,
  EXPORT_FORMATS,
  FOLLOW_UP_STATUSES,
  contactSchema,
  householdSchema,
  personSchema,
  guardianConfirmationSchema,
  pickupWarningSchema,
  TEAMS,
  staffRole,
  staffSchema,
  team,
  studentPersonLinkSchema,
  studentSchema,
  visibility,
  visitPurpose,
} from './records';
import {
  AUDIT_ACTIONS,
  IDLE_LOCK_MINUTES,
  appStatusSchema,
  auditEntrySchema,
  TIMELINE_KINDS,
  disclosureViewSchema,
  duplicateCandidateSchema,
  familyProfileSchema,
  homeVisitViewSchema,
  strengthHitSchema,
  strengthViewSchema,
  timelineCursorSchema,
  timelinePageSchema,
  timelineRecordSchema,
  OPENABLE_SOURCES,
  voiceItemViewSchema,
  familyRecordSchema,
  followUpViewSchema,
  noteRevisionSchema,
  noteViewSchema,
  personDetailSchema,
  searchHitSchema,
  studentDetailSchema,
  studentSummarySchema,
  visitViewSchema,
  rollCallSummarySchema,
  rollCallViewSchema,
} from './views';
import { joinInput, syncReviewSchema, syncStatusSchema } from './sync';
import { backupFileSchema, backupListSchema } from './backups';
import { familiesImportInput, familiesImportResultSchema } from './families-csv';
import { insightsInput, insightsSchema } from './insights/view';
import { goalProgressSchema, newGoalInput, schoolGoalSchema } from './insights/goals';
import { droppedPapersSchema } from './papers';
import { BADGE_LAYOUTS } from './badges';
import {
  cautionFields,
  cautionMatchSchema,
  cautionQuerySchema,
  cautionViewSchema,
} from './cautions';
import { visitorLogQuery, visitorLogSchema } from './visitor-log';
import {
  endHealthVisitInput,
  healthProfileViewSchema,
  healthVisitViewSchema,
  saveHealthProfileInput,
  newHealthVisitInput,
  withNurseSchema,
  familyNoteInput,
  familyNoteSchema,
} from './health';
import {
  doseViewSchema,
  healthReportQuery,
  healthReportSchema,
  medOrderViewSchema,
  nurseDaySchema,
  recordDoseInput,
  saveMedOrderInput,
} from './medications';

/**
 * The API table: every call the UI can make, declared once. The core implements each name
 * exactly once; the preload bridge and the browser-mode transport carry only these names.
 * `writes: true` calls run one at a time, each in one transaction.
 */
/**
 * Who may make a call, checked by the core before the call runs: `anyone` (also with no one
 * signed in or the app locked, so nothing about a family), `staff` (a signed-in staff
 * member) or `admin` (a signed-in administrator). Every call must say.
 */
export type Access = 'anyone' | 'staff' | 'admin';

/**
 * What a call may return about families, declared with every call and checked by a
 * table-driven test for every role: `none` (nothing about any family), `family` (family data,
 * but never restricted content), `restricted` (restricted content too, filtered in SQL by
 * the signed-in viewer's teams, and every restricted record read is audited).
 */
export type Privacy = 'none' | 'family' | 'restricted';

interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  writes: boolean;
  access: Access;
  privacy: Privacy;
}

const read = <I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  privacy: Privacy,
  input: I,
  output: O,
): CallSpec<I, O> => ({ input, output, writes: false, access, privacy });
const write = <I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  privacy: Privacy,
  input: I,
  output: O,
): CallSpec<I, O> => ({ input, output, writes: true, access, privacy });

const nothing = z.strictObject({});

const newPassword = secret(8);
const byId = z.strictObject({ id });

/** A change to some of a person's details; fields left out stay as they are. */
const personPatch = z.strictObject(personFields).partial().extend({ id });

const byFamily = z.strictObject({ householdId: id });

/** A contact being logged; `occurredAt` may be earlier (backdating), never in the future. */
const contactInput = {
  kind: z.enum(CONTACT_KINDS),
  direction: z.enum(CONTACT_DIRECTIONS),
  tone: z.enum(CONTACT_TONES),
  summary: text(2_000),
};

/** How a record leaves Hearth: the record of disclosure says to whom, why and in what form. */
const sharing = {
  format: z.enum(EXPORT_FORMATS),
  recipient: line(200),
  purpose: line(500),
};

/** A visitor is someone we know, or a new visitor added on the spot with just a name. */
const visitorInput = z.union([
  z.strictObject({ personId: id }),
  z.strictObject({ newVisitor: z.strictObject({ fullName: line(), phone: phone.optional() }) }),
]);

export const API = {
  'app.status': read('anyone', 'none', nothing, appStatusSchema),
  'setup.demo': write('anyone', 'none', nothing, appStatusSchema),
  /** First run: the school and its first administrator, who is signed in at once. */
  'setup.school': write(
    'anyone',
    'none',
    z.strictObject({ schoolName: line(), timeZone, staffName: line(), password: newPassword }),
    appStatusSchema,
  ),
  /** Names and roles for the sign-in screen; nothing about any family. */
  'staff.list': read('anyone', 'none', nothing, z.array(staffSchema)),
  'staff.create': write(
    'admin',
    'none',
    z.strictObject({
      displayName: line(),
      role: staffRole,
      teams: z.array(team).max(TEAMS.length).default([]),
      password: newPassword,
    }),
    staffSchema,
  ),
  /** Change a staff member's role, teams or whether they are active. Leaving a team rotates its key. */
  'staff.update': write(
    'admin',
    'none',
    z.strictObject({
      id,
      role: staffRole.optional(),
      teams: z.array(team).max(TEAMS.length).optional(),
      active: z.boolean().optional(),
    }),
    staffSchema,
  ),
  /**
   * Set a new password for someone who forgot theirs. Their keys are replaced: a team member
   * shares the team's key again at their next sign-in; their private notes cannot be recovered.
   */
  'staff.setPassword': write(
    'admin',
    'none',
    z.strictObject({ id, password: newPassword }),
    staffSchema,
  ),
  'session.signIn': write(
    'anyone',
    'none',
    z.strictObject({ staffId: id, password: secret(1) }),
    appStatusSchema,
  ),
  /** Lock now (the lock button, idle time, the computer locking or sleeping). */
  'session.lock': write('anyone', 'none', nothing, appStatusSchema),
  /** Paper catalogs the district dropped into this computer's folder, checked, with any refused. */
  'papers.dropped': read('staff', 'none', nothing, droppedPapersSchema),
  /** The folder (a full path) this computer reads the district's paper catalogs from; null: none. */
  'settings.setPapersFolder': write(
    'admin',
    'none',
    z.strictObject({
      folder: z.string().trim().min(1).max(1_000).refine(wellFormed, UNTYPEABLE).nullable(),
    }),
    droppedPapersSchema,
  ),
  /** The signed-in member's own language for Hearth (null: follow the computer's). */
  'session.setLanguage': write(
    'staff',
    'none',
    z.strictObject({ language: languageTag.nullable() }),
    appStatusSchema,
  ),
  /** Whether signing a visitor in offers to print a badge, and on what. */
  'settings.setBadges': write(
    'admin',
    'none',
    z.strictObject({ printAtSignIn: z.boolean(), layout: z.enum(BADGE_LAYOUTS) }),
    appStatusSchema,
  ),
  /** Minutes without use after which Hearth locks on this computer. */
  'settings.setIdleLock': write(
    'admin',
    'none',
    z.strictObject({
      minutes: z
        .int('must be a whole number of minutes')
        .min(IDLE_LOCK_MINUTES.min, `must be at least ${IDLE_LOCK_MINUTES.min} minute`)
        .max(IDLE_LOCK_MINUTES.max, `must be at most ${IDLE_LOCK_MINUTES.max} minutes`),
    }),
    appStatusSchema,
  ),

  'search.people': read(
    'staff',
    'family',
    z.strictObject({ text: line(200), limit: z.int().min(1).max(50).default(20) }),
    z.array(searchHitSchema),
  ),

  'household.create': write(
    'staff',
    'family',
    z.strictObject({ name: line(), address: line(300).nullable().default(null) }),
    householdSchema,
  ),
  'household.update': write(
    'staff',
    'family',
    z.strictObject({ id, name: line().optional(), address: line(300).nullable().optional() }),
    householdSchema,
  ),
  'person.create': write('staff', 'family', newPersonInput, personSchema),
  /** Change a person's details or communication preferences. */
  'person.update': write('staff', 'family', personPatch, personSchema),
  /** Likely duplicates of someone about to be added: same phone or email, or a similar name. */
  'person.findDuplicates': read(
    'staff',
    'family',
    z.strictObject({
      firstName: line(),
      lastName: line().nullable().default(null),
      phones: z.array(phone).max(5).default([]),
      email: email.nullable().default(null),
    }),
    z.array(duplicateCandidateSchema),
  ),
  /**
   * Merge a duplicate into the person to keep: every visit, contact, link, strength, voice
   * item, note and follow-up moves over; the duplicate stays only as a tombstone. Audited.
   */
  'person.merge': write(
    'staff',
    'family',
    z
      .strictObject({ keepId: id, mergeId: id })
      .refine((m) => m.keepId !== m.mergeId, 'cannot merge a person into themselves'),
    personSchema,
  ),
  'person.get': read('staff', 'family', byId, personDetailSchema),
  /** A student added in the app, linked at once to the people of their family it names. */
  'student.create': write(
    'staff',
    'family',
    newStudentInput.extend({
      links: z
        .array(z.strictObject({ personId: id, ...linkFactsInput }))
        .max(10)
        .default([]),
    }),
    studentSchema,
  ),
  /**
   * Change a student's details. Where the district's roster owns a student, their names and
   * grade are the roster's and are refused here.
   */
  'student.update': write(
    'staff',
    'family',
    z.strictObject(studentFields).partial().extend({ id }),
    studentSchema,
  ),
  'student.get': read('staff', 'family', byId, studentDetailSchema),
  /** Other students of the school with this one's name (folded, or a short form of it). */
  'student.findDuplicates': read(
    'staff',
    'family',
    byId,
    z.array(studentSummarySchema.extend({ source: z.enum(RECORD_SOURCES) })),
  ),
  /**
   * Merge a student added here by hand into the record the roster brought (or one local
   * record into another): links, visits, contacts, notes and follow-ups move over, what the
   * kept record lacks is filled in, and the duplicate stays only as a tombstone. Audited.
   * Records of disclosure are never changed and stay with the record they were made for.
   */
  'student.merge': write(
    'staff',
    'family',
    z
      .strictObject({ keepId: id, mergeId: id })
      .refine((m) => m.keepId !== m.mergeId, 'cannot merge a student into themselves'),
    studentSchema,
  ),
  'link.set': write(
    'staff',
    'family',
    z.strictObject({ studentId: id, personId: id, ...linkFactsInput }),
    studentPersonLinkSchema,
  ),
  /**
   * A new family in one step: the household, its people (new, or already in Hearth such as
   * the visitor at the desk), its students, and every person linked to every student.
   */
  'family.create': write('staff', 'family', newFamilyInput, householdSchema),
  /**
   * A families file or a OneRoster export (contract/families-csv.ts) imported on this
   * computer: every family in it, or nothing, with each problem named by file, line and column.
   */
  'families.import': write('staff', 'family', familiesImportInput, familiesImportResultSchema),
  /**
   * The families list as it is filtered, whole, as a CSV file (spreadsheet formulas
   * neutralised). Audited: who exported which households, when.
   */
  'family.exportList': write(
    'staff',
    'family',
    familyListFilterSchema,
    z.object({ count: z.int(), csv: z.string() }),
  ),
  /** Every family of the school, filtered and sorted, one page at a time. */
  'family.list': read(
    'staff',
    'family',
    familyListFilterSchema.extend({
      after: familyListCursorSchema.nullable().default(null),
      limit: z.int().min(1).max(200).default(50),
    }),
    familyListPageSchema,
  ),

  'visit.pickupCheck': read(
    'staff',
    'family',
    z.strictObject({ personId: id, studentIds: z.array(id).min(1).max(20) }),
    z.array(pickupWarningSchema),
  ),
  /** Students this person may not take (or only after the office), whatever they came for. */
  'visit.cautions': read(
    'staff',
    'family',
    z.strictObject({ personId: id }),
    z.array(pickupWarningSchema),
  ),
  'visit.signIn': write(
    'staff',
    'family',
    z
      .strictObject({
        visitor: visitorInput,
        studentIds: z.array(id).max(20).default([]),
        purpose: visitPurpose,
        seeing: line().nullable().default(null),
        language: languageTag.nullable().default(null),
        interpreterUsed: z.boolean().default(false),
        /**
         * When the pickup check finds warnings, the desk either acknowledges them or records the
         * guardian who said yes; the visit keeps which.
         */
        acknowledgePickupWarnings: z.boolean().default(false),
        guardianConfirmation: guardianConfirmationSchema.nullable().default(null),
        /** The caution-list entries the desk was shown for this visitor (`caution.match`). */
        seenCautionIds: z.array(id).max(20).default([]),
      })
      .refine((input) => input.purpose !== 'pickup' || input.studentIds.length > 0, {
        path: ['studentIds'],
        message: WORDS.pickupNamesStudents.defaultMessage,
      }),
    visitViewSchema,
  ),
  'visit.signOut': write(
    'staff',
    'family',
    z.strictObject({
      visitId: id,
      /** Must be true when a student this visitor may not take is being dismissed now. */
      acknowledgeWarnings: z.boolean().default(false),
    }),
    visitViewSchema,
  ),
  /** Sign out by the code on a visitor's badge, typed or scanned; good only on the visit's day. */
  'visit.signOutByCode': write(
    'staff',
    'family',
    z.strictObject({
      code: line(40),
      acknowledgeWarnings: z.boolean().default(false),
    }),
    visitViewSchema,
  ),
  /** The visitor log: visits over days, by purpose or name, how long people stayed. */
  'visit.log': read('staff', 'family', visitorLogQuery, visitorLogSchema),
  /** The visitor log as CSV; the export is audited with the visits it holds. */
  'visit.exportLog': write(
    'staff',
    'family',
    visitorLogQuery,
    z.object({ count: z.int(), csv: z.string() }),
  ),
  'visit.signOutAll': write('staff', 'none', nothing, z.object({ count: z.int() })),
  'visit.inBuilding': read('staff', 'family', nothing, z.array(visitViewSchema)),
  'visit.today': read(
    'staff',
    'family',
    z.strictObject({ text: filterText(200).default('') }),
    z.object({ total: z.int(), visits: z.array(visitViewSchema) }),
  ),
  /** A family's page: people, students, preferences, strengths, voice, planned visits. */
  'family.get': read('staff', 'family', byFamily, familyProfileSchema),
  /**
   * A family's timeline, newest first, one page at a time: contacts (walk-ins included), home
   * visits, strengths learned, family voice and notes (restricted notes only as "see the nurse").
   */
  'family.timeline': read(
    'staff',
    'family',
    z.strictObject({
      householdId: id,
      kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).default([]),
      tones: z.array(z.enum(CONTACT_TONES)).max(CONTACT_TONES.length).default([]),
      after: timelineCursorSchema.nullable().default(null),
      limit: z.int().min(1).max(500).default(100),
    }),
    timelinePageSchema,
  ),
  /**
   * One timeline entry read back in full. Restricted follow-ups it prompted show as the
   * viewer may see them (and are audited when opened).
   */
  'timeline.open': read(
    'staff',
    'restricted',
    z.strictObject({ householdId: id, source: z.enum(OPENABLE_SOURCES), id }),
    timelineRecordSchema,
  ),
  /** Log a contact with a family, optionally with the follow-up it calls for. */
  'contact.log': write(
    'staff',
    'family',
    z.strictObject({
      householdId: id,
      personId: id.nullable().default(null),
      studentIds: z.array(id).max(20).default([]),
      ...contactInput,
      language: languageTag.nullable().default(null),
      interpreterUsed: z.boolean().default(false),
      /** Who made the contact; null for the signed-in staff member. */
      staffId: id.nullable().default(null),
      /** When it happened; null for now. */
      occurredAt: instant.nullable().default(null),
      followUp: newFollowUpSchema.nullable().default(null),
      /** A contact is never edited: a correction is a new contact naming the one it corrects. */
      correctsId: id.nullable().default(null),
    }),
    contactSchema,
  ),
  'contact.forPerson': read(
    'staff',
    'family',
    z.strictObject({ personId: id, limit: z.int().min(1).max(500).default(50) }),
    z.array(contactSchema),
  ),

  'note.create': write(
    'staff',
    'restricted',
    z.strictObject({
      studentId: id,
      personId: id.nullable().default(null),
      visibility,
      subject: line(200),
      body: text(20_000),
    }),
    noteViewSchema,
  ),
  /** An edit: a new revision of the note, based on the revision the editor saw. */
  'note.revise': write(
    'staff',
    'restricted',
    z.strictObject({ revisionId: id, subject: line(200), body: text(20_000) }),
    noteViewSchema,
  ),
  'note.history': read(
    'staff',
    'restricted',
    z.strictObject({ noteId: id }),
    z.array(noteRevisionSchema),
  ),
  /** Notes about a student and their family, newest first. */
  'note.forStudent': read(
    'staff',
    'restricted',
    z.strictObject({ studentId: id }),
    z.array(noteViewSchema),
  ),
  /** Notes of one restricted visibility the viewer can read, newest first (the nurse's screen). */
  'note.recent': read(
    'staff',
    'restricted',
    z.strictObject({ visibility, limit: z.int().min(1).max(200).default(50) }),
    z.array(noteViewSchema),
  ),

  'followUp.create': write(
    'staff',
    'restricted',
    z.strictObject({
      studentId: id,
      personId: id.nullable().default(null),
      visibility,
      title: line(300),
      assigneeId: id,
      dueOn: isoDate,
      householdId: id.nullable().default(null),
      originKind: z.enum(FOLLOW_UP_ORIGINS).nullable().default(null),
      originId: id.nullable().default(null),
    }),
    followUpViewSchema,
  ),
  'followUp.setStatus': write(
    'staff',
    'restricted',
    z.strictObject({
      id,
      status: z.enum(FOLLOW_UP_STATUSES),
      /** Completing a follow-up can log the contact that closed it, in the same step. */
      closingContact: z.strictObject(contactInput).nullable().default(null),
    }),
    followUpViewSchema,
  ),
  /** Follow-ups for a family: made from its page, or about one of its students. */
  'followUp.forFamily': read('staff', 'restricted', byFamily, z.array(followUpViewSchema)),
  /** Open follow-ups assigned to the signed-in staff member, overdue and soonest due first. */
  'followUp.mine': read('staff', 'restricted', nothing, z.array(followUpViewSchema)),
  'followUp.forStudent': read(
    'staff',
    'restricted',
    z.strictObject({ studentId: id }),
    z.array(followUpViewSchema),
  ),

  'strength.create': write(
    'staff',
    'family',
    z.strictObject({
      householdId: id,
      personId: id.nullable().default(null),
      category: z.enum(STRENGTH_CATEGORIES),
      description: text(1_000),
      consent: z.enum(STRENGTH_CONSENTS),
      source: z.enum(STRENGTH_SOURCES),
    }),
    strengthViewSchema,
  ),
  /** The next step of a strength: the school invited the family to share it, then they did. */
  'strength.advance': write(
    'staff',
    'family',
    z.strictObject({ id, step: z.enum(STRENGTH_STEPS) }),
    strengthViewSchema,
  ),
  /** The strengths directory: words and/or a category, with the family's consent applied. */
  'strength.search': read(
    'staff',
    'family',
    z.strictObject({
      text: filterText(200).default(''),
      category: z.enum(STRENGTH_CATEGORIES).nullable().default(null),
      limit: z.int().min(1).max(100).default(25),
    }),
    z.array(strengthHitSchema),
  ),

  'homeVisit.plan': write(
    'staff',
    'family',
    z.strictObject({
      householdId: id,
      scheduledAt: instant,
      place: z.enum(HOME_VISIT_PLACES),
      placeDetail: line(300).nullable().default(null),
      purpose: line(500),
      staffIds: z.array(id).min(1, 'choose who is going').max(10),
    }),
    homeVisitViewSchema,
  ),
  /** A visit, with the signed-in staff member's draft of its record if they have one. */
  'homeVisit.get': read(
    'staff',
    'family',
    byId,
    z.object({
      visit: homeVisitViewSchema,
      draft: homeVisitDraftSchema.nullable(),
      draftSavedAt: z.string().nullable(),
    }),
  ),
  /** Autosave of the record being typed; kept on this computer until the visit is completed. */
  'homeVisit.saveDraft': write(
    'staff',
    'family',
    z.strictObject({ id, draft: homeVisitDraftSchema }),
    z.object({ savedAt: z.string() }),
  ),
  /** Record a visit: the record, a contact for the timeline, its strengths and follow-ups. */
  'homeVisit.complete': write(
    'staff',
    'family',
    homeVisitRecordSchema.extend({ id }),
    homeVisitViewSchema,
  ),
  'homeVisit.close': write(
    'staff',
    'family',
    z.strictObject({
      id,
      status: z.enum(['cancelled', 'declined']),
      note: line(500).nullable().default(null),
    }),
    homeVisitViewSchema,
  ),
  /** Planned visits the signed-in staff member is going on, earliest first. */
  'homeVisit.mine': read('staff', 'family', nothing, z.array(homeVisitViewSchema)),

  /** Something a family raised: a suggestion, a concern or a question. */
  'voice.create': write(
    'staff',
    'family',
    z.strictObject({
      householdId: id,
      personId: id.nullable().default(null),
      kind: z.enum(VOICE_KINDS),
      summary: text(2_000),
      raisedAt: instant.nullable().default(null),
    }),
    voiceItemViewSchema,
  ),
  /** The next step for a voice item: heard, then acted on, then the family told. */
  'voice.advance': write(
    'staff',
    'family',
    z.strictObject({ id, step: z.enum(VOICE_STEPS), note: text(2_000).nullable().default(null) }),
    voiceItemViewSchema,
  ),
  /** Items the family has not yet been told about, oldest first. */
  'voice.open': read('staff', 'family', nothing, z.array(voiceItemViewSchema)),

  /**
   * Export a student's record (printable page or CSV). Always writes a FERPA record of
   * disclosure first: who, to whom, what, why, when.
   */
  'family.export': write(
    'staff',
    'restricted',
    z.strictObject({ studentId: id, ...sharing }),
    z.object({
      disclosure: disclosureViewSchema,
      record: familyRecordSchema,
      /** The CSV file's text when the format is csv. */
      csv: z.string().nullable(),
    }),
  ),
  /** A whole family's record: each of its students' records, each with its own disclosure. */
  'family.exportHousehold': write(
    'staff',
    'restricted',
    z.strictObject({ householdId: id, ...sharing }),
    z.object({
      disclosures: z.array(disclosureViewSchema),
      records: z.array(familyRecordSchema),
      csv: z.string().nullable(),
    }),
  ),
  'disclosure.forStudent': read(
    'staff',
    'family',
    z.strictObject({ studentId: id }),
    z.array(disclosureViewSchema),
  ),

  /**
   * Backups of this computer's database (encrypted like it, in a folder beside it): the list,
   * one made now, and a restore, which keeps the current database aside as a backup of its
   * own and signs everyone out. These act on the database file, so they run outside any
   * transaction (db/backup-service.ts).
   */
  'backup.list': read('admin', 'none', nothing, backupListSchema),
  'backup.now': write('admin', 'none', nothing, backupFileSchema),
  'backup.restore': write(
    'admin',
    'none',
    z.strictObject({ name: line(200) }),
    z.object({ restored: backupFileSchema, keptAside: backupFileSchema }),
  ),
  /**
   * A computer set up on its own, before anything is recorded on it, starts over so it can
   * join its district: its database is kept aside as a backup and a new, empty one begins,
   * whose first screen offers "Join your district". Refused once families or anything about
   * them are here, since a district's computer can't carry another school's records.
   */
  'setup.startOverToJoin': write(
    'admin',
    'none',
    nothing,
    z.object({ keptAside: backupFileSchema }),
  ),

  /**
   * The partnership figures for a period (contract/insights): counts and shares only, from
   * records every staff member may see; the families behind a number come from family.list.
   */
  'insights.get': read('staff', 'none', insightsInput, insightsSchema),
  /** The school's current goals with their progress (contract/insights/goals.ts). */
  /**
   * Emergency roll call: begin one (or get the one under way), mark people accounted for,
   * end it; the school's log of them. Reads visitors' names, so staff only.
   */
  'rollCall.start': write(
    'staff',
    'family',
    z.strictObject({ kind: z.enum(ROLL_CALL_KINDS) }),
    rollCallViewSchema,
  ),
  'rollCall.current': read('staff', 'family', nothing, rollCallViewSchema.nullable()),
  'rollCall.mark': write(
    'staff',
    'family',
    z.strictObject({ id, visitId: id, accounted: z.boolean() }),
    rollCallViewSchema,
  ),
  'rollCall.setKind': write(
    'staff',
    'family',
    z.strictObject({ id, kind: z.enum(ROLL_CALL_KINDS) }),
    rollCallViewSchema,
  ),
  'rollCall.end': write('staff', 'family', byId, rollCallViewSchema),
  'rollCall.list': read('staff', 'none', nothing, z.array(rollCallSummarySchema)),
  /** A student arrives at the health office (health team); one already there is answered as is. */
  'health.visitStart': write('staff', 'restricted', newHealthVisitInput, healthVisitViewSchema),
  /** The visit ends: how, with the care given and any caregiver told (health team). */
  'health.visitEnd': write('staff', 'restricted', endHealthVisitInput, healthVisitViewSchema),
  /** Today's office visits for the health team; each visit read is audited. */
  'health.today': read('staff', 'restricted', nothing, z.array(healthVisitViewSchema)),
  /** Students with the nurse now or to be released to a caregiver: nothing clinical. */
  'health.withNurse': read('staff', 'family', nothing, z.array(withNurseSchema)),
  /** A student's allergies, conditions and care plan (health team); the read is audited. */
  'health.profile': read(
    'staff',
    'restricted',
    z.strictObject({ studentId: id }),
    healthProfileViewSchema.nullable(),
  ),
  'health.saveProfile': write(
    'staff',
    'restricted',
    saveHealthProfileInput,
    healthProfileViewSchema,
  ),
  /** Whether others may be told "has an emergency care plan: see the nurse" (consent given). */
  'health.flag': read(
    'staff',
    'family',
    z.strictObject({ studentId: id }),
    z.object({ carePlan: z.boolean() }),
  ),
  /** A student's medication orders with their last 14 days of doses (health team; audited). */
  'health.medOrders': read(
    'staff',
    'restricted',
    z.strictObject({ studentId: id }),
    z.array(medOrderViewSchema),
  ),
  /** Write an order whole, new or changed; a new supply count starts the count again. */
  'health.saveMedOrder': write('staff', 'restricted', saveMedOrderInput, medOrderViewSchema),
  /** An order stops: kept with its doses, no longer due. */
  'health.stopMedOrder': write('staff', 'restricted', byId, medOrderViewSchema),
  /**
   * A dose given, refused, missed or the student not in school; a correction is a new entry
   * naming the one it corrects. Where the order asks, a second member checks a dose given.
   */
  'health.recordDose': write('staff', 'restricted', recordDoseInput, doseViewSchema),
  /** The nurse's day: doses due and overdue, as-needed orders, care-plan students away. */
  'health.day': read('staff', 'restricted', nothing, nurseDaySchema),
  /**
   * A note home about an ended visit: recorded as a contact (no health content) and, for a
   * recipient who is not a legal guardian, as a disclosure; answers what the paper prints.
   */
  'health.familyNote': write('staff', 'restricted', familyNoteInput, familyNoteSchema),
  /** Counts for the health team over a span of days: visits by reason, hour, grade; doses. */
  'health.report': read('staff', 'restricted', healthReportQuery, healthReportSchema),
  /** The school's caution list, for administrators; every entry shown is audited. */
  'caution.list': read('admin', 'none', nothing, z.array(cautionViewSchema)),
  /** Entries a visitor about to sign in matches by name or phone; a match shown is audited. */
  'caution.match': read('staff', 'none', cautionQuerySchema, z.array(cautionMatchSchema)),
  'caution.add': write('admin', 'none', cautionFields.strict(), cautionViewSchema),
  'caution.update': write(
    'admin',
    'none',
    cautionFields.extend({ id }).strict(),
    cautionViewSchema,
  ),
  'caution.retire': write('admin', 'none', byId, cautionViewSchema),
  'goal.list': read('staff', 'none', nothing, z.array(goalProgressSchema)),
  /** A new goal; administrators and family engagement coordinators only. */
  'goal.set': write('staff', 'none', newGoalInput, schoolGoalSchema),
  'goal.retire': write('staff', 'none', byId, schoolGoalSchema),
  /** The current goals this family is still waiting for, for a quiet hint where staff meet it. */
  'goal.waitingFamily': read(
    'staff',
    'none',
    byFamily,
    z.array(schoolGoalSchema.pick({ id: true, title: true, dueOn: true, measure: true })),
  ),

  /** Who read or changed restricted records. Administrators only; nothing can edit it. */
  'audit.list': read(
    'admin',
    'none',
    z.strictObject({
      staffId: id.nullable().default(null),
      action: z.enum(AUDIT_ACTIONS).nullable().default(null),
      studentId: id.nullable().default(null),
      before: instant.nullable().default(null),
      limit: z.int().min(1).max(500).default(100),
    }),
    z.array(auditEntrySchema),
  ),

  /**
   * Sync with the district: status for the top bar, and asking for a sync now. The status
   * (counts and the server's address, nothing about a family) is open to anyone, so the
   * first-run screen can follow a join before anyone can sign in.
   */
  'sync.status': read('anyone', 'none', nothing, syncStatusSchema),
  'sync.now': read('staff', 'none', nothing, syncStatusSchema),
  /**
   * Join a district (first run only): the sync agent enrolls with the code, then receives
   * the school; sync.status tells how it goes.
   */
  'sync.join': read('anyone', 'none', joinInput, syncStatusSchema),
  /**
   * A first sign-in on an enrolled computer: the district checks the password, then this
   * computer keeps what lets that person sign in here offline. Poll sync.status and app.status.
   */
  'session.signInWithDistrict': read(
    'anyone',
    'none',
    z.strictObject({ staffId: id, password: secret(1) }),
    syncStatusSchema,
  ),
  /**
   * Conflicts to review and changes the server refused. Records only one staff member may
   * see (private notes and follow-ups, strengths shared with their recorder) are left out:
   * on a shared computer their values are not for everyone.
   */
  'sync.review': read('staff', 'family', nothing, syncReviewSchema),
  /** Keep one side of a conflict; keeping the other side writes it again as a new change. */
  'sync.resolveConflict': write(
    'staff',
    'family',
    z.strictObject({ id: z.int().positive(), keep: z.enum(['mine', 'theirs']) }),
    syncReviewSchema,
  ),
  'sync.dismissRejection': write(
    'staff',
    'family',
    z.strictObject({ seq: z.int().positive() }),
    syncReviewSchema,
  ),
} as const;

export type Api = typeof API;
export type CallName = keyof Api;
/** What a caller passes (defaults may be left out). */
export type CallInput<N extends CallName> = z.input<Api[N]['input']>;
/** What the core receives after validation (defaults filled in). */
export type ParsedInput<N extends CallName> = z.output<Api[N]['input']>;
export type CallOutput<N extends CallName> = z.output<Api[N]['output']>;

export const CALL_NAMES = Object.keys(API) as CallName[];

/** Calls that copy or replace the database file itself, so never inside a transaction. */
export const FILE_CALLS = [
  'backup.list',
  'backup.now',
  'backup.restore',
  'setup.startOverToJoin',
] as const;
export type FileCall = (typeof FILE_CALLS)[number];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(API, name);
}

/**
 * The one object the preload exposes as `window.hearth`; the browser-mode transport offers the
 * same shape. It resolves to the result envelope, because a thrown error would lose its code
 * on the way across Electron's context bridge.
 */
export interface HearthBridge {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<CallOutput<N>>>;
}
