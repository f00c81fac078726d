import { TZDate } from '@date-fns/tz';
import { format, max, parseISO, subDays } from 'date-fns';
import {
  HearthError,
  WORDS,
  newId,
  say,
  type DoseContent,
  type DoseView,
  type MedOrderContent,
  type MedOrderView,
  type Staff,
} from '../../contract';
import { loadOwned, requireSchool, type Ctx, type Handlers } from '../context';
import { audit, auditShown } from '../privacy/audit';
import { openContent, sealContent, type Keyring } from '../privacy/keyring';
import { schoolToday } from '../school-day';
import { createFollowUp } from './follow-ups';
import { HEALTH, requireHealthTeam } from './health-team';
import {
  ORDER_SELECT,
  contentOrRefuse,
  doseRows,
  doseViews,
  openOrder,
  supplyLeft,
  type OrderRow,
} from './med-records';
import { unlockWithBackoff } from './password-check';
import { studentName } from './summaries';

/** Days of entries an order shows with it. */
const RECENT_DAYS = 14;
/** The renewal follow-up falls due this many days before an order's last day. */
const RENEW_BEFORE_DAYS = 5;

/** The school day an instant falls on (a count taken at 8 p.m. in Chicago is that day's). */
const dayOf = (ctx: Ctx, iso: string) => schoolToday(new Date(iso), requireSchool(ctx).timeZone);

/** The instant of `clock` ("11:30") on school day `day` in the school's zone. */
function onSchoolClock(day: string, clock: string, timeZone: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = clock.split(':').map(Number) as [number, number];
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime()).toISOString();
}

/**
 * Orders as the team reads them, each with its recent entries and the supply left; every
 * order shown is audited as read.
 */
function orderViews(ctx: Ctx, staff: Staff, keyring: Keyring, rows: OrderRow[]): MedOrderView[] {
  const today = schoolToday(ctx.now(), requireSchool(ctx).timeZone);
  const recentFrom = format(subDays(parseISO(today), RECENT_DAYS - 1), 'yyyy-MM-dd');
  const opened = rows.map((row) => openOrder(keyring, row));
  // Entries back to the oldest supply count, so the supply left counts every dose since.
  const since = opened.reduce(
    (day, o) =>
      o.content && dayOf(ctx, o.content.supplyCountedAt) < day
        ? dayOf(ctx, o.content.supplyCountedAt)
        : day,
    recentFrom,
  );
  const doses = doseViews(
    ctx,
    keyring,
    doseRows(
      ctx,
      opened.map((o) => o.order.id),
      since,
    ),
  );
  const views = opened.map(({ order, row, content }): MedOrderView => {
    const own = doses.filter((d) => d.orderId === order.id);
    const { sealed: _sealed, visibility: _visibility, ...clear } = order;
    return {
      ...clear,
      studentName: studentName(row),
      grade: row.grade,
      content,
      supplyLeft: content ? supplyLeft(content, own) : null,
      doses: own.filter((d) => d.forDay >= recentFrom).reverse(),
    };
  });
  auditShown(
    ctx,
    staff.id,
    'read',
    'med_order',
    views.filter((v) => v.content !== null).map((v) => ({ id: v.id, studentId: v.studentId })),
  );
  return views;
}

function oneOrder(ctx: Ctx, staff: Staff, keyring: Keyring, id: string): MedOrderView {
  return orderViews(ctx, staff, keyring, [orderRow(ctx, id)])[0] as MedOrderView;
}

/**
 * The follow-up to renew or end an order, due a few days before its last day (or today, when
 * that is sooner). A new last day cancels the open one and raises one for the new day (its
 * words name the day); an unchanged last day leaves it as the team left it, done or not; an
 * order that stops or loses its last day cancels it.
 */
function keepRenewalFollowUp(
  ctx: Ctx,
  viewer: { staff: Staff; keyring: Keyring },
  order: { id: string; studentId: string; endingFollowUpId: string | null },
  endOn: string | null,
  /** The last day before this change; undefined when the order stops. */
  previousEndOn: string | null | undefined,
): string | null {
  const current = order.endingFollowUpId;
  if (current && endOn === previousEndOn) return current;
  if (current && isOpenFollowUp(ctx, current))
    ctx.writer.update('follow_ups', current, {
      status: 'cancelled',
      closedAt: ctx.now().toISOString(),
    });
  if (endOn === null) return null;
  const school = requireSchool(ctx);
  const today = parseISO(schoolToday(ctx.now(), school.timeZone));
  return createFollowUp(ctx, viewer, school, {
    studentId: order.studentId,
    personId: null,
    visibility: HEALTH,
    title: `A medication order ends on ${endOn}: renew it with the family or let it end.`,
    assigneeId: viewer.staff.id,
    dueOn: format(max([today, subDays(parseISO(endOn), RENEW_BEFORE_DAYS)]), 'yyyy-MM-dd'),
    householdId: null,
    originKind: 'med_order',
    originId: order.id,
  });
}

/** A dose given may leave the supply low: then one open follow-up asks for more. */
function checkSupply(ctx: Ctx, viewer: { staff: Staff; keyring: Keyring }, orderId: string) {
  const opened = openOrder(viewer.keyring, orderRow(ctx, orderId));
  const content = opened.content;
  if (!content) return;
  const doses = doseViews(
    ctx,
    viewer.keyring,
    doseRows(ctx, [orderId], dayOf(ctx, content.supplyCountedAt)),
  );
  const left = supplyLeft(content, doses);
  if (left > content.lowSupplyAt) return;
  const current = opened.order.lowSupplyFollowUpId;
  if (current && isOpenFollowUp(ctx, current)) return;
  const school = requireSchool(ctx);
  const followUpId = createFollowUp(ctx, viewer, school, {
    studentId: opened.order.studentId,
    personId: null,
    visibility: HEALTH,
    title: `${content.medication}: ${left} doses left at school. Ask the family for more.`,
    assigneeId: viewer.staff.id,
    dueOn: schoolToday(ctx.now(), school.timeZone),
    householdId: null,
    originKind: 'med_order',
    originId: orderId,
  });
  ctx.writer.update('med_orders', orderId, { lowSupplyFollowUpId: followUpId });
}

const orderRow = (ctx: Ctx, id: string) =>
  ctx.store.sql(`${ORDER_SELECT} WHERE o.id = ?`).get(id) as OrderRow;

const isOpenFollowUp = (ctx: Ctx, id: string) =>
  ctx.store.sql("SELECT 1 FROM follow_ups WHERE id = ? AND status = 'open'").get(id) !== undefined;

export const medicationHandlers = {
  'health.medOrders': (ctx, { studentId }) => {
    const { staff, keyring } = requireHealthTeam(ctx);
    loadOwned(ctx, 'students', studentId, 'student');
    const rows = ctx.store
      .sql(`${ORDER_SELECT} WHERE o.student_id = ? ORDER BY o.status, o.updated_at DESC`)
      .all(studentId) as OrderRow[];
    return orderViews(ctx, staff, keyring, rows);
  },

  /**
   * An order written whole. The supply count starts again only when the number changes, so
   * an edit of the times does not forget the doses given since the last count.
   */
  'health.saveMedOrder': (ctx, { id: existingId, studentId, ...input }) => {
    const viewer = requireHealthTeam(ctx);
    const { staff, keyring } = viewer;
    loadOwned(ctx, 'students', studentId, 'student');
    const now = ctx.now().toISOString();
    const before = existingId ? loadOwned(ctx, 'med_orders', existingId, 'med_order') : null;
    if (before && before.studentId !== studentId)
      throw new HearthError('NOT_FOUND', say(WORDS.thingNotFound, { thing: 'med_order' }));
    if (before?.status === 'stopped') throw new HearthError('CONFLICT', say(WORDS.medOrderStopped));
    const earlier = before ? contentOrRefuse(openOrder(keyring, orderRow(ctx, before.id))) : null;
    const content: MedOrderContent = {
      ...input,
      times: [...input.times].sort(),
      supplyCountedAt:
        earlier && earlier.supplyCount === input.supplyCount ? earlier.supplyCountedAt : now,
    };
    const id = before?.id ?? newId(ctx.now().getTime());
    const sealed = sealContent(keyring, HEALTH, id, content);
    if (before) {
      ctx.writer.update('med_orders', id, { sealed, updatedBy: staff.id, updatedAt: now });
    } else {
      ctx.writer.insert('med_orders', {
        id,
        schoolId: staff.schoolId,
        studentId,
        visibility: HEALTH,
        status: 'active',
        endingFollowUpId: null,
        lowSupplyFollowUpId: null,
        updatedBy: staff.id,
        updatedAt: now,
        sealed,
      });
    }
    const endingFollowUpId = keepRenewalFollowUp(
      ctx,
      viewer,
      { id, studentId, endingFollowUpId: before?.endingFollowUpId ?? null },
      content.endOn,
      earlier?.endOn ?? null,
    );
    if (endingFollowUpId !== (before?.endingFollowUpId ?? null))
      ctx.writer.update('med_orders', id, { endingFollowUpId });
    audit(ctx, staff.id, before ? 'revise' : 'create', 'med_order', [id], studentId);
    checkSupply(ctx, viewer, id);
    return oneOrder(ctx, staff, keyring, id);
  },

  'health.stopMedOrder': (ctx, { id }) => {
    const viewer = requireHealthTeam(ctx);
    const order = loadOwned(ctx, 'med_orders', id, 'med_order');
    if (order.status === 'active') {
      ctx.writer.update('med_orders', id, {
        status: 'stopped',
        updatedBy: viewer.staff.id,
        updatedAt: ctx.now().toISOString(),
      });
      keepRenewalFollowUp(ctx, viewer, order, null, undefined);
      audit(ctx, viewer.staff.id, 'status', 'med_order', [id], order.studentId);
    }
    return oneOrder(ctx, viewer.staff, viewer.keyring, id);
  },

  /**
   * One entry in the administration record. A correction names the entry it corrects and
   * keeps its school day; that entry stays, shown as corrected. The second person's password
   * is checked before anything is written, and a wrong one counts against them as at sign-in.
   */
  'health.recordDose': (ctx, input) => {
    const viewer = requireHealthTeam(ctx);
    const { staff, keyring } = viewer;
    const school = requireSchool(ctx);
    const order = loadOwned(ctx, 'med_orders', input.orderId, 'med_order');
    const content = contentOrRefuse(openOrder(keyring, orderRow(ctx, order.id)));
    let forDay = schoolToday(ctx.now(), school.timeZone);
    let at = ctx.now().toISOString();
    if (input.correctsId) {
      const corrected = loadOwned(ctx, 'med_doses', input.correctsId, 'med_dose');
      if (corrected.orderId !== order.id)
        throw new HearthError('VALIDATION', say(WORDS.correctionOfOther));
      if (ctx.store.sql('SELECT 1 FROM med_doses WHERE corrects_id = ?').get(corrected.id))
        throw new HearthError('CONFLICT', say(WORDS.alreadyCorrected));
      forDay = corrected.forDay;
      const was = openContent(
        keyring,
        HEALTH,
        corrected.id,
        JSON.stringify(corrected.sealed),
      ) as DoseContent | null;
      if (!was)
        throw new HearthError('KEYS_UNAVAILABLE', say(WORDS.teamKeyMissing, { team: 'health' }));
      at = was.at;
    } else if (order.status === 'stopped') {
      throw new HearthError('CONFLICT', say(WORDS.medOrderStopped));
    }
    const slotProblem =
      input.slot === null
        ? !content.asNeeded && 'choose one of the order’s times'
        : !content.times.includes(input.slot) && 'is not one of this order’s times';
    if (slotProblem)
      throw new HearthError('VALIDATION', say(WORDS.slotNotOnOrder), {
        issues: [{ path: 'slot', message: slotProblem }],
      });
    if (input.at !== null) {
      at = onSchoolClock(forDay, input.at, school.timeZone);
      if (at > ctx.now().toISOString())
        throw new HearthError('VALIDATION', say(WORDS.doseInFuture), {
          issues: [{ path: 'at', message: WORDS.inTheFuture.defaultMessage }],
        });
    }
    const checker = input.checker;
    if (content.secondCheck && input.outcome === 'given' && !checker)
      throw new HearthError('VALIDATION', say(WORDS.doseNeedsCheck), {
        issues: [{ path: 'checker', message: 'needs a second staff member' }],
      });
    if (checker) {
      if (checker.staffId === staff.id)
        throw new HearthError('VALIDATION', say(WORDS.checkerIsYou));
      const member = loadOwned(ctx, 'staff', checker.staffId, 'staff');
      if (!member.active) throw new HearthError('NOT_FOUND', say(WORDS.staffInactive));
      unlockWithBackoff(ctx, checker.staffId, checker.password);
    }
    const id = newId(ctx.now().getTime());
    ctx.writer.insert('med_doses', {
      id,
      schoolId: school.id,
      studentId: order.studentId,
      orderId: order.id,
      visibility: HEALTH,
      forDay,
      recordedAt: ctx.now().toISOString(),
      recordedBy: staff.id,
      correctsId: input.correctsId,
      sealed: sealContent(keyring, HEALTH, id, {
        outcome: input.outcome,
        slot: input.slot,
        note: input.note,
        checkedBy: checker?.staffId ?? null,
        at,
      }),
    });
    audit(ctx, staff.id, 'create', 'med_dose', [id], order.studentId);
    if (order.status === 'active') checkSupply(ctx, viewer, order.id);
    const row = doseRows(ctx, [order.id], forDay).find((r) => r.id === id);
    return doseViews(ctx, keyring, row ? [row] : [])[0] as DoseView;
  },
} satisfies Partial<Handlers>;
