import { differenceInCalendarDays } from 'date-fns';
import { t } from '../i18n/intl';
import { clockTime, schoolDay } from '../ui/format';

/**
 * When something happened, for a list an administrator scans: "today, 8:02 AM", "yesterday,
 * 3:15 PM", else the date and time. In the browser's own time zone: a district spans one.
 */
export function seenWords(iso: string, now: Date): string {
  const days = differenceInCalendarDays(now, new Date(iso));
  const time = clockTime(iso);
  if (days === 0) return t({ defaultMessage: 'today, {time}', id: '6tWAuD' }, { time });
  if (days === 1) return t({ defaultMessage: 'yesterday, {time}', id: 'gdTXol' }, { time });
  return t({ defaultMessage: '{day}, {time}', id: 'ZX+9wc' }, { day: schoolDay(iso), time });
}
