import { TZDate } from '@date-fns/tz';
import { addBusinessDays } from 'date-fns';

/**
 * When the demo school's records happen: on school days (Monday to Friday where the school
 * is) at a time of day people are at work, as a real school's would. Hearth keeps no holiday
 * calendar, so a demo record can still fall on a holiday.
 */

/**
 * The instant `minute` minutes after midnight, school time, on the school day `offset` school
 * days from the one holding `now` (negative: before it). From a Saturday or a Sunday, the day
 * before is Friday and the day after is Monday.
 */
export function onSchoolDay(now: Date, timeZone: string, offset: number, minute: number): Date {
  const day = addBusinessDays(new TZDate(now, timeZone), offset);
  const at = new TZDate(
    day.getFullYear(),
    day.getMonth(),
    day.getDate(),
    Math.floor(minute / 60),
    minute % 60,
    timeZone,
  );
  return new Date(at.getTime());
}
