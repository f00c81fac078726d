import { TZDate } from '@date-fns/tz';
import {
  DOSE_WINDOW_MINUTES,
  type DoseDue,
  type DoseView,
  type HealthProfileContent,
  type NurseDay,
} from '../../contract';
import { requireSchool, type Handlers } from '../context';
import { auditShown } from '../privacy/audit';
import { openContent } from '../privacy/keyring';
import { schoolToday, startOfSchoolDay } from '../school-day';
import { HEALTH, requireHealthTeam } from './health-team';
import {
  ORDER_SELECT,
  doseRows,
  doseViews,
  openOrder,
  standing,
  type OrderRow,
} from './med-records';
import { studentName } from './summaries';

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** A scheduled dose's state at `nowMinutes` on the school's clock. */
function stateOf(slot: string, nowMinutes: number, recorded: DoseView | null): DoseDue['state'] {
  if (recorded) return 'recorded';
  const at = minutesOf(slot);
  if (nowMinutes > at + DOSE_WINDOW_MINUTES) return 'overdue';
  return nowMinutes >= at - DOSE_WINDOW_MINUTES ? 'due' : 'later';
}

const STATE_ORDER: Record<DoseDue['state'], number> = { overdue: 0, due: 1, later: 2, recorded: 3 };

type AwayRow = Parameters<typeof studentName>[0] & {
  student_id: string;
  grade: string;
  since: string;
  sealed: string;
};

export const nurseDayHandlers = {
  /**
   * The nurse's day: each active order's times today (overdue first), the as-needed orders,
   * and students with a care plan known to be away (signed out early at the desk, or marked
   * not in school at a dose). Orders shown are audited as read, as are the profiles that put
   * a student on the away list.
   */
  'health.day': (ctx): NurseDay => {
    const { staff, keyring } = requireHealthTeam(ctx);
    const school = requireSchool(ctx);
    const now = ctx.now();
    const today = schoolToday(now, school.timeZone);
    const clock = new TZDate(now, school.timeZone);
    const nowMinutes = clock.getHours() * 60 + clock.getMinutes();
    const opened = (
      ctx.store
        .sql(`${ORDER_SELECT} WHERE o.school_id = ? AND o.status = 'active'`)
        .all(school.id) as OrderRow[]
    )
      .map((row) => openOrder(keyring, row))
      .filter(
        ({ content }) =>
          content !== null &&
          content.startOn <= today &&
          (content.endOn === null || content.endOn >= today),
      );
    const todays = standing(
      doseViews(
        ctx,
        keyring,
        doseRows(
          ctx,
          opened.map((o) => o.order.id),
          today,
        ),
      ),
    );
    const doses: DoseDue[] = [];
    const asNeeded: NurseDay['asNeeded'] = [];
    for (const { order, row, content } of opened) {
      if (!content) continue;
      const base = {
        orderId: order.id,
        studentId: order.studentId,
        studentName: studentName(row),
        grade: row.grade,
        medication: content.medication,
        dose: content.dose,
        route: content.route,
        secondCheck: content.secondCheck,
      };
      const own = todays.filter((d) => d.orderId === order.id);
      for (const slot of content.times) {
        const recorded = own.find((d) => d.content?.slot === slot) ?? null;
        doses.push({ ...base, slot, state: stateOf(slot, nowMinutes, recorded), recorded });
      }
      if (content.asNeeded) {
        const given = own.filter((d) => d.content?.slot === null && d.content.outcome === 'given');
        asNeeded.push({
          ...base,
          slot: null,
          state: 'recorded',
          recorded: given.at(-1) ?? null,
          givenToday: given.length,
        });
      }
    }
    doses.sort(
      (a, b) =>
        STATE_ORDER[a.state] - STATE_ORDER[b.state] ||
        (a.slot ?? '').localeCompare(b.slot ?? '') ||
        a.studentName.localeCompare(b.studentName),
    );
    asNeeded.sort((a, b) => a.studentName.localeCompare(b.studentName));

    const notInSchool = new Map(
      todays.filter((d) => d.content?.outcome === 'absent').map((d) => [d.studentId, d.recordedAt]),
    );
    const away = ctx.store
      .sql(
        `SELECT p.student_id, p.sealed, s.first_name, s.last_name, s.preferred_name, s.grade,
           (SELECT MIN(v.signed_in_at) FROM visits v, json_each(v.student_ids) j
            WHERE v.school_id = p.school_id AND v.purpose = 'pickup' AND j.value = p.student_id
              AND v.signed_in_at >= ?) AS since
         FROM health_profiles p JOIN students s ON s.id = p.student_id
         WHERE p.school_id = ? AND p.student_id IN (
           SELECT j.value FROM visits v, json_each(v.student_ids) j
           WHERE v.school_id = ? AND v.purpose = 'pickup' AND v.signed_in_at >= ?
           UNION SELECT value FROM json_each(?))`,
      )
      .all(
        startOfSchoolDay(now, school.timeZone),
        school.id,
        school.id,
        startOfSchoolDay(now, school.timeZone),
        JSON.stringify([...notInSchool.keys()]),
      ) as AwayRow[];
    const carePlansAway = away
      .filter((row) => {
        const profile = openContent(
          keyring,
          HEALTH,
          row.student_id,
          row.sealed,
        ) as HealthProfileContent | null;
        return profile?.carePlan != null;
      })
      .map((row) => ({
        studentId: row.student_id,
        studentName: studentName(row),
        grade: row.grade,
        why: row.since ? ('dismissed' as const) : ('not_in_school' as const),
        since: row.since ?? notInSchool.get(row.student_id) ?? '',
      }))
      .sort((a, b) => a.studentName.localeCompare(b.studentName));

    auditShown(ctx, staff.id, 'read', 'med_order', [
      ...new Map(
        [...doses, ...asNeeded].map((d) => [d.orderId, { id: d.orderId, studentId: d.studentId }]),
      ).values(),
    ]);
    auditShown(
      ctx,
      staff.id,
      'read',
      'health_profile',
      carePlansAway.map((a) => ({ id: a.studentId, studentId: a.studentId })),
    );
    return { doses, asNeeded, carePlansAway };
  },
} satisfies Partial<Handlers>;
