import type { Period } from './view';

/**
 * The periods Insights offers, as days the school counts (its time zone), from today's date
 * there. The school year starts on 1 August (db/ops/families.ts says why); its two terms are
 * August to December and January to July. A school with another calendar picks a custom
 * range. Pure: dates are ISO strings, compared as text.
 */

export const PERIOD_KINDS = ['year', 'term', 'month', 'custom'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
const parts = (date: string) => date.split('-').map(Number) as [number, number, number];

export function schoolYearOf(today: string): Period {
  const [year, month] = parts(today);
  const start = month >= 8 ? year : year - 1;
  return { from: `${start}-08-01`, to: today };
}

export function termOf(today: string): Period {
  const [year, month] = parts(today);
  return { from: month >= 8 ? `${year}-08-01` : `${year}-01-01`, to: today };
}

export function monthOf(today: string): Period {
  const [year, month] = parts(today);
  return { from: `${year}-${pad(month)}-01`, to: today };
}

export function presetPeriod(kind: Exclude<PeriodKind, 'custom'>, today: string): Period {
  if (kind === 'year') return schoolYearOf(today);
  return kind === 'term' ? termOf(today) : monthOf(today);
}

/** The same days a year earlier (29 February becomes the 28th). */
export function yearBefore({ from, to }: Period): Period {
  const back = (date: string) => {
    const [y, m, d] = parts(date);
    return `${y - 1}-${pad(m)}-${pad(m === 2 && d === 29 ? 28 : d)}`;
  };
  return { from: back(from), to: back(to) };
}

/** The months a period touches, as yyyy-MM, in order. */
export function monthsOf({ from, to }: Period): string[] {
  const months: string[] = [];
  let [y, m] = parts(from);
  const [endY, endM] = parts(to);
  while (y < endY || (y === endY && m <= endM)) {
    months.push(`${y}-${pad(m)}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}
