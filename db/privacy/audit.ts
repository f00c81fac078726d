import type { AuditAction } from '../../contract';
import type { Ctx } from '../context';
import { newId } from '../ids';

export type AuditedRecord = 'note' | 'follow_up';
/** How restricted content left the database when it was shown: on screen, or in an export. */
export type ContentAudit = Extract<AuditAction, 'read' | 'export'>;

/**
 * Log a read or change of a restricted record: who, what, when, from which device. Runs in
 * the call's transaction, so a call that fails logs nothing and a call that succeeds cannot
 * skip its entry. The table refuses updates and deletes (migration 0005).
 */
export function audit(
  ctx: Ctx,
  staffId: string,
  action: AuditAction,
  recordType: AuditedRecord,
  recordId: string,
  studentId: string | null,
): void {
  const now = ctx.now();
  ctx.store
    .sql(
      `INSERT INTO audit_events (id, at, staff_id, device_id, action, record_type, record_id, student_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      newId(now.getTime()),
      now.toISOString(),
      staffId,
      ctx.deviceId,
      action,
      recordType,
      recordId,
      studentId,
    );
}
