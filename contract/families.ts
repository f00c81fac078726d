import { z } from 'zod';
import {
  birthDate,
  email,
  filterText,
  id,
  isoDate,
  languageTag,
  line,
  phone,
  text,
} from './fields';
import {
  CHANNELS,
  CONTACT_TONES,
  INTERPRETER_NEEDS,
  PERSON_KINDS,
  householdSchema,
  pickupPermission,
} from './records';
import { studentSummarySchema } from './views';

/**
 * Families a school adds by itself: the inputs of the forms that make a household, its
 * people and its students, and the families list with its filters. Shared by the forms (as
 * their validation) and the core (as the API table's inputs).
 */

/** Channels in the order the person prefers them, each at most once. */
export const channelsInOrder = z
  .array(z.enum(CHANNELS))
  .max(CHANNELS.length)
  .refine((list) => new Set(list).size === list.length, 'lists a channel twice');

export const personFields = {
  firstName: line(),
  lastName: line().nullable(),
  phones: z.array(phone).max(5),
  email: email.nullable(),
  householdId: id.nullable(),
  homeLanguage: languageTag.nullable(),
  interpreter: z.enum(INTERPRETER_NEEDS),
  channels: channelsInOrder,
  bestTimes: line(300).nullable(),
  doNotContact: text(2_000).nullable(),
};

/** Someone new: a name is enough, everything else may be learned later. */
export const newPersonInput = z.strictObject({
  ...personFields,
  kind: z.enum(PERSON_KINDS),
  lastName: personFields.lastName.default(null),
  phones: personFields.phones.default([]),
  email: personFields.email.default(null),
  householdId: personFields.householdId.default(null),
  homeLanguage: personFields.homeLanguage.default(null),
  interpreter: personFields.interpreter.default('none'),
  channels: personFields.channels.default([]),
  bestTimes: personFields.bestTimes.default(null),
  doNotContact: personFields.doNotContact.default(null),
});

/** How a person stands to a student: one link per pair, edited as a whole. */
export const linkFactsInput = {
  relationship: line(60),
  legalGuardian: z.boolean().default(false),
  livesWith: z.boolean().default(false),
  emergencyContact: z.boolean().default(false),
  pickup: pickupPermission.default('allowed'),
  officeNote: text(2_000).nullable().default(null),
};

/** Grades offered in forms and filters; a roster may bring others, which are kept as given. */
export const GRADE_LEVELS = [
  'PK',
  'K',
  '1',
  '2',
  '3',
  '4',
  '5',
  '6',
  '7',
  '8',
  '9',
  '10',
  '11',
  '12',
] as const;
/** The grade of a student being enrolled before the school has placed them. */
export const UNPLACED_GRADE = 'Not placed';

/** A student as typed in the app (a roster brings its own). */
export const studentFields = {
  firstName: line(),
  lastName: line(),
  preferredName: line().nullable().default(null),
  grade: line(20),
  homeroom: line(100).nullable().default(null),
  dateOfBirth: birthDate.nullable().default(null),
  pronouns: line(40).nullable().default(null),
};
export const newStudentInput = z.strictObject(studentFields);

/**
 * A person of a new family: someone already in Hearth (a visitor at the desk, a caregiver
 * found by the duplicate check), or someone new; either way with how they stand to the
 * family's students.
 */
export const newFamilyMemberInput = z.strictObject({
  person: z.union([
    z.strictObject({ personId: id }),
    newPersonInput.omit({ householdId: true }).extend({
      kind: newPersonInput.shape.kind.default('caregiver'),
    }),
  ]),
  ...linkFactsInput,
});

export const newFamilyInput = z
  .strictObject({
    name: line(),
    address: line(300).nullable().default(null),
    members: z.array(newFamilyMemberInput).max(8).default([]),
    students: z.array(newStudentInput).max(12).default([]),
    /** The walk-in this family was started from (enrollment): its visit joins their history. */
    visitId: id.nullable().default(null),
  })
  .refine(
    (family) => {
      const ids = family.members.flatMap((m) =>
        'personId' in m.person ? [m.person.personId] : [],
      );
      return new Set(ids).size === ids.length;
    },
    { message: 'lists the same person twice', path: ['members'] },
  );

export const FAMILY_SORTS = ['name', 'last_contact'] as const;

/** Each gap of the families filter: its first day and its last. */
const GAPS = [
  ['notContactedSince', 'notContactedThrough'],
  ['noGoodNewsSince', 'noGoodNewsThrough'],
] as const;

/**
 * What the families list can be narrowed to. Every filter is optional and they combine
 * (and). `notContactedDays`: no contact in at least that many days, or never.
 */
export const familyListFilterSchema = z
  .strictObject({
    text: filterText(200).default(''),
    grade: line(20).nullable().default(null),
    language: languageTag.nullable().default(null),
    interpreter: z.boolean().default(false),
    channel: z.enum(CHANNELS).nullable().default(null),
    notContactedDays: z.int().min(1).max(3650).nullable().default(null),
    lastTone: z.enum(CONTACT_TONES).nullable().default(null),
    noGoodNews: z.boolean().default(false),
    /** From Insights: families whose last contact, or last good news, came before this school day. */
    notContactedSince: isoDate.nullable().default(null),
    noGoodNewsSince: isoDate.nullable().default(null),
    /**
     * From Insights, for a period that ended before today: no contact (good news) from the
     * `…Since` day through this one, whatever came after it; with no `…Since` day, none up to
     * the end of this one. A `…Since` day after this one is refused (it would leave no days).
     */
    notContactedThrough: isoDate.nullable().default(null),
    noGoodNewsThrough: isoDate.nullable().default(null),
    openVoice: z.boolean().default(false),
    pickupCaution: z.boolean().default(false),
    sort: z.enum(FAMILY_SORTS).default('name'),
  })
  .superRefine((filter, ctx) => {
    for (const [since, through] of GAPS) {
      const [first, last] = [filter[since], filter[through]];
      if (first !== null && last !== null && first > last)
        ctx.addIssue({
          code: 'custom',
          message: 'must be on or before the last day',
          path: [since],
        });
    }
  });

/** Where the next page starts: the sort key and id of the last row shown. */
export const familyListCursorSchema = z.object({ key: z.string(), id: z.string() });

export const familyListRowSchema = z.object({
  household: householdSchema,
  caregivers: z.array(z.string()),
  students: z.array(studentSummarySchema),
  homeLanguages: z.array(z.string()),
  interpreter: z.boolean(),
  /** The first caregiver's first choice of channel. */
  channel: z.enum(CHANNELS).nullable(),
  lastContact: z.object({ at: z.string(), tone: z.enum(CONTACT_TONES) }).nullable(),
  goodNewsThisYear: z.boolean(),
  openVoice: z.int(),
  pickupCautions: z.int(),
});

/** Someone a search found who belongs to no family yet (a visitor, a caregiver not placed). */
export const unplacedPersonSchema = z.object({
  id: z.string(),
  name: z.string(),
  lastName: z.string().nullable(),
  kind: z.enum(PERSON_KINDS),
  phone: z.string().nullable(),
});

export const familyListPageSchema = z.object({
  rows: z.array(familyListRowSchema),
  next: familyListCursorSchema.nullable(),
  /** With search text, on the first page: matching people who are in no family. */
  unplaced: z.array(unplacedPersonSchema),
});

export type NewFamilyInput = z.input<typeof newFamilyInput>;
export type FamilyListFilter = z.infer<typeof familyListFilterSchema>;
export type FamilyListCursor = z.infer<typeof familyListCursorSchema>;
export type FamilyListRow = z.infer<typeof familyListRowSchema>;
export type FamilyListPage = z.infer<typeof familyListPageSchema>;
export type FamilySort = (typeof FAMILY_SORTS)[number];
