import {
  NO_STRENGTH_STEPS,
  VOICE_NOT_YET_HEARD,
  newId,
  type School,
  type Staff,
  type Strength,
} from '../../contract';
import type { Store } from '../store';
import type { Writer } from '../write';
import { random } from './generate';
import { onSchoolDay } from './school-days';

/** Minutes after midnight, school time: calls, notes and meetings happen 8:00 to 16:30. */
const SCHOOL_HOURS = { from: 8 * 60, minutes: 8.5 * 60 };
/** A home visit starts after school, at 16:00. */
const AFTER_SCHOOL = 16 * 60;

const STRENGTHS: Pick<Strength, 'category' | 'description'>[] = [
  { category: 'skill', description: 'Vegetable gardening; offered to help with the school garden' },
  { category: 'profession', description: 'Carpenter; could build shelves for the reading corner' },
  { category: 'language', description: 'LANGUAGE; happy to interpret at events' },
  { category: 'cultural_tradition', description: 'Makes paper lanterns for Lunar New Year' },
  { category: 'talent', description: 'Plays guitar and sings; would play at family night' },
  { category: 'time_to_give', description: 'Free on Friday mornings to read with a class' },
  { category: 'interest', description: 'Loves soccer; could help coach the after-school team' },
  { category: 'skill', description: 'Sews costumes for plays and celebrations' },
  { category: 'language', description: 'LANGUAGE; can translate letters home' },
  { category: 'profession', description: 'Nurse at the county clinic; could talk on career day' },
  {
    category: 'cultural_tradition',
    description: 'Cooks dishes from home for the school potlucks',
  },
  { category: 'interest', description: 'Birdwatching; knows the trails by the river' },
];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** A language strength names the family's own home language, so the demo agrees with itself. */
function speaks(homeLanguage: string | null): string {
  if (!homeLanguage || homeLanguage === 'en') return 'Speaks English and Spanish';
  return `Speaks ${languageNames.of(homeLanguage) ?? homeLanguage} and English`;
}

const CONTACTS = [
  {
    kind: 'call',
    direction: 'school_to_family',
    tone: 'good_news',
    summary: 'Called to share how kind they were to a new classmate.',
  },
  {
    kind: 'text',
    direction: 'school_to_family',
    tone: 'information',
    summary: 'Reminder about picture day on Thursday.',
  },
  {
    kind: 'note_home',
    direction: 'school_to_family',
    tone: 'good_news',
    summary: 'Sent a note home about great progress in reading.',
  },
  {
    kind: 'call',
    direction: 'family_to_school',
    tone: 'concern',
    summary: 'Worried about the bus arriving late; checked with transportation.',
  },
  {
    kind: 'conference',
    direction: 'two_way',
    tone: 'information',
    summary: 'Fall conference: goals for math and reading agreed together.',
  },
  {
    kind: 'email',
    direction: 'family_to_school',
    tone: 'information',
    summary: 'Asked how to join the family reading night.',
  },
  {
    kind: 'event',
    direction: 'two_way',
    tone: 'good_news',
    summary: 'Came to the harvest festival and helped at the food table.',
  },
] as const;

const VOICE = [
  { kind: 'suggestion', summary: 'More books in Spanish in the school library' },
  { kind: 'concern', summary: 'The crosswalk on Cedar St needs a crossing guard' },
  { kind: 'question', summary: 'Could family nights start after 6 pm for working parents?' },
  { kind: 'suggestion', summary: 'A WhatsApp group for class announcements' },
] as const;

/**
 * Contacts, strengths, family voice and home visits for the first demo families, so the
 * family pages, the strengths directory and the home-visit list show something real.
 */
export function createDemoFamilyLife(
  store: Store,
  writer: Writer,
  now: Date,
  school: School,
  staff: Staff[],
): void {
  const rand = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const by = (role: Staff['role']) => staff.find((s) => s.role === role) as Staff;
  const liaison = by('liaison');
  const households = store
    .sql(
      `SELECT h.id, p.id AS person_id, p.home_language FROM households h
       LEFT JOIN people p ON p.id =
         (SELECT q.id FROM people q WHERE q.household_id = h.id ORDER BY q.pk LIMIT 1)
       WHERE h.school_id = ? ORDER BY h.pk LIMIT 60`,
    )
    .all(school.id) as { id: string; person_id: string | null; home_language: string | null }[];
  /** A time in school hours, `days` school days before today. */
  const ago = (days: number) =>
    onSchoolDay(
      now,
      school.timeZone,
      -days,
      SCHOOL_HOURS.from + Math.floor(rand() * SCHOOL_HOURS.minutes),
    );

  households.forEach((family, i) => {
    const contacts = i < 40 ? 2 + Math.floor(rand() * 5) : 0;
    for (let c = 0; c < contacts; c++) {
      const contact = pick(CONTACTS);
      const at = ago(1 + Math.floor(rand() * 57));
      writer.insert('contacts', {
        id: newId(at.getTime()),
        schoolId: school.id,
        personId: family.person_id,
        studentIds: [],
        ...contact,
        language: null,
        interpreterUsed: false,
        staffId: pick(staff).id,
        occurredAt: at.toISOString(),
        visitId: null,
        householdId: family.id,
        homeVisitId: null,
        correctsId: null,
        recordedBy: null,
      });
    }
    if (i % 2 === 0) {
      const strength = STRENGTHS[(i / 2) % STRENGTHS.length] as (typeof STRENGTHS)[number];
      const at = ago(2 + Math.floor(rand() * 43));
      writer.insert('strengths', {
        ...NO_STRENGTH_STEPS,
        id: newId(at.getTime()),
        schoolId: school.id,
        householdId: family.id,
        personId: family.person_id,
        category: strength.category,
        description: strength.description.replace('LANGUAGE', speaks(family.home_language)),
        consent: i % 10 === 4 ? 'recorder_only' : 'staff',
        source: pick(['home_visit', 'conference', 'walk_in', 'survey'] as const),
        recordedBy: liaison.id,
        recordedAt: at.toISOString(),
        homeVisitId: null,
      });
    }
    if (i % 5 === 1) {
      const voice = VOICE[((i - 1) / 5) % VOICE.length] as (typeof VOICE)[number];
      const raisedDaysAgo = 4 + Math.floor(rand() * 28);
      const raised = ago(raisedDaysAgo);
      // Heard two school days later, in the afternoon.
      const heard =
        i % 3 !== 0
          ? onSchoolDay(now, school.timeZone, 2 - raisedDaysAgo, AFTER_SCHOOL).toISOString()
          : null;
      writer.insert('voice_items', {
        id: newId(raised.getTime()),
        schoolId: school.id,
        householdId: family.id,
        personId: family.person_id,
        ...voice,
        raisedAt: raised.toISOString(),
        recordedBy: by('front_office').id,
        ...VOICE_NOT_YET_HEARD,
        heardBy: heard ? by('coordinator').id : null,
        heardAt: heard,
      });
    }
    if (i < 4) {
      const at = onSchoolDay(now, school.timeZone, (i + 1) * 2, AFTER_SCHOOL);
      writer.insert('home_visits', {
        id: newId(now.getTime()),
        schoolId: school.id,
        householdId: family.id,
        status: 'planned',
        scheduledAt: at.toISOString(),
        place: i === 2 ? 'community' : 'home',
        placeDetail: i === 2 ? 'Public library, meeting room B' : null,
        purpose: 'Get to know the family and hear their hopes for the year',
        staffIds: [liaison.id],
        present: null,
        hopes: null,
        concerns: null,
        outcomeNote: null,
        createdBy: liaison.id,
        createdAt: now.toISOString(),
        closedBy: null,
        closedAt: null,
      });
    }
  });
}
