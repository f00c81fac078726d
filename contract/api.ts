import { z } from 'zod';
import type { CallResult } from './errors';
import { email, filterText, id, languageTag, line, phone, secret, text, timeZone } from './fields';
import {
  CHANNELS,
  INTERPRETER_NEEDS,
  PERSON_KINDS,
  contactSchema,
  householdSchema,
  personSchema,
  pickupPermission,
  pickupWarningSchema,
  TEAMS,
  staffRole,
  staffSchema,
  team,
  studentPersonLinkSchema,
  studentSchema,
  visitPurpose,
} from './records';
import {
  appStatusSchema,
  personDetailSchema,
  searchHitSchema,
  studentDetailSchema,
  visitViewSchema,
} from './views';

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

interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  writes: boolean;
  access: Access;
}

const read = <I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  input: I,
  output: O,
): CallSpec<I, O> => ({ input, output, writes: false, access });
const write = <I extends z.ZodType, O extends z.ZodType>(
  access: Access,
  input: I,
  output: O,
): CallSpec<I, O> => ({ input, output, writes: true, access });

const nothing = z.strictObject({});

const newPassword = secret(8);
const byId = z.strictObject({ id });

const newPersonInput = z.strictObject({
  firstName: line(),
  lastName: line().nullable().default(null),
  kind: z.enum(PERSON_KINDS),
  phones: z.array(phone).max(5).default([]),
  email: email.nullable().default(null),
  householdId: id.nullable().default(null),
  homeLanguage: languageTag.nullable().default(null),
  interpreter: z.enum(INTERPRETER_NEEDS).default('none'),
  channels: z.array(z.enum(CHANNELS)).max(CHANNELS.length).default([]),
  bestTimes: line(300).nullable().default(null),
  doNotContact: text(2_000).nullable().default(null),
});

/** A visitor is someone we know, or a new visitor added on the spot with just a name. */
const visitorInput = z.union([
  z.strictObject({ personId: id }),
  z.strictObject({ newVisitor: z.strictObject({ fullName: line(), phone: phone.optional() }) }),
]);

export const API = {
  'app.status': read('anyone', nothing, appStatusSchema),
  'setup.demo': write('anyone', nothing, appStatusSchema),
  /** First run: the school and its first administrator, who is signed in at once. */
  'setup.school': write(
    'anyone',
    z.strictObject({ schoolName: line(), timeZone, staffName: line(), password: newPassword }),
    appStatusSchema,
  ),
  /** Names and roles for the sign-in screen; nothing about any family. */
  'staff.list': read('anyone', nothing, z.array(staffSchema)),
  'staff.create': write(
    'admin',
    z.strictObject({
      displayName: line(),
      role: staffRole,
      teams: z.array(team).max(TEAMS.length).default([]),
      password: newPassword,
    }),
    staffSchema,
  ),
  'session.signIn': write(
    'anyone',
    z.strictObject({ staffId: id, password: secret(1) }),
    appStatusSchema,
  ),
  /** Lock now (the lock button, idle time, the computer locking or sleeping). */
  'session.lock': write('anyone', nothing, appStatusSchema),

  'search.people': read(
    'staff',
    z.strictObject({ text: line(200), limit: z.int().min(1).max(50).default(20) }),
    z.array(searchHitSchema),
  ),

  'household.create': write(
    'staff',
    z.strictObject({ name: line(), address: line(300).nullable().default(null) }),
    householdSchema,
  ),
  'person.create': write('staff', newPersonInput, personSchema),
  'person.get': read('staff', byId, personDetailSchema),
  'student.create': write(
    'staff',
    z.strictObject({
      firstName: line(),
      lastName: line(),
      preferredName: line().nullable().default(null),
      grade: line(20),
      homeroom: line(100).nullable().default(null),
    }),
    studentSchema,
  ),
  'student.get': read('staff', byId, studentDetailSchema),
  'link.set': write(
    'staff',
    z.strictObject({
      studentId: id,
      personId: id,
      relationship: line(60),
      legalGuardian: z.boolean().default(false),
      livesWith: z.boolean().default(false),
      emergencyContact: z.boolean().default(false),
      pickup: pickupPermission.default('allowed'),
      officeNote: text(2_000).nullable().default(null),
    }),
    studentPersonLinkSchema,
  ),

  'visit.pickupCheck': read(
    'staff',
    z.strictObject({ personId: id, studentIds: z.array(id).min(1).max(20) }),
    z.array(pickupWarningSchema),
  ),
  'visit.signIn': write(
    'staff',
    z.strictObject({
      visitor: visitorInput,
      studentIds: z.array(id).max(20).default([]),
      purpose: visitPurpose,
      seeing: line().nullable().default(null),
      language: languageTag.nullable().default(null),
      interpreterUsed: z.boolean().default(false),
      /** Must be true when the pickup check finds warnings; the visit records that it was. */
      acknowledgePickupWarnings: z.boolean().default(false),
    }),
    visitViewSchema,
  ),
  'visit.signOut': write('staff', z.strictObject({ visitId: id }), visitViewSchema),
  'visit.signOutAll': write('staff', nothing, z.object({ count: z.int() })),
  'visit.inBuilding': read('staff', nothing, z.array(visitViewSchema)),
  'visit.today': read(
    'staff',
    z.strictObject({ text: filterText(200).default('') }),
    z.object({ total: z.int(), visits: z.array(visitViewSchema) }),
  ),
  'contact.forPerson': read(
    'staff',
    z.strictObject({ personId: id, limit: z.int().min(1).max(500).default(50) }),
    z.array(contactSchema),
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
