import type { CallInput, Staff } from '../contract';
import { callOrThrow, type Core } from '../db/core';

/**
 * Shared test data with no test-runner hooks, so end-to-end harnesses can use it too.
 */
export const TEST_PASSWORD = 'correct horse battery';

export const TEST_SCHOOL = {
  schoolName: 'Lincoln Elementary',
  timeZone: 'America/Chicago',
  staffName: 'Pat Front',
  password: TEST_PASSWORD,
} satisfies CallInput<'setup.school'>;

/** The code a test district's first setup carries (the server is built with it). */
export const TEST_SETUP_CODE = 'TEST-SETU-P000';

/** A medication order at school as a nurse types it, for the student given; change what a test needs. */
export const medOrder = (studentId: string): CallInput<'health.saveMedOrder'> => ({
  studentId,
  medication: 'Methylphenidate',
  dose: '10 mg',
  route: 'oral',
  times: ['11:30'],
  asNeeded: false,
  instructions: null,
  startOn: '2026-09-01',
  endOn: null,
  supplyCount: 30,
  lowSupplyAt: 5,
  authorisedBy: 'Dr. Osei',
  secondCheck: false,
});

/** Sign in the first staff member `which` picks (the first listed by default). */
export function signInStaff(
  core: Core,
  password: string,
  which: (staff: Staff) => boolean = () => true,
): void {
  const staff = callOrThrow(core, 'staff.list', {}).find(which);
  callOrThrow(core, 'session.signIn', { staffId: staff?.id ?? '', password });
}

/** Rosa Pickering, and her uncle Wendell, who may not pick her up (`officeNote` says why). */
export function restrictedPickup(core: Core, officeNote: string) {
  const person = callOrThrow(core, 'person.create', {
    firstName: 'Wendell',
    lastName: 'Pickering',
    kind: 'relative',
  });
  const student = callOrThrow(core, 'student.create', {
    firstName: 'Rosa',
    lastName: 'Pickering',
    grade: '2',
  });
  callOrThrow(core, 'link.set', {
    studentId: student.id,
    personId: person.id,
    relationship: 'Uncle',
    pickup: 'not_allowed',
    officeNote,
  });
  return { person, student };
}
