import { newId, type School, type Staff, type Visit } from '../../contract';
import { personName } from '../ops/summaries';
import { walkInContact } from '../ops/visits';
import type { Store } from '../store';
import type { Writer } from '../write';
import { random } from './generate';
import { onSchoolDay } from './school-days';

/** School days of walk-ins before the demo's today: the visitor log's week and then some. */
const SCHOOL_DAYS = 8;

/**
 * What brings a family to the desk, with the school hours it happens in (earliest, latest,
 * in minutes after midnight where the school is), how long it lasts, and how often (weight).
 */
const REASONS: {
  purpose: Visit['purpose'];
  from: number;
  to: number;
  stays: [number, number];
  weight: number;
  /** Whom they came to see; a student is named unless null. */
  seeing: string[] | null;
  withStudent: boolean;
}[] = [
  {
    purpose: 'drop_off',
    from: 485,
    to: 580,
    stays: [2, 6],
    weight: 4,
    seeing: null,
    withStudent: true,
  },
  {
    purpose: 'pickup',
    from: 660,
    to: 890,
    stays: [3, 10],
    weight: 4,
    seeing: null,
    withStudent: true,
  },
  {
    purpose: 'meeting',
    from: 480,
    to: 900,
    stays: [20, 45],
    weight: 2,
    seeing: ['Ms. Alvarez, counselor', 'Dr. Brooks', 'Mr. Chen, grade 3 teacher'],
    withStudent: true,
  },
  {
    purpose: 'volunteer',
    from: 510,
    to: 780,
    stays: [60, 120],
    weight: 1,
    seeing: ['Library', 'Room 12'],
    withStudent: false,
  },
  {
    purpose: 'question',
    from: 470,
    to: 920,
    stays: [4, 12],
    weight: 2,
    seeing: ['Office'],
    withStudent: false,
  },
  {
    purpose: 'enrollment',
    from: 540,
    to: 840,
    stays: [25, 40],
    weight: 1,
    seeing: ['Registrar'],
    withStudent: false,
  },
];

/**
 * A week and a half of the front desk before the demo's today: late arrivals, early
 * dismissals, meetings and volunteers, each signed in by a front-office member and signed out,
 * each in its family's contact history as a walk-in (as `visit.signIn` writes it). So the
 * visitor log, its late-arrivals list and the walk-ins in Insights show something real; the
 * building is empty and today's log is the demo user's own.
 */
export function createDemoVisits(
  store: Store,
  writer: Writer,
  now: Date,
  school: School,
  staff: Staff[],
): void {
  const rand = random(11);
  const between = (low: number, high: number) => low + Math.floor(rand() * (high - low + 1));
  const desk = staff.filter((s) => s.role === 'front_office');
  // Caregivers who may take their student home, with the student and how they like to talk.
  const caregivers = store
    .sql(
      `SELECT p.id, p.first_name, p.last_name, p.household_id, p.home_language, p.interpreter,
         l.student_id
       FROM student_person_links l JOIN people p ON p.id = l.person_id
       WHERE p.school_id = ? AND l.pickup = 'allowed' AND l.legal_guardian = 1
       ORDER BY l.pk LIMIT 120`,
    )
    .all(school.id) as {
    id: string;
    first_name: string;
    last_name: string | null;
    household_id: string | null;
    home_language: string | null;
    interpreter: string;
    student_id: string;
  }[];
  if (caregivers.length === 0 || desk.length === 0) return;
  const totalWeight = REASONS.reduce((sum, r) => sum + r.weight, 0);
  const reason = () => {
    let left = rand() * totalWeight;
    return REASONS.find((r) => (left -= r.weight) < 0) ?? (REASONS[0] as (typeof REASONS)[0]);
  };

  for (let daysBack = 1; daysBack <= SCHOOL_DAYS; daysBack++) {
    const visits = between(4, 8);
    for (let v = 0; v < visits; v++) {
      const why = reason();
      const who = caregivers[Math.floor(rand() * caregivers.length)] as (typeof caregivers)[0];
      const signedIn = onSchoolDay(now, school.timeZone, -daysBack, between(why.from, why.to));
      const signedOut = new Date(signedIn.getTime() + between(...why.stays) * 60_000);
      const language = who.home_language && who.home_language !== 'en' ? who.home_language : null;
      const visit = writer.insert('visits', {
        id: newId(signedIn.getTime()),
        schoolId: school.id,
        personId: who.id,
        visitorName: personName(who),
        studentIds: why.withStudent ? [who.student_id] : [],
        purpose: why.purpose,
        seeing: why.seeing ? (why.seeing[between(0, why.seeing.length - 1)] as string) : null,
        language,
        interpreterUsed: language !== null && who.interpreter !== 'none',
        signedInAt: signedIn.toISOString(),
        signedOutAt: signedOut.toISOString(),
        greetedBy: (desk[v % desk.length] as Staff).id,
        pickupWarnings: [],
        pickupAcknowledgedAt: null,
        guardianConfirmation: null,
        signOutWarnings: null,
        signOutAcknowledgedAt: null,
        cautionIds: null,
        badgeCode: null,
      });
      writer.insert('contacts', walkInContact(visit, who.household_id));
    }
  }
}
