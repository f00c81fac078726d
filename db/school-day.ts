import { TZDate } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';

/** Days as the school's calendar has them: "today" and a day's bounds in its time zone. */

let lastToday = { key: '', day: '' };

/**
 * Today's date where the school is, "2026-12-04". Every sign-in asks (the caution list's
 * expiry), and the zone arithmetic costs more than the rest of that check, so the last answer
 * is kept for its minute: every zone in use today is offset from UTC by whole minutes, so a
 * day never ends inside one.
 */
export function schoolToday(now: Date, timeZone: string): string {
  const key = `${timeZone} ${Math.floor(now.getTime() / 60_000)}`;
  if (lastToday.key !== key)
    lastToday = { key, day: format(new TZDate(now, timeZone), 'yyyy-MM-dd') };
  return lastToday.day;
}

/** The instant the school's day containing `now` began, in UTC ISO form. */
export function startOfSchoolDay(now: Date, timeZone: string): string {
  return new Date(startOfDay(new TZDate(now, timeZone)).getTime()).toISOString();
}

/** The instants (UTC ISO) from the start of `from` to the start of the day after `to`. */
export function schoolDaysBounds(
  from: string,
  to: string,
  timeZone: string,
): { since: string; until: string } {
  const at = (day: string) => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    return new TZDate(y, m - 1, d, timeZone);
  };
  return {
    since: new Date(at(from).getTime()).toISOString(),
    until: new Date(addDays(at(to), 1).getTime()).toISOString(),
  };
}
