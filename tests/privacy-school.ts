import type { Staff, StaffRole, Team } from '../contract';
import { callOrThrow, type Core } from '../db/core';
import { TEST_PASSWORD, medOrder } from './fixtures';

/**
 * A school with one staff member per role, a family, and canary text at every level of
 * privacy, for tests that prove restricted content reaches only its readers. No test-runner
 * hooks, so benchmarks can use it too.
 */
export const CANARY = {
  health: 'CANARY-HEALTH-asthma',
  support: 'CANARY-SUPPORT-housing',
  admin: 'CANARY-ADMIN-discipline',
  private: 'CANARY-PRIVATE-teacher',
} as const;
export type Canary = keyof typeof CANARY;
export const STAFF_NOTE = 'Visible to every staff member';

export const ROLES: { role: StaffRole; teams: Team[] }[] = [
  { role: 'administrator', teams: ['admin'] },
  { role: 'front_office', teams: [] },
  { role: 'liaison', teams: ['support'] },
  { role: 'coordinator', teams: ['support'] },
  { role: 'nurse', teams: ['health'] },
  { role: 'student_support', teams: ['support'] },
  { role: 'teacher', teams: [] },
];

export interface PrivacySchool {
  staff: Record<StaffRole, Staff>;
  /** Someone whose password and role the administrator's calls may change. */
  spare: Staff;
  studentId: string;
  personId: string;
  householdId: string;
  /** A contact every canary's follow-up was made from, so opening it shows them all. */
  contactId: string;
  notes: Record<Canary | 'staff', string>;
  followUps: Record<Canary, string>;
  signInAs(role: StaffRole): void;
}

/** Which canaries a staff member may read: their teams', and their own private one. */
export function readableCanaries(role: StaffRole): Canary[] {
  const teams = ROLES.find((r) => r.role === role)?.teams ?? [];
  return [...teams, ...(role === 'teacher' ? (['private'] as const) : [])];
}

/** Build it on a core set up with TEST_SCHOOL (whose administrator is signed in). */
export function buildPrivacySchool(core: Core): PrivacySchool {
  const ok = <N extends Parameters<typeof callOrThrow>[1]>(
    name: N,
    input: Parameters<typeof callOrThrow<N>>[2],
  ) => callOrThrow(core, name, input);
  const admin = ok('app.status', {}).staff as Staff;
  const staff = { administrator: admin } as Record<StaffRole, Staff>;
  for (const { role, teams } of ROLES.slice(1))
    staff[role] = ok('staff.create', {
      displayName: `Pat ${role}`,
      role,
      teams,
      password: TEST_PASSWORD,
    });
  const spare = ok('staff.create', {
    displayName: 'Sam Spare',
    role: 'teacher',
    password: TEST_PASSWORD,
  });
  const signInAs = (role: StaffRole) =>
    ok('session.signIn', { staffId: staff[role].id, password: TEST_PASSWORD });

  const student = ok('student.create', { firstName: 'Ana', lastName: 'Núñez', grade: '3' });
  const household = ok('household.create', { name: 'Núñez family' });
  const person = ok('person.create', {
    firstName: 'María',
    lastName: 'Núñez',
    kind: 'caregiver',
    householdId: household.id,
  });
  ok('link.set', { studentId: student.id, personId: person.id, relationship: 'Parent' });
  const contact = ok('contact.log', {
    householdId: household.id,
    kind: 'conference',
    direction: 'two_way',
    tone: 'information',
    summary: 'Talked about the term.',
    // Before every test's "now" and before the school year the tests count in.
    occurredAt: '2026-01-15T15:00:00Z',
  });

  const write = (
    role: StaffRole,
    visibility: Parameters<typeof ok<'note.create'>>[1]['visibility'],
    text: string,
  ) => {
    signInAs(role);
    const note = ok('note.create', {
      studentId: student.id,
      personId: person.id,
      visibility,
      subject: `${text} subject`,
      body: `${text} body`,
    });
    const followUp = ok('followUp.create', {
      studentId: student.id,
      visibility,
      title: `${text} task`,
      assigneeId: staff[role].id,
      dueOn: '2099-06-01',
      householdId: household.id,
      originKind: 'contact',
      originId: contact.id,
    });
    return { note: note.noteId, followUp: followUp.id };
  };
  const health = write('nurse', 'team:health', CANARY.health);
  // A visit to the health office: what happened is health content too.
  ok('health.visitStart', {
    studentId: student.id,
    reason: 'chronic_care',
    assessment: `${CANARY.health} office visit`,
  });
  ok('health.saveProfile', {
    studentId: student.id,
    consent: 'declined',
    allergies: [{ allergen: `${CANARY.health} peanuts`, severity: 'severe', reaction: null }],
    conditions: [],
    carePlan: null,
  });
  // A medication order and a dose: what the medicine is and what happened are health content.
  const order = ok('health.saveMedOrder', {
    ...medOrder(student.id),
    medication: `${CANARY.health} inhaler`,
    asNeeded: true,
  });
  ok('health.recordDose', {
    orderId: order.id,
    slot: null,
    outcome: 'refused',
    note: `${CANARY.health} dose note`,
  });
  const support = write('liaison', 'team:support', CANARY.support);
  const adminNote = write('administrator', 'team:admin', CANARY.admin);
  const privateNote = write('teacher', 'private', CANARY.private);
  const staffNote = write('front_office', 'staff', STAFF_NOTE);
  return {
    staff,
    spare,
    studentId: student.id,
    personId: person.id,
    householdId: household.id,
    contactId: contact.id,
    notes: {
      health: health.note,
      support: support.note,
      admin: adminNote.note,
      private: privateNote.note,
      staff: staffNote.note,
    },
    followUps: {
      health: health.followUp,
      support: support.followUp,
      admin: adminNote.followUp,
      private: privateNote.followUp,
    },
    signInAs,
  };
}
