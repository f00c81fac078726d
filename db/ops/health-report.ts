import { TZDate } from '@date-fns/tz';
import type { DoseContent, HealthReport, HealthVisitContent } from '../../contract';
import { requireSchool, type Handlers } from '../context';
import { openContent } from '../privacy/keyring';
import { schoolDaysBounds } from '../school-day';
import { HEALTH, requireHealthTeam } from './health-team';

/** Counts of `keys`, most first; ties in the order first seen. */
function tally<K>(keys: readonly K[]): { key: K; count: number }[] {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count);
}

export const healthReportHandlers = {
  /**
   * The health team's counts over a span of days. Every visit and entry in the span is
   * opened to count it; the report shows counts only, so no read of one student's record is
   * audited (the calls themselves are the health team's alone).
   */
  'health.report': (ctx, { from, to }): HealthReport => {
    const { keyring } = requireHealthTeam(ctx);
    const school = requireSchool(ctx);
    const { since, until } = schoolDaysBounds(from, to, school.timeZone);
    const visits = ctx.store
      .sql(
        `SELECT h.id, h.arrived_at, h.sealed, s.grade FROM health_visits h
         JOIN students s ON s.id = h.student_id
         WHERE h.school_id = ? AND h.arrived_at >= ? AND h.arrived_at < ?`,
      )
      .all(school.id, since, until) as {
      id: string;
      arrived_at: string;
      sealed: string;
      grade: string;
    }[];
    const reasons = visits.map(
      (v) => (openContent(keyring, HEALTH, v.id, v.sealed) as HealthVisitContent | null)?.reason,
    );
    const doses = ctx.store
      .sql(
        `SELECT d.id, d.sealed FROM med_doses d
         WHERE d.school_id = ? AND d.for_day BETWEEN ? AND ?
           AND NOT EXISTS (SELECT 1 FROM med_doses c WHERE c.corrects_id = d.id)`,
      )
      .all(school.id, from, to) as { id: string; sealed: string }[];
    const outcomes = doses.map(
      (d) => (openContent(keyring, HEALTH, d.id, d.sealed) as DoseContent | null)?.outcome,
    );
    const opened = <T>(values: (T | undefined)[]) => values.filter((v): v is T => v !== undefined);
    return {
      visits: visits.length,
      unreadable: reasons.filter((r) => r === undefined).length,
      byReason: tally(opened(reasons)),
      byHour: tally(visits.map((v) => new TZDate(v.arrived_at, school.timeZone).getHours())).sort(
        (a, b) => a.key - b.key,
      ),
      byGrade: tally(visits.map((v) => v.grade)),
      doses: tally(opened(outcomes)),
    };
  },
} satisfies Partial<Handlers>;
