import { TZDate } from '@date-fns/tz';
import { differenceInMinutes, format as formatDate, formatDistance, parseISO } from 'date-fns';
import { defineMessages, type MessageDescriptor } from 'react-intl';
import { UNPLACED_GRADE } from '../../contract/families';
import { VISIT_PURPOSES, type VisitPurpose } from '../../contract/records';
import { dateLocale, t, uiLanguage } from '../i18n/intl';
import { AUTONYMS, FAMILY_LANGUAGE_NAMES } from './languageNames';

/** date-fns's format with the window's month and day names. */
const format = (date: Date, pattern: string) => formatDate(date, pattern, { locale: dateLocale() });

/**
 * A table of words read in the window's language each time a word is read, so a table
 * defined once at load follows a language switch.
 */
export function wordTable<K extends string>(
  messages: Record<K, MessageDescriptor>,
): Readonly<Record<K, string>> {
  const table = {} as Record<K, string>;
  for (const key of Object.keys(messages) as K[])
    Object.defineProperty(table, key, { enumerable: true, get: () => t(messages[key]) });
  return table;
}

const displayNames = new Map<string, Intl.DisplayNames>();
/**
 * The browser's name for `code` in `language`, or nothing when its data has none there: for
 * a language it has no names in, Intl falls back to another's (English), which is not a name
 * in that language.
 */
function browserName(language: string, code: string): string | undefined {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'language', fallback: 'none' });
    displayNames.set(language, names);
  }
  if (names.resolvedOptions().locale.split('-')[0] !== language.split('-')[0]) return undefined;
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

const ourName = (code: string) =>
  (FAMILY_LANGUAGE_NAMES as Record<string, MessageDescriptor | undefined>)[code];

/** A language's name in the window's language: "Vietnamese", "vietnamita"; else its tag. */
export function languageName(code: string | null): string | null {
  if (!code) return null;
  const ours = ourName(code);
  return ours ? t(ours) : (browserName(uiLanguage(), code) ?? code);
}

/** Whether Hearth can name the language at all (the browser or ui/languageNames.ts). */
export const isNamedLanguage = (code: string): boolean =>
  !!ourName(code) || !!browserName('en', code);

/**
 * A language's name in itself: "Español", "Tiếng Việt", "العربية", "Af-Soomaali"; the
 * window's name for it when neither Hearth nor the browser knows its own.
 */
export function ownLanguageName(code: string): string {
  const own = AUTONYMS[code] ?? browserName(code, code);
  if (!own) return languageName(code) ?? code;
  return own.charAt(0).toLocaleUpperCase(code) + own.slice(1);
}

/**
 * What a list of languages shows: the name a reader of the window knows, then the name its
 * speakers know when they differ ("Vietnamese · Tiếng Việt"), so either can be typed to find it.
 */
export function languageChoice(code: string): string {
  const here = languageName(code) ?? code;
  const own = ownLanguageName(code);
  return here.toLocaleLowerCase() === own.toLocaleLowerCase() ? own : `${here} · ${own}`;
}

/** Languages offered at the desk; a family's own language is added when it is not listed. */
export const COMMON_LANGUAGES = [
  'en',
  'es',
  'vi',
  'so',
  'ar',
  'hmn',
  'zh',
  'ht',
  'fr',
  'pt',
  'ru',
  'uk',
  'ko',
  'tl',
  'am',
  'ne',
  'my',
  'sw',
  'fa',
  'ps',
];

export function fullName(p: {
  firstName: string;
  lastName: string | null;
  preferredName?: string | null;
}): string {
  const first = p.preferredName ? `${p.firstName} (${p.preferredName})` : p.firstName;
  return p.lastName ? `${first} ${p.lastName}` : first;
}

/** "Grade 3", "Grade K"; a student being enrolled whose grade is not decided says so. */
export function gradeLabel(grade: string): string {
  return grade === UNPLACED_GRADE
    ? t({ defaultMessage: 'Grade not decided yet', id: 'Uj4geb' })
    : t({ defaultMessage: 'Grade {grade}', id: 'twbl5p' }, { grade });
}

/**
 * Every time on screen is the school's: a front-desk computer whose clock is set to another
 * zone must still show when a visitor came in as the school counts it. The shell sets the
 * zone once the school is known; until then (first run) the computer's own applies.
 */
let displayZone: string | undefined;
export function setDisplayTimeZone(timeZone: string | undefined): void {
  displayZone = timeZone;
}
const inSchoolZone = (iso: string) => new TZDate(new Date(iso), displayZone);

export function clockTime(iso: string): string {
  return format(inSchoolZone(iso), 'h:mm a');
}

/** A time on the school's clock as stored ("13:30"), shown as clockTime shows instants. */
export function timeOfDay(hhmm: string): string {
  return format(new Date(2000, 0, 1, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5))), 'h:mm a');
}

/** The school day of an instant: "5 Nov 2026". */
export const schoolDay = (iso: string): string => format(inSchoolZone(iso), 'd MMM yyyy');

const LONG_DATE_TIME = { en: 'EEEE d MMMM yyyy, h:mm a', es: "EEEE d 'de' MMMM 'de' yyyy, h:mm a" };

export function exactDate(iso: string): string {
  return format(inSchoolZone(iso), LONG_DATE_TIME[uiLanguage()]);
}

/** "just now", "12 min", "1 h 5 min": short enough to scan down a list. */
export function elapsed(sinceIso: string, now: Date): string {
  const minutes = Math.max(0, differenceInMinutes(now, new Date(sinceIso)));
  if (minutes < 1) return t({ defaultMessage: 'just now', id: 'I90sbW' });
  if (minutes < 60) return t({ defaultMessage: '{minutes} min', id: 'Rt7ew6' }, { minutes });
  const hours = Math.floor(minutes / 60);
  return minutes % 60
    ? t(
        { defaultMessage: '{hours} h {minutes} min', id: 'gXryZe' },
        { hours, minutes: minutes % 60 },
      )
    : t({ defaultMessage: '{hours} h', id: 'VW5079' }, { hours });
}

const PURPOSE_WORDS = wordTable<VisitPurpose>(
  defineMessages({
    pickup: { defaultMessage: 'Pickup / early dismissal', id: 'WxjMBE' },
    drop_off: { defaultMessage: 'Drop-off', id: 'i8A5Jo' },
    meeting: { defaultMessage: 'Meeting', id: 'wmi6TT' },
    volunteer: { defaultMessage: 'Volunteer', id: 't/RA/0' },
    question: { defaultMessage: 'Question', id: 'kgOBET' },
    concern: { defaultMessage: 'Concern', id: '7x2uqB', description: 'a visit purpose' },
    enrollment: { defaultMessage: 'Enrollment', id: 'I9pv2I' },
    other: { defaultMessage: 'Other', id: 'YjylNM', description: 'a visit purpose' },
  }),
);

export const PURPOSES: readonly { value: VisitPurpose; readonly label: string }[] =
  VISIT_PURPOSES.map((value) => ({
    value,
    get label() {
      return PURPOSE_WORDS[value];
    },
  }));

export function purposeLabel(value: VisitPurpose): string {
  return PURPOSE_WORDS[value] ?? value;
}

/** How a guardian who said yes to a warned pickup was reached. */
export const GUARDIAN_CALL_WORDS = wordTable(
  defineMessages({
    phone: { defaultMessage: 'Phone call', id: 'N+KvN9' },
    text: { defaultMessage: 'Text message', id: '8rvn8L' },
    in_person: { defaultMessage: 'In person', id: 'Mi4J8Y' },
  }),
);

export const PICKUP_WORDS = wordTable(
  defineMessages({
    allowed: { defaultMessage: 'May pick up', id: 'xaQQNc' },
    not_allowed: { defaultMessage: 'Not allowed to pick up', id: 'dH5Avd' },
    see_office: { defaultMessage: 'See office before release', id: '5pociD' },
    not_listed: { defaultMessage: 'Not listed for this student', id: 'Ig9jyd' },
  }),
);

const INTERPRETER_NEEDS = wordTable(
  defineMessages({
    spoken: { defaultMessage: 'Needs an interpreter (spoken)', id: '98TTGD' },
    written: { defaultMessage: 'Needs translation (written)', id: 'pH/B29' },
    both: { defaultMessage: 'Needs an interpreter and translation', id: 'Sxr8QO' },
  }),
);

/** What a family needs to understand the school, in words; nothing when they need nothing. */
export const interpreterWords = (need: 'none' | 'spoken' | 'written' | 'both'): string | null =>
  need === 'none' ? null : INTERPRETER_NEEDS[need];

export const PERSON_KIND_WORDS = wordTable(
  defineMessages({
    caregiver: { defaultMessage: 'caregiver', id: 'xm4G9W' },
    relative: { defaultMessage: 'relative', id: 'EdXH+K' },
    community_member: { defaultMessage: 'community member', id: 'UEz+hw' },
    visitor: { defaultMessage: 'visitor', id: 'bjvTEl' },
  }),
);

/** Who someone is, as a form offers it. */
export const PERSON_KIND_CHOICES = wordTable(
  defineMessages({
    caregiver: { defaultMessage: 'Caregiver', id: 'dz1JYi' },
    relative: { defaultMessage: 'Relative', id: 'csFahs' },
    community_member: { defaultMessage: 'Community member', id: 'YTiTpT' },
    visitor: { defaultMessage: 'Visitor', id: 'OGqTOQ' },
  }),
);

/** The interpreter choices as a form offers them. */

export const INTERPRETER_CHOICES = wordTable(
  defineMessages({
    none: { defaultMessage: 'Not needed', id: '81OmRV' },
    spoken: { defaultMessage: 'For spoken conversations', id: 'QDAmz4' },
    written: { defaultMessage: 'For written messages', id: 'N+6wil' },
    both: { defaultMessage: 'Spoken and written', id: 'x8gLkP' },
  }),
);

export const CHANNEL_WORDS = wordTable(
  defineMessages({
    text: {
      defaultMessage: 'Text',
      id: '0cTY31',
      description: 'a text message, as a way to reach a family',
    },
    call: { defaultMessage: 'Call', id: 'wpjf/q', description: 'a phone call' },
    email: { defaultMessage: 'Email', id: 'sy+pv5' },
    paper: { defaultMessage: 'Paper', id: 'lrdFIK' },
    in_person: { defaultMessage: 'In person', id: 'Mi4J8Y' },
  }),
);

/** Today's date in the school's time zone, "2026-11-23", to compare with due dates. */
export function schoolToday(timeZone: string, now = new Date()): string {
  return formatDate(new TZDate(now, timeZone), 'yyyy-MM-dd');
}

/** A school day (yyyy-MM-dd) as "1 Aug 2026". */
export const dayWords = (date: string): string => format(parseISO(date), 'd MMM yyyy');

/** "Overdue since Mon 16 Nov", "Due today", "Due Thu 26 Nov". */
export function dueWords(dueOn: string, today: string): string {
  const day = format(
    parseISO(dueOn),
    dueOn.slice(0, 4) === today.slice(0, 4) ? 'EEE d MMM' : 'EEE d MMM yyyy',
  );
  if (dueOn < today) return t({ defaultMessage: 'Overdue since {day}', id: 'Fcr6RS' }, { day });
  if (dueOn === today) return t({ defaultMessage: 'Due today', id: 'QUXFCm' });
  return t({ defaultMessage: 'Due {day}', id: 'cQlFAL' }, { day });
}

/** "23 Nov 2026, 7:33:05 PM": compact, to the second, for logs. */
export function logTime(iso: string): string {
  return format(inSchoolZone(iso), 'd MMM yyyy, h:mm:ss a');
}

/** Tone in words with a mark, never colour alone. */
export const TONE_WORDS = wordTable(
  defineMessages({
    good_news: { defaultMessage: 'Good news', id: 'qz6BY+' },
    information: { defaultMessage: 'Information', id: 'E80WrK' },
    concern: { defaultMessage: 'Concern', id: 'MyZKow', description: 'the tone of a contact' },
  }),
);

export const DIRECTION_WORDS = wordTable(
  defineMessages({
    school_to_family: { defaultMessage: 'School → family', id: '+PGL3Z' },
    family_to_school: { defaultMessage: 'Family → school', id: 'rRavQg' },
    two_way: { defaultMessage: 'Two-way', id: 'IcxN3r' },
  }),
);

const CONTACT_KINDS = defineMessages({
  call: { defaultMessage: 'Call', id: 'wpjf/q', description: 'a phone call' },
  text: {
    defaultMessage: 'Text',
    id: '0cTY31',
    description: 'a text message, as a way to reach a family',
  },
  email: { defaultMessage: 'Email', id: 'sy+pv5' },
  note_home: { defaultMessage: 'Note home', id: 'lxVJ5g' },
  conference: { defaultMessage: 'Conference', id: 'E0mu0B' },
  home_visit: { defaultMessage: 'Home visit', id: 'EiWUNJ' },
  walk_in: { defaultMessage: 'Walk-in', id: 'JuK/J2' },
  meeting: { defaultMessage: 'Meeting', id: 'wmi6TT' },
  event: { defaultMessage: 'Event', id: 'm1czzY' },
});

export const CONTACT_KIND_WORDS = wordTable(CONTACT_KINDS);

export const TIMELINE_KIND_WORDS = wordTable({
  ...CONTACT_KINDS,
  ...defineMessages({
    strength: { defaultMessage: 'Strength', id: 'C2lUBe' },
    voice: { defaultMessage: 'Family voice', id: 'G5x1km' },
    note: { defaultMessage: 'Note', id: 'qMePPG' },
  }),
});

export const STRENGTH_CATEGORY_WORDS = wordTable(
  defineMessages({
    skill: { defaultMessage: 'Skill', id: 'GFhSwY' },
    talent: { defaultMessage: 'Talent', id: 'COeQsW' },
    profession: { defaultMessage: 'Profession', id: 'Qrx/5y' },
    language: {
      defaultMessage: 'Language',
      id: 'Azlgpv',
      description: 'a kind of strength a family has',
    },
    cultural_tradition: { defaultMessage: 'Cultural tradition', id: 'U4Aa8y' },
    interest: { defaultMessage: 'Interest', id: 'R0pjij' },
    time_to_give: { defaultMessage: 'Time to give', id: 'gM/ELf' },
  }),
);

export const STRENGTH_SOURCE_WORDS = wordTable(
  defineMessages({
    home_visit: { defaultMessage: 'Home visit', id: 'EiWUNJ' },
    conference: { defaultMessage: 'Conference', id: 'E0mu0B' },
    walk_in: { defaultMessage: 'Walk-in', id: 'JuK/J2' },
    survey: { defaultMessage: 'Survey', id: 'uN+hBf' },
    other: { defaultMessage: 'Other', id: '/1gOfq', description: 'where a strength was learned' },
  }),
);

export const VOICE_KIND_WORDS = wordTable(
  defineMessages({
    suggestion: { defaultMessage: 'Suggestion', id: '7j77pC' },
    concern: { defaultMessage: 'Concern', id: '8O6gQG', description: 'something a family raised' },
    question: { defaultMessage: 'Question', id: 'kgOBET' },
  }),
);

export const VOICE_STEP_WORDS = wordTable(
  defineMessages({
    raised: { defaultMessage: 'Raised', id: 'VKEyNC' },
    heard: { defaultMessage: 'Heard', id: 'UEUUka' },
    acted: { defaultMessage: 'Acted on', id: 'LBwUoJ' },
    told: { defaultMessage: 'Family told', id: '5GJu0M' },
  }),
);

export const PLACE_WORDS = wordTable(
  defineMessages({
    home: { defaultMessage: 'At home', id: 'WM8AFe' },
    community: { defaultMessage: 'Community place', id: '+X0y+E' },
    virtual: { defaultMessage: 'Virtual', id: 'EwcwoZ' },
  }),
);

export const HOME_VISIT_STATUS_WORDS = wordTable(
  defineMessages({
    planned: { defaultMessage: 'Planned', id: 'kp0NPF' },
    completed: { defaultMessage: 'Completed', id: '95stPq' },
    cancelled: { defaultMessage: 'Cancelled', id: '3wsVWF' },
    declined: { defaultMessage: 'Declined by the family', id: 'Uzx+6d' },
  }),
);

export const FOLLOW_UP_STATUS_WORDS = wordTable(
  defineMessages({
    open: { defaultMessage: 'open', id: 'qaumJx', description: 'a follow-up not done yet' },
    done: { defaultMessage: 'done', id: 'B7ijKz' },
    cancelled: { defaultMessage: 'cancelled', id: '8XMLza' },
  }),
);

export const DUPLICATE_REASON_WORDS = wordTable(
  defineMessages({
    phone: { defaultMessage: 'same phone', id: 'b8u9iX' },
    email: { defaultMessage: 'same email', id: 'Pfy9dc' },
    name: { defaultMessage: 'similar name', id: 'JuQbCc' },
  }),
);

/** "3 days ago", "in 2 hours": for lists; the exact date goes in a title. */
export function relative(iso: string, now = new Date()): string {
  return formatDistance(new Date(iso), now, { addSuffix: true, locale: dateLocale() });
}

/** A date and time as a datetime-local input shows it, in the school's time zone. */
export function toSchoolLocal(iso: string, timeZone: string): string {
  return formatDate(new TZDate(new Date(iso), timeZone), "yyyy-MM-dd'T'HH:mm");
}

/** What a datetime-local input holds, read in the school's time zone, as an instant. */
export function fromSchoolLocal(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, m, d, h, min] = match.map(Number) as number[];
  return new Date(
    new TZDate(
      y as number,
      (m as number) - 1,
      d as number,
      h as number,
      min as number,
      timeZone,
    ).getTime(),
  ).toISOString();
}

/** "Thu 26 Nov, 4:00 PM" in the school's time zone; with the year when it is not this one. */
export function schoolDateTime(iso: string, timeZone: string, now = new Date()): string {
  const at = new TZDate(new Date(iso), timeZone);
  const thisYear = at.getFullYear() === new TZDate(now, timeZone).getFullYear();
  return format(at, thisYear ? 'EEE d MMM, h:mm a' : 'EEE d MMM yyyy, h:mm a');
}
