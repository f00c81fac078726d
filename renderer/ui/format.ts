import { TZDate } from '@date-fns/tz';
import { differenceInMinutes, format, formatDistance, parseISO } from 'date-fns';
import { UNPLACED_GRADE, type VisitPurpose } from '../../contract';

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageName(code: string | null): string | null {
  if (!code) return null;
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
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
  return grade === UNPLACED_GRADE ? 'Grade not decided yet' : `Grade ${grade}`;
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

/** The school day of an instant: "5 Nov 2026". */
export const schoolDay = (iso: string): string => format(inSchoolZone(iso), 'd MMM yyyy');

export function exactDate(iso: string): string {
  return format(inSchoolZone(iso), 'EEEE d MMMM yyyy, h:mm a');
}

/** "just now", "12 min", "1 h 5 min": short enough to scan down a list. */
export function elapsed(sinceIso: string, now: Date): string {
  const minutes = Math.max(0, differenceInMinutes(now, new Date(sinceIso)));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

export const PURPOSES: { value: VisitPurpose; label: string }[] = [
  { value: 'pickup', label: 'Pickup / early dismissal' },
  { value: 'drop_off', label: 'Drop-off' },
  { value: 'meeting', label: 'Meeting' },
  { value: 'volunteer', label: 'Volunteer' },
  { value: 'question', label: 'Question' },
  { value: 'concern', label: 'Concern' },
  { value: 'enrollment', label: 'Enrollment' },
  { value: 'other', label: 'Other' },
];

export function purposeLabel(value: VisitPurpose): string {
  return PURPOSES.find((p) => p.value === value)?.label ?? value;
}

export const PICKUP_WORDS = {
  allowed: 'May pick up',
  not_allowed: 'Not allowed to pick up',
  see_office: 'See office before release',
  not_listed: 'Not listed for this student',
} as const;

export const INTERPRETER_WORDS = {
  none: null,
  spoken: 'Needs an interpreter (spoken)',
  written: 'Needs translation (written)',
  both: 'Needs an interpreter and translation',
} as const;

export const PERSON_KIND_WORDS = {
  caregiver: 'caregiver',
  relative: 'relative',
  community_member: 'community member',
  visitor: 'visitor',
} as const;

/** The interpreter choices as a form offers them. */
export const INTERPRETER_CHOICES = {
  none: 'Not needed',
  spoken: 'For spoken conversations',
  written: 'For written messages',
  both: 'Spoken and written',
} as const;

export const CHANNEL_WORDS = {
  text: 'Text',
  call: 'Call',
  email: 'Email',
  paper: 'Paper',
  in_person: 'In person',
} as const;

/** Today's date in the school's time zone, "2026-11-23", to compare with due dates. */
export function schoolToday(timeZone: string, now = new Date()): string {
  return format(new TZDate(now, timeZone), 'yyyy-MM-dd');
}

/** A school day (yyyy-MM-dd) as "1 Aug 2026". */
export const dayWords = (date: string): string => format(parseISO(date), 'd MMM yyyy');

/** "Overdue since Mon 16 Nov", "Due today", "Due Thu 26 Nov". */
export function dueWords(dueOn: string, today: string): string {
  const day = format(
    parseISO(dueOn),
    dueOn.slice(0, 4) === today.slice(0, 4) ? 'EEE d MMM' : 'EEE d MMM yyyy',
  );
  if (dueOn < today) return `Overdue since ${day}`;
  if (dueOn === today) return 'Due today';
  return `Due ${day}`;
}

/** "23 Nov 2026, 7:33:05 PM": compact, to the second, for logs. */
export function logTime(iso: string): string {
  return format(inSchoolZone(iso), 'd MMM yyyy, h:mm:ss a');
}

/** Tone in words with a mark, never colour alone. */
export const TONE_WORDS = {
  good_news: { label: 'Good news' },
  information: { label: 'Information' },
  concern: { label: 'Concern' },
} as const;

export const DIRECTION_WORDS = {
  school_to_family: 'School → family',
  family_to_school: 'Family → school',
  two_way: 'Two-way',
} as const;

export const CONTACT_KIND_WORDS = {
  call: 'Call',
  text: 'Text',
  email: 'Email',
  note_home: 'Note home',
  conference: 'Conference',
  home_visit: 'Home visit',
  walk_in: 'Walk-in',
  meeting: 'Meeting',
  event: 'Event',
} as const;

export const TIMELINE_KIND_WORDS = {
  ...CONTACT_KIND_WORDS,
  strength: 'Strength',
  voice: 'Family voice',
  note: 'Note',
} as const;

export const STRENGTH_CATEGORY_WORDS = {
  skill: 'Skill',
  talent: 'Talent',
  profession: 'Profession',
  language: 'Language',
  cultural_tradition: 'Cultural tradition',
  interest: 'Interest',
  time_to_give: 'Time to give',
} as const;

export const STRENGTH_SOURCE_WORDS = {
  home_visit: 'Home visit',
  conference: 'Conference',
  walk_in: 'Walk-in',
  survey: 'Survey',
  other: 'Other',
} as const;

export const VOICE_KIND_WORDS = {
  suggestion: 'Suggestion',
  concern: 'Concern',
  question: 'Question',
} as const;

export const VOICE_STEP_WORDS = {
  raised: 'Raised',
  heard: 'Heard',
  acted: 'Acted on',
  told: 'Family told',
} as const;

export const PLACE_WORDS = {
  home: 'At home',
  community: 'Community place',
  virtual: 'Virtual',
} as const;

export const HOME_VISIT_STATUS_WORDS = {
  planned: 'Planned',
  completed: 'Completed',
  cancelled: 'Cancelled',
  declined: 'Declined by the family',
} as const;

export const DUPLICATE_REASON_WORDS = {
  phone: 'same phone',
  email: 'same email',
  name: 'similar name',
} as const;

/** "3 days ago", "in 2 hours": for lists; the exact date goes in a title. */
export function relative(iso: string, now = new Date()): string {
  return formatDistance(new Date(iso), now, { addSuffix: true });
}

/** A date and time as a datetime-local input shows it, in the school's time zone. */
export function toSchoolLocal(iso: string, timeZone: string): string {
  return format(new TZDate(new Date(iso), timeZone), "yyyy-MM-dd'T'HH:mm");
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
