import type { CallInput } from '../contract';
import type { Core } from '../db/core';
import { ok, tempCore } from './helpers';

/**
 * A small school where every figure is counted by hand (America/Chicago; "today" is
 * 20 November 2026; the school year began on 1 August):
 *
 * - Ahmed family: Amal (Arabic, needs a spoken interpreter, prefers text); students in grades 3
 *   and K. A liaison called with good news on 3 Sep (in Arabic, with an interpreter); Amal
 *   raised a concern on 10 Oct (in English). Voice: a suggestion raised 1 Oct, heard 2 Oct,
 *   acted on 5 Oct, told 11 Oct. A home visit planned for 10 Nov. A skill shared with staff,
 *   which the school invited Amal to share on 20 Oct and she contributed on 5 Nov.
 * - Brown family: Bo (English, prefers a call); a student in grade 3. The administrator wrote
 *   about a concern on 5 Sep (in English) and they talked over good news on 2 Nov (no language
 *   recorded). Voice: a question raised 15 Nov, open. A home visit on 20 Oct, declined. A
 *   strength shared only with its recorder (never counted).
 * - Chen family: Chun (Chinese, needs written translation, prefers email); a student in grade
 *   1. Good news last school year (1 May 2026), nothing since.
 * - Diaz family: Dani (Spanish); no students, never contacted.
 *
 * `admin` is the staff member signed in (an administrator); `liaison` makes Ahmed's contacts.
 */
export function buildHandCountedSchool(
  core: Core,
  at: (iso: string) => void,
  { admin, liaison }: { admin: string; liaison: string },
): void {
  const family = (input: CallInput<'family.create'>) => {
    const household = ok(core, 'family.create', input);
    const [person] = ok(core, 'family.get', { householdId: household.id }).members;
    return { householdId: household.id, personId: person?.id ?? '' };
  };
  const ahmed = family({
    name: 'Ahmed family',
    members: [
      {
        person: {
          firstName: 'Amal',
          homeLanguage: 'ar',
          interpreter: 'spoken',
          channels: ['text'],
        },
        relationship: 'Mother',
      },
    ],
    students: [
      { firstName: 'Sami', lastName: 'Ahmed', grade: '3' },
      { firstName: 'Lina', lastName: 'Ahmed', grade: 'K' },
    ],
  });
  const brown = family({
    name: 'Brown family',
    members: [
      {
        person: { firstName: 'Bo', homeLanguage: 'en', channels: ['call'] },
        relationship: 'Father',
      },
    ],
    students: [{ firstName: 'Ben', lastName: 'Brown', grade: '3' }],
  });
  const chen = family({
    name: 'Chen family',
    members: [
      {
        person: {
          firstName: 'Chun',
          homeLanguage: 'zh',
          interpreter: 'written',
          channels: ['email'],
        },
        relationship: 'Mother',
      },
    ],
    students: [{ firstName: 'Mei', lastName: 'Chen', grade: '1' }],
  });
  family({
    name: 'Diaz family',
    members: [{ person: { firstName: 'Dani', homeLanguage: 'es' }, relationship: 'Aunt' }],
  });
  const log = (
    f: { householdId: string; personId: string },
    occurredAt: string,
    more: Partial<CallInput<'contact.log'>>,
  ) =>
    ok(core, 'contact.log', {
      householdId: f.householdId,
      personId: f.personId,
      kind: 'call',
      direction: 'school_to_family',
      tone: 'information',
      summary: 'A call.',
      occurredAt,
      ...more,
    });
  log(ahmed, '2026-09-03T15:00:00Z', {
    tone: 'good_news',
    language: 'ar',
    interpreterUsed: true,
    staffId: liaison,
  });
  log(ahmed, '2026-10-10T15:00:00Z', {
    tone: 'concern',
    direction: 'family_to_school',
    language: 'en',
    staffId: liaison,
  });
  log(brown, '2026-09-05T15:00:00Z', { tone: 'concern', kind: 'email', language: 'en' });
  log(brown, '2026-11-02T15:00:00Z', { tone: 'good_news', direction: 'two_way' });
  log(chen, '2026-05-01T15:00:00Z', { tone: 'good_news' });

  at('2026-10-01T15:00:00Z');
  const idea = ok(core, 'voice.create', {
    householdId: ahmed.householdId,
    kind: 'suggestion',
    summary: 'A homework club.',
  });
  at('2026-10-02T15:00:00Z');
  ok(core, 'voice.advance', { id: idea.id, step: 'heard' });
  at('2026-10-05T15:00:00Z');
  ok(core, 'voice.advance', { id: idea.id, step: 'acted', note: 'Room 12 on Tuesdays.' });
  at('2026-10-11T15:00:00Z');
  ok(core, 'voice.advance', { id: idea.id, step: 'told', note: 'Told Amal.' });
  at('2026-11-15T15:00:00Z');
  ok(core, 'voice.create', {
    householdId: brown.householdId,
    kind: 'question',
    summary: 'When are conferences?',
  });
  at('2026-10-15T15:00:00Z');
  const declined = ok(core, 'homeVisit.plan', {
    householdId: brown.householdId,
    scheduledAt: '2026-10-20T22:00:00Z',
    place: 'home',
    purpose: 'Get to know the family',
    staffIds: [admin],
  });
  ok(core, 'homeVisit.close', { id: declined.id, status: 'declined' });
  ok(core, 'homeVisit.plan', {
    householdId: ahmed.householdId,
    scheduledAt: '2026-11-10T22:00:00Z',
    place: 'home',
    purpose: 'Get to know the family',
    staffIds: [liaison],
  });
  const carpentry = ok(core, 'strength.create', {
    householdId: ahmed.householdId,
    category: 'skill',
    description: 'Carpentry',
    consent: 'staff',
    source: 'conference',
  });
  at('2026-10-20T15:00:00Z');
  ok(core, 'strength.advance', { id: carpentry.id, step: 'invited' });
  at('2026-11-05T15:00:00Z');
  ok(core, 'strength.advance', { id: carpentry.id, step: 'contributed' });
  ok(core, 'strength.create', {
    householdId: brown.householdId,
    category: 'talent',
    description: 'Sings',
    consent: 'recorder_only',
    source: 'conference',
  });
  at('2026-11-20T18:00:00Z');
}

/** The hand-counted school on a computer of its own, "today" 20 November 2026. */
export function handCountedSchool(): { core: Core } {
  let now = new Date('2026-11-20T18:00:00Z');
  const core = tempCore({ setup: 'school', now: () => now });
  const admin = ok(core, 'staff.list', {})[0]?.id ?? '';
  const liaison = ok(core, 'staff.create', {
    displayName: 'Lena Liaison',
    role: 'liaison',
    password: 'liaison password',
  }).id;
  buildHandCountedSchool(
    core,
    (iso) => {
      now = new Date(iso);
    },
    { admin, liaison },
  );
  return { core };
}
