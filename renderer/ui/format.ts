import { TZDate } from '@date-fns/tz';
import { differenceInMinutes, format, parseISO } from 'date-fns';
import type { VisitPurpose } from '../../contract';

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

export function clockTime(iso: string): string {
  return format(new Date(iso), 'h:mm a');
}

export function exactDate(iso: string): string {
  return format(new Date(iso), 'EEEE d MMMM yyyy, h:mm a');
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

/** "Overdue since Mon 16 Nov", "Due today", "Due Thu 26 Nov". */
export function dueWords(dueOn: string, today: string): string {
  const day = format(parseISO(dueOn), 'EEE d MMM');
  if (dueOn < today) return `Overdue since ${day}`;
  if (dueOn === today) return 'Due today';
  return `Due ${day}`;
}

/** "23 Nov 2026, 7:33:05 PM": compact, to the second, for logs. */
export function logTime(iso: string): string {
  return format(new Date(iso), 'd MMM yyyy, h:mm:ss a');
}
