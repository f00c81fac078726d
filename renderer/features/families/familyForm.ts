import { defineMessages } from 'react-intl';
import { t } from '../../i18n/intl';
import { z } from 'zod';
import {
  CHANNELS,
  linkFactsInput,
  newFamilyInput,
  newPersonInput,
  newStudentInput,
  type Channel,
  type Person,
  type PickupPermission,
} from '../../../contract';

/**
 * The add-a-family form as it is typed: strings where the contract wants nulls, and fixed
 * slots (one phone, one channel) where it wants lists. `clean` turns it into the contract's
 * input, and the contract's own schema validates that, so the form and the core can never
 * disagree on what is valid. Field paths are the contract's, so the core's issues land on
 * the right field.
 */
export interface MemberForm {
  /** Set when this is someone already in Hearth (the visitor, or a duplicate chosen). */
  existing: { id: string; name: string } | null;
  person: {
    firstName: string;
    lastName: string;
    kind: Person['kind'];
    phones: [string];
    email: string;
    homeLanguage: string;
    interpreter: Person['interpreter'];
    channels: [string];
  };
  relationship: string;
  legalGuardian: boolean;
  livesWith: boolean;
  emergencyContact: boolean;
  pickup: PickupPermission;
  officeNote: string;
  /** The staff member saw the duplicate warning and says this is someone new. */
  confirmedNew: boolean;
}

export interface StudentForm {
  firstName: string;
  lastName: string;
  preferredName: string;
  grade: string;
  dateOfBirth: string;
  pronouns: string;
}

export interface FamilyForm {
  name: string;
  address: string;
  members: MemberForm[];
  students: StudentForm[];
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c);

const RELATIONSHIPS = Object.values(
  defineMessages({
    mother: { defaultMessage: 'Mother', id: 'nZyvr1' },
    father: { defaultMessage: 'Father', id: 'c4OPAc' },
    parent: { defaultMessage: 'Parent', id: 'zTbLfn' },
    grandmother: { defaultMessage: 'Grandmother', id: 'pvf84C' },
    grandfather: { defaultMessage: 'Grandfather', id: '+vx9T4' },
    aunt: { defaultMessage: 'Aunt', id: 'Fi7Rqi' },
    uncle: { defaultMessage: 'Uncle', id: 'osw+9O' },
    fosterParent: { defaultMessage: 'Foster parent', id: 'm+B0Y1' },
    guardian: { defaultMessage: 'Guardian', id: 'poUf8i' },
    sibling: { defaultMessage: 'Sibling', id: 'PofCnu' },
    familyFriend: { defaultMessage: 'Family friend', id: 'n4zyZt' },
  }),
);

/** Relationships a form suggests, in the window's language; what is typed is kept as typed. */
export const relationshipSuggestions = (): string[] => RELATIONSHIPS.map((r) => t(r));

export const blankMember = (lastName = ''): MemberForm => ({
  existing: null,
  person: {
    firstName: '',
    lastName,
    kind: 'caregiver',
    phones: [''],
    email: '',
    homeLanguage: '',
    interpreter: 'none',
    channels: [''],
  },
  relationship: '',
  legalGuardian: true,
  livesWith: true,
  emergencyContact: true,
  pickup: 'allowed',
  officeNote: '',
  confirmedNew: false,
});

export const blankStudent = (lastName = ''): StudentForm => ({
  firstName: '',
  lastName,
  preferredName: '',
  grade: '',
  dateOfBirth: '',
  pronouns: '',
});

export function cleanStudent(s: StudentForm) {
  return {
    firstName: s.firstName,
    lastName: s.lastName,
    preferredName: orNull(s.preferredName),
    grade: s.grade,
    dateOfBirth: orNull(s.dateOfBirth),
    pronouns: orNull(s.pronouns),
  };
}

function cleanMember(m: MemberForm) {
  const link = {
    relationship: m.relationship,
    legalGuardian: m.legalGuardian,
    livesWith: m.livesWith,
    emergencyContact: m.emergencyContact,
    pickup: m.pickup,
    officeNote: m.pickup === 'allowed' ? null : orNull(m.officeNote),
  };
  if (m.existing) return { person: { personId: m.existing.id }, ...link };
  const p = m.person;
  return {
    person: {
      firstName: p.firstName,
      lastName: orNull(p.lastName),
      kind: p.kind,
      phones: p.phones.filter((n) => n.trim()),
      email: orNull(p.email),
      homeLanguage: orNull(p.homeLanguage),
      interpreter: p.interpreter,
      channels: p.channels.filter(isChannel),
    },
    ...link,
  };
}

export const cleanFamily = (form: FamilyForm, visitId: string | null) => ({
  name: form.name,
  address: orNull(form.address),
  members: form.members.map(cleanMember),
  students: form.students.map(cleanStudent),
  visitId,
});

export const studentFormSchema = z.preprocess((v: StudentForm) => cleanStudent(v), newStudentInput);

/**
 * The form's validation, from the contract's own parts. Someone already in Hearth has
 * nothing to check here (`person: null`); the contract's input is a union of the two kinds
 * of member, whose errors a form could not place on a field, so the form checks a new
 * person's fields directly and the core checks the whole input again.
 */
export const familyFormSchema = z.preprocess(
  (form: FamilyForm) => {
    const input = cleanFamily(form, null);
    return {
      ...input,
      members: input.members.map((m, i) => ({
        ...m,
        person: form.members[i]?.existing ? null : m.person,
      })),
    };
  },
  z.object({
    name: newFamilyInput.shape.name,
    address: newFamilyInput.shape.address,
    members: z.array(
      z.object({
        person: newPersonInput.omit({ householdId: true }).partial({ kind: true }).nullable(),
        ...linkFactsInput,
      }),
    ),
    students: z.array(newStudentInput),
  }),
);
