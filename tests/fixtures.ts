import type { CallInput, CallName, Staff } from '../contract';
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

/**
 * An input for every health call, for the tables that try each call (privacy, validation).
 * `ids` is read when a call is tried: a student, and an id that names no such record.
 */
export function healthCallSamples(ids: () => { student: string; missing: string }): {
  [C in Extract<CallName, `health.${string}`>]: () => CallInput<C>;
} {
  return {
    'health.visitStart': () => ({ studentId: ids().student, reason: 'illness', assessment: null }),
    'health.visitEnd': () => ({
      id: ids().missing,
      reason: 'illness',
      disposition: 'back_to_class',
      careGiven: 'Rest and water.',
    }),
    'health.today': () => ({}),
    'health.withNurse': () => ({}),
    'health.profile': () => ({ studentId: ids().student }),
    'health.saveProfile': () => ({
      studentId: ids().student,
      consent: 'agreed',
      allergies: [{ allergen: 'Peanuts', severity: 'life_threatening', reaction: 'Anaphylaxis' }],
      conditions: [{ kind: 'asthma', note: null }],
      carePlan: {
        summary: 'Epinephrine auto-injector; call 911.',
        keptAt: 'Health office binder',
        prescriber: 'Dr. Osei',
        reviewOn: '2027-08-01',
      },
    }),
    'health.flag': () => ({ studentId: ids().student }),
    'health.medOrders': () => ({ studentId: ids().student }),
    'health.saveMedOrder': () => ({ ...medOrder(ids().student), endOn: '2027-06-15' }),
    'health.stopMedOrder': () => ({ id: ids().missing }),
    'health.recordDose': () => ({ orderId: ids().missing, slot: '11:30', outcome: 'given' }),
    'health.day': () => ({}),
    'health.familyNote': () => ({
      visitId: ids().missing,
      personId: null,
      forFamily: 'Rested; back to class.',
    }),
    'health.report': () => ({ from: '2026-09-01', to: '2026-12-04' }),
  };
}

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
