import { TEST_PASSWORD, signInStaff } from './fixtures';
import { ok, tempCore } from './helpers';

/** A school with a nurse and a front office, and a student whose mother may pick her up. */
export function healthSchool() {
  let now = new Date('2026-12-04T15:00:00Z');
  const core = tempCore({ setup: 'school', now: () => now });
  for (const [displayName, role, teams] of [
    ['Nia Nurse', 'nurse', ['health']],
    ['Omar Office', 'front_office', []],
  ] as const)
    ok(core, 'staff.create', { displayName, role, teams: [...teams], password: TEST_PASSWORD });
  const student = ok(core, 'student.create', { firstName: 'Mia', lastName: 'Lopez', grade: '3' });
  const mother = ok(core, 'person.create', {
    firstName: 'Rosa',
    lastName: 'Lopez',
    kind: 'caregiver',
    homeLanguage: 'es',
  });
  ok(core, 'link.set', {
    studentId: student.id,
    personId: mother.id,
    relationship: 'Mother',
    pickup: 'allowed',
  });
  const as = (name: string) => {
    ok(core, 'session.lock', {});
    signInStaff(core, TEST_PASSWORD, (s) => s.displayName === name);
  };
  return { core, student, mother, as, at: (iso: string) => (now = new Date(iso)) };
}
