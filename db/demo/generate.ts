import {
  DEMO_PASSWORD,
  type Person,
  type PickupPermission,
  type School,
  type Staff,
  type SyncedRecord,
  type SyncedTable,
  newId,
  defaultTeams,
} from '../../contract';
import { addStaff } from '../ops/staff';
import { derivePassword, type UnlockedStaffKeys } from '../privacy/credentials';
import type { Store } from '../store';
import type { NewRecord, Writer } from '../write';

/** Where generated records go: straight into the write path, or collected first (benchmarks). */
export type RecordSink = <T extends SyncedTable>(table: T, record: SyncedRecord<T>) => void;

export const writeTo =
  (writer: Writer): RecordSink =>
  (table, record) => {
    writer.insert(table, record);
  };

/** Collects generated records for the write path's `insertMany` (a bulk load). */
export const collectInto =
  (records: NewRecord[]): RecordSink =>
  (table, record) => {
    // The sink's table and record agree by its signature; the union type cannot say so.
    records.push({ table, record } as NewRecord);
  };
import { NAME_POOLS, OFFICE_NOTES, STAFF_NAMES, type NamePool } from './names';

/** Deterministic PRNG (mulberry32) so the demo school and benchmark data are reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoSize {
  students: number;
  people: number;
}

export const DEMO_SIZE: DemoSize = { students: 600, people: 1000 };
export const BENCH_SIZE: DemoSize = { students: 60_000, people: 100_000 };

const GRADES = ['K', '1', '2', '3', '4', '5', '6', '7', '8'];
// Relationship words are kept neutral: the generator does not know anyone's gender.
const CAREGIVER_RELATIONSHIPS = [
  'Parent',
  'Grandparent',
  'Aunt or uncle',
  'Guardian',
  'Foster parent',
  'Stepparent',
  'Older sibling',
  'Family friend',
];

export function createDemoSchool(
  writer: Writer,
  now: Date,
  name = 'Riverside Elementary (demo)',
): School {
  return writer.insert('schools', {
    id: newId(),
    name,
    timeZone: 'America/Chicago',
    createdAt: now.toISOString(),
  });
}

export function createDemoStaff(
  store: Store,
  writer: Writer,
  now: Date,
  school: School,
): { staff: Staff; keys: UnlockedStaffKeys }[] {
  // One KDF run for all: it is deliberately slow, and demo passwords are no secret.
  const password = derivePassword(DEMO_PASSWORD);
  return STAFF_NAMES.map((s) =>
    addStaff(
      store,
      writer,
      now,
      school.id,
      { displayName: s.displayName, role: s.role, teams: defaultTeams(s.role) },
      password,
    ),
  );
}

/**
 * Families for a school: households of one to three students with one to three caregivers
 * each, until the requested numbers are reached. About one link in 25 carries a pickup
 * restriction with an office note.
 */
export function createDemoFamilies(
  sink: RecordSink,
  school: School,
  size: DemoSize,
  seed = 42,
): { people: number; students: number; links: number } {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const totalWeight = NAME_POOLS.reduce((n, p) => n + p.weight, 0);
  const pool = (): NamePool => {
    let r = rand() * totalWeight;
    for (const p of NAME_POOLS) if ((r -= p.weight) < 0) return p;
    return NAME_POOLS[0] as NamePool;
  };
  const createdAt = new Date().toISOString();
  let people = 0;
  let students = 0;
  let links = 0;
  let household = 0;
  while (people < size.people || students < size.students) {
    household++;
    const lang = pool();
    const familyName = pick(lang.family);
    const householdId = newId();
    sink('households', {
      id: householdId,
      schoolId: school.id,
      name: `${familyName} family`,
      address: `${100 + Math.floor(rand() * 9800)} ${pick(['Maple', 'Cedar', 'River', 'Lake', 'Oak', 'Hill'])} ${pick(['St', 'Ave', 'Rd'])}`,
    });

    // No two people of a family share a first name (siblings, caregivers).
    const taken = new Set<string>();
    const freshName = () => {
      let name = pick(lang.given);
      for (let tries = 0; taken.has(name) && tries < 20; tries++) name = pick(lang.given);
      taken.add(name);
      return name;
    };
    const caregiverIds: {
      id: string;
      relationship: string;
      pickup: PickupPermission;
      note: string | null;
    }[] = [];
    const caregiverCount =
      people < size.people ? 1 + Math.floor(rand() * Math.min(3, size.people - people)) : 0;
    for (let i = 0; i < caregiverCount; i++) {
      const relationship =
        i === 0
          ? pick(['Parent', 'Parent', 'Guardian', 'Grandparent'])
          : pick(CAREGIVER_RELATIONSHIPS);
      const restricted = rand() < 0.04;
      const pickup: PickupPermission = restricted
        ? rand() < 0.5
          ? 'not_allowed'
          : 'see_office'
        : 'allowed';
      const interpreter =
        lang.language !== 'en' && rand() < 0.45 ? pick(['spoken', 'both'] as const) : 'none';
      const person: Person = {
        id: newId(),
        schoolId: school.id,
        firstName: freshName(),
        lastName: rand() < 0.12 ? pick(lang.family) : familyName,
        kind: i === 2 ? 'relative' : 'caregiver',
        phones: [
          `(${300 + Math.floor(rand() * 600)}) 555-${String(Math.floor(rand() * 10000)).padStart(4, '0')}`,
        ],
        email: rand() < 0.5 ? `family${household}.${i}@example.org` : null,
        householdId: i === 2 ? null : householdId,
        homeLanguage: lang.language,
        interpreter,
        channels:
          rand() < 0.5 ? ['text', 'call'] : rand() < 0.5 ? ['call', 'paper'] : ['email', 'text'],
        bestTimes:
          rand() < 0.3 ? pick(['After 5 pm', 'Mornings before 8', 'Weekends', 'Lunchtime']) : null,
        doNotContact: null,
        createdAt,
        mergedIntoId: null,
      };
      sink('people', person);
      people++;
      caregiverIds.push({
        id: person.id,
        relationship,
        pickup,
        note: pickup === 'allowed' ? null : pick(OFFICE_NOTES[pickup]),
      });
    }

    const studentCount =
      students < size.students ? 1 + Math.floor(rand() * Math.min(3, size.students - students)) : 0;
    for (let s = 0; s < studentCount; s++) {
      const studentId = newId();
      sink('students', {
        id: studentId,
        schoolId: school.id,
        firstName: freshName(),
        lastName: familyName,
        preferredName: rand() < 0.08 ? pick(lang.given) : null,
        grade: pick(GRADES),
        homeroom: `Room ${1 + Math.floor(rand() * 30)}`,
        source: 'roster',
        rosterId: null,
        dateOfBirth: null,
        pronouns: null,
        mergedIntoId: null,
      });
      students++;
      caregiverIds.forEach((c, i) => {
        sink('student_person_links', {
          id: newId(),
          schoolId: school.id,
          studentId,
          personId: c.id,
          relationship: c.relationship,
          legalGuardian: i === 0,
          livesWith: i < 2,
          emergencyContact: true,
          pickup: c.pickup,
          officeNote: c.note,
        });
        links++;
      });
    }
  }
  return { people, students, links };
}
