import { TZDate } from '@date-fns/tz';

/**
 * School days as instants: a day (yyyy-MM-dd) starts at midnight in the school's time zone.
 * Instants are written as the write path writes them (UTC, `Z`), because stores compare them
 * as text; a TZDate's own toISOString keeps its offset and would not compare.
 */
export function dayStart(date: string, timeZone: string, plusDays = 0): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d + plusDays, timeZone).getTime()).toISOString();
}

/** The instant after a day ends in the school's time zone (the next day's start). */
export const dayEnd = (date: string, timeZone: string): string => dayStart(date, timeZone, 1);
