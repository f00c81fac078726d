import {
  CONTACT_KINDS,
  VOICE_KINDS,
  newId,
  type ContactDirection,
  type ContactTone,
  type School,
} from '../../contract';
import type { Store } from '../store';
import { refreshProfiles } from '../insights/tallies';
import { random, type RecordSink } from './generate';

/**
 * A school year of partnership at scale, for the Insights benchmarks and `demo-data --scale`:
 * about 28 contacts a family over the months since 1 August (good news a little more often
 * early on, families starting a fifth of them), a home visit for every other family and
 * about one voice item a family, heard, acted on and told at the pace a busy school manages.
 * Deterministic, like the rest of the demo data. Needs the families already in the store.
 */
export interface YearSize {
  contacts: number;
  homeVisits: number;
  voiceItems: number;
}

export const YEAR_AT_SCALE: YearSize = {
  contacts: 1_000_000,
  homeVisits: 20_000,
  voiceItems: 30_000,
};

const DAY = 86_400_000;
const TONES: ContactTone[] = ['good_news', 'information', 'information', 'concern'];
const DIRECTIONS: ContactDirection[] = [
  'school_to_family',
  'school_to_family',
  'school_to_family',
  'family_to_school',
  'two_way',
];
const LANGUAGE_KNOWN = 0.6;

export function createYearOfContacts(
  store: Store,
  sink: RecordSink,
  school: School,
  staffIds: readonly string[],
  now: Date,
  size: YearSize,
): void {
  // The families' Insights profiles, as opening Insights once would have made them: a profile
  // made later counts every contact of its family again (migration 0015).
  refreshProfiles(store);
  const rand = random(11);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const families = store
    .sql(
      `SELECT h.id, (SELECT p.id FROM people p WHERE p.household_id = h.id ORDER BY p.pk LIMIT 1) AS person,
         (SELECT p.home_language FROM people p WHERE p.household_id = h.id ORDER BY p.pk LIMIT 1) AS language,
         (SELECT p.interpreter <> 'none' FROM people p WHERE p.household_id = h.id ORDER BY p.pk LIMIT 1) AS interpreter
       FROM households h WHERE h.school_id = ?`,
    )
    .all(school.id) as {
    id: string;
    person: string | null;
    language: string | null;
    interpreter: number | null;
  }[];
  if (families.length === 0) return;
  const local = new Date(now);
  const yearStart = Date.UTC(
    local.getUTCMonth() >= 7 ? local.getUTCFullYear() : local.getUTCFullYear() - 1,
    7,
    1,
    14,
  );
  const span = Math.max(DAY, now.getTime() - yearStart);
  const when = () => new Date(yearStart + Math.floor(rand() * span));

  for (let i = 0; i < size.contacts; i++) {
    const family = pick(families);
    const at = when();
    const early = at.getTime() - yearStart < span / 4;
    const tone = early && rand() < 0.3 ? 'good_news' : pick(TONES);
    sink('contacts', {
      id: newId(at.getTime()),
      schoolId: school.id,
      personId: family.person,
      studentIds: [],
      kind: pick(CONTACT_KINDS),
      direction: pick(DIRECTIONS),
      tone,
      language: rand() < LANGUAGE_KNOWN ? (family.language ?? 'en') : null,
      interpreterUsed: family.interpreter === 1 && rand() < 0.7,
      summary: 'A conversation with the family.',
      staffId: pick(staffIds),
      occurredAt: at.toISOString(),
      visitId: null,
      householdId: family.id,
      homeVisitId: null,
      correctsId: null,
      recordedBy: null,
    });
  }
  const statuses = [
    'completed',
    'completed',
    'completed',
    'declined',
    'cancelled',
    'planned',
  ] as const;
  for (let i = 0; i < size.homeVisits; i++) {
    const family = families[i % families.length] as (typeof families)[number];
    const at = when();
    const status = pick(statuses);
    const staffId = pick(staffIds);
    const closed = status !== 'planned';
    sink('home_visits', {
      id: newId(at.getTime()),
      schoolId: school.id,
      householdId: family.id,
      status,
      scheduledAt: at.toISOString(),
      place: 'home',
      placeDetail: null,
      purpose: 'Get to know the family',
      staffIds: [staffId],
      present: status === 'completed' ? 'The family and the liaison.' : null,
      hopes: status === 'completed' ? 'A good year.' : null,
      concerns: null,
      outcomeNote: null,
      createdBy: staffId,
      createdAt: new Date(at.getTime() - 7 * DAY).toISOString(),
      closedBy: closed ? staffId : null,
      closedAt: closed ? at.toISOString() : null,
    });
  }
  for (let i = 0; i < size.voiceItems; i++) {
    const family = pick(families);
    const raised = when();
    const step = (from: Date, chance: number) =>
      rand() < chance
        ? new Date(Math.min(now.getTime(), from.getTime() + (1 + rand() * 20) * DAY))
        : null;
    const heard = step(raised, 0.9);
    const acted = heard && step(heard, 0.7);
    const told = acted && step(acted, 0.7);
    const staffId = pick(staffIds);
    sink('voice_items', {
      id: newId(raised.getTime()),
      schoolId: school.id,
      householdId: family.id,
      personId: family.person,
      kind: pick(VOICE_KINDS),
      summary: 'Something the family raised.',
      raisedAt: raised.toISOString(),
      recordedBy: staffId,
      heardBy: heard && staffId,
      heardAt: heard?.toISOString() ?? null,
      actedBy: acted && staffId,
      actedAt: acted?.toISOString() ?? null,
      actedNote: acted && 'Done.',
      toldBy: told && staffId,
      toldAt: told?.toISOString() ?? null,
      toldNote: told && 'Told the family.',
    });
  }
}
