import { FAMILIES_CSV_TEMPLATE, type CallInput, type CallName, type Staff } from '../contract';
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
 * Inputs for the calls that every table trying each call (privacy, validation) tries alike.
 * `ids` is read when a call is tried: a household of the school, whose id also stands for a
 * record of another kind that does not exist (a roll call, a goal, a caution).
 */
export function commonCallSamples(ids: () => { household: string }) {
  return {
    'app.status': () => ({}),
    'setup.demo': () => ({}),
    'staff.list': () => ({}),
    'session.lock': () => ({}),
    'session.setLanguage': () => ({ language: 'es' }),
    'papers.dropped': () => ({}),
    'settings.setPapersFolder': () => ({ folder: null }),
    'settings.setIdleLock': () => ({ minutes: 10 }),
    'settings.setBadges': () => ({ printAtSignIn: true, layout: 'letter' }),
    'family.get': () => ({ householdId: ids().household }),
    'followUp.forFamily': () => ({ householdId: ids().household }),
    'homeVisit.mine': () => ({}),
    'voice.open': () => ({}),
    'visit.signOutAll': () => ({}),
    'visit.signOutByCode': () => ({ code: 'K7QM-2XPD' }),
    'visit.log': () => ({ from: '2026-11-01', to: '2026-11-30', purpose: 'pickup', text: 'ana' }),
    'visit.exportLog': () => ({ from: '2026-11-01', to: '2026-11-30' }),
    'visit.inBuilding': () => ({}),
    'followUp.mine': () => ({}),
    'family.exportList': () => ({ grade: '3' }),
    'families.import': () => ({
      format: 'families-csv',
      fileName: 'families.csv',
      text: FAMILIES_CSV_TEMPLATE,
    }),
    'backup.list': () => ({}),
    'backup.now': () => ({}),
    'goal.list': () => ({}),
    'strength.advance': () => ({ id: ids().household, step: 'invited' }),
    'goal.set': () => ({
      title: 'Every family hears good news',
      measure: 'goodNews',
      target: 100,
      startsOn: '2026-08-01',
      dueOn: '2026-10-31',
    }),
    'goal.retire': () => ({ id: ids().household }),
    'rollCall.start': () => ({ kind: 'drill' }),
    'rollCall.current': () => ({}),
    'rollCall.setKind': () => ({ id: ids().household, kind: 'emergency' }),
    'rollCall.end': () => ({ id: ids().household }),
    'rollCall.list': () => ({}),
    'caution.list': () => ({}),
    'caution.match': () => ({ fullName: 'Dale Smith', phones: ['312 555 0199'] }),
    'caution.add': () => ({
      fullName: 'Dale Smith',
      phones: ['312 555 0199'],
      reason: 'Trespass notice: call the principal.',
      photo: null,
      expiresOn: '2099-06-30',
    }),
    'caution.update': () => ({
      id: ids().household,
      fullName: 'Dale Smith',
      phones: [],
      reason: 'See the principal.',
      photo: null,
      expiresOn: null,
    }),
    'caution.retire': () => ({ id: ids().household }),
    'goal.waitingFamily': () => ({ householdId: ids().household }),
    'insights.get': () => ({ period: { from: '2026-08-01', to: '2026-11-30' } }),
    'setup.startOverToJoin': () => ({}),
    // A name that is not a backup here: the restore is refused without touching anything.
    'backup.restore': () => ({ name: 'hearth-20260101-000000-manual.sqlite' }),
    'sync.status': () => ({}),
    'sync.join': () => ({
      serverUrl: 'https://hearth.district.example',
      code: 'ABCD-EFGH-JKMN',
      deviceName: 'Front desk',
    }),
    'sync.now': () => ({}),
    'sync.review': () => ({}),
    'sync.resolveConflict': () => ({ id: 1, keep: 'mine' }),
    'sync.dismissRejection': () => ({ seq: 1 }),
  } satisfies { [C in CallName]?: () => CallInput<C> };
}

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
