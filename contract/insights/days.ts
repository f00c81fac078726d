import { TZDate } from '@date-fns/tz';
import { schoolYearOf } from './periods';
import type { Period } from './view';

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

/** The instants a period's figures are gathered between, in the school's time zone. */
export interface PeriodBounds {
  /** The period's first instant. */
  from: string;
  /** The instant after its last day. */
  end: string;
  /** The start of the school year the period ends in ("this school year" for its figures). */
  yearStart: string;
  /** Where contact scans start: the earlier of `from` and `yearStart`. */
  scanFrom: string;
}

export function periodBounds(period: Period, timeZone: string): PeriodBounds {
  const from = dayStart(period.from, timeZone);
  const yearStart = dayStart(schoolYearOf(period.to).from, timeZone);
  return {
    from,
    end: dayEnd(period.to, timeZone),
    yearStart,
    scanFrom: from < yearStart ? from : yearStart,
  };
}
