import {
  HearthError,
  WORDS,
  say,
  type DoseContent,
  type DoseView,
  type MedOrder,
  type MedOrderContent,
} from '../../contract';
import { fromRow } from '../columns';
import type { Ctx } from '../context';
import { openContent, type Keyring } from '../privacy/keyring';
import { HEALTH } from './health-team';
import type { studentName } from './summaries';

/**
 * Reading medication records (contract/medications.ts): orders and dose entries opened with
 * the health team's key, and which entries stand after corrections. Shared by the order
 * screens (./medications.ts) and the nurse's day (./nurse-day.ts); not audited here, the
 * callers audit what they show.
 */

/** An order's row with its student's name and grade, as ORDER_SELECT gives it. */
export type OrderRow = Record<string, unknown> &
  Parameters<typeof studentName>[0] & { grade: string };

export const ORDER_SELECT = `SELECT o.*, s.first_name, s.last_name, s.preferred_name, s.grade
  FROM med_orders o JOIN students s ON s.id = o.student_id`;

export interface OpenedOrder {
  order: MedOrder;
  row: OrderRow;
  content: MedOrderContent | null;
}

export function openOrder(keyring: Keyring, row: OrderRow): OpenedOrder {
  const order = fromRow('med_orders', row);
  const content = openContent(keyring, HEALTH, order.id, JSON.stringify(order.sealed));
  return { order, row, content: content as MedOrderContent | null };
}

/** The order's content, or a refusal when this computer has no health key to open it. */
export function contentOrRefuse(opened: OpenedOrder): MedOrderContent {
  if (!opened.content)
    throw new HearthError('KEYS_UNAVAILABLE', say(WORDS.teamKeyMissing, { team: 'health' }));
  return opened.content;
}

type DoseRow = Record<string, unknown> & { recorded_by_name: string | null };

/** Dose entries of these orders on or after `since` (a school day), oldest first. */
export function doseRows(ctx: Ctx, orderIds: readonly string[], since: string): DoseRow[] {
  if (orderIds.length === 0) return [];
  return ctx.store
    .sql(
      `SELECT d.*, st.display_name AS recorded_by_name FROM med_doses d
       LEFT JOIN staff st ON st.id = d.recorded_by
       WHERE d.order_id IN (SELECT value FROM json_each(?)) AND d.for_day >= ?
       ORDER BY d.recorded_at, d.pk`,
    )
    .all(JSON.stringify(orderIds), since) as DoseRow[];
}

/**
 * Entries as the team reads them, each with the entry that corrects it (when one is among
 * `rows`); content this keyring cannot open yet is null.
 */
export function doseViews(ctx: Ctx, keyring: Keyring, rows: DoseRow[]): DoseView[] {
  const correctedBy = new Map<string, string>();
  const doses = rows.map((row) => fromRow('med_doses', row));
  for (const dose of doses) if (dose.correctsId) correctedBy.set(dose.correctsId, dose.id);
  const names = staffNames(ctx);
  return doses.map((dose, i) => {
    const content = openContent(
      keyring,
      HEALTH,
      dose.id,
      JSON.stringify(dose.sealed),
    ) as DoseContent | null;
    return {
      id: dose.id,
      schoolId: dose.schoolId,
      studentId: dose.studentId,
      orderId: dose.orderId,
      forDay: dose.forDay,
      recordedAt: dose.recordedAt,
      recordedBy: dose.recordedBy,
      correctsId: dose.correctsId,
      recordedByName: rows[i]?.recorded_by_name ?? '',
      checkedByName: content?.checkedBy ? (names.get(content.checkedBy) ?? '') : null,
      correctedById: correctedBy.get(dose.id) ?? null,
      content,
    };
  });
}

/** Entries that stand: those no later entry corrects. */
export const standing = (doses: readonly DoseView[]) =>
  doses.filter((d) => d.correctedById === null);

/**
 * Doses left: the last count, less the standing doses given since it was taken (a dose in
 * the same millisecond as the count counts as after it).
 */
export function supplyLeft(content: MedOrderContent, doses: readonly DoseView[]): number {
  const given = standing(doses).filter(
    (d) => d.content?.outcome === 'given' && d.recordedAt >= content.supplyCountedAt,
  ).length;
  return Math.max(0, content.supplyCount - given);
}

function staffNames(ctx: Ctx): Map<string, string> {
  const rows = ctx.store.sql('SELECT id, display_name FROM staff').all() as {
    id: string;
    display_name: string;
  }[];
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
