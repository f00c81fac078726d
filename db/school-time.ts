import { tzOffset } from '@date-fns/tz';

const DAY_MS = 86_400_000;

/**
 * An SQL expression for the school-local month (yyyy-MM) of an ISO instant column. SQLite
 * knows no time zones, so the offsets in force between `from` and `to` are listed here (a
 * change of offset, as at daylight saving, starts a new segment) and the expression picks the
 * segment's offset. Returns the SQL and the values it binds, in order.
 */
export function localMonthSql(
  column: string,
  from: string,
  to: string,
  timeZone: string,
): { sql: string; params: (string | number)[] } {
  const segments: { until: string | null; minutes: number }[] = [];
  let minutes = tzOffset(timeZone, new Date(from));
  // Offsets change at most a few times a year, on the hour: a daily probe finds each change,
  // and a binary search pins it to the millisecond.
  for (let t = Date.parse(from); t < Date.parse(to); t += DAY_MS) {
    const next = tzOffset(timeZone, new Date(Math.min(t + DAY_MS, Date.parse(to))));
    if (next === minutes) continue;
    let low = t;
    let high = Math.min(t + DAY_MS, Date.parse(to));
    while (high - low > 1) {
      const mid = low + Math.floor((high - low) / 2);
      if (tzOffset(timeZone, new Date(mid)) === minutes) low = mid;
      else high = mid;
    }
    segments.push({ until: new Date(high).toISOString(), minutes });
    minutes = next;
  }
  segments.push({ until: null, minutes });
  const shift = `strftime('%Y-%m', ${column}, ? || ' minutes')`;
  if (segments.length === 1) return { sql: shift, params: [minutes] };
  const params: (string | number)[] = [];
  const cases = segments.map(({ until, minutes: m }) => {
    if (until === null) {
      params.push(m);
      return `ELSE ${shift}`;
    }
    params.push(until, m);
    return `WHEN ${column} < ? THEN ${shift}`;
  });
  return { sql: `(CASE ${cases.join(' ')} END)`, params };
}
