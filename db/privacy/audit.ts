import { MAX_PULL_CHANGES, newId, type AuditAction, type AuditEntry } from '../../contract';
import type { Ctx } from '../context';

export type AuditedRecord = AuditEntry['recordType'];
/** How restricted content left the database when it was shown: on screen, or in an export. */
export type ContentAudit = Extract<AuditAction, 'read' | 'export'>;

/**
 * Log a read or change of restricted records about one student: who, what, when, from which
 * device. Runs in the call's transaction, so a call that fails logs nothing and a call that
 * succeeds cannot skip its entry. The table refuses updates and deletes (migration 0005).
 */
export function audit(
  ctx: Ctx,
  staffId: string,
  action: AuditAction,
  recordType: AuditedRecord,
  recordIds: readonly string[],
  studentId: string,
): void {
  writeAuditEntry(ctx, staffId, action, recordType, recordIds, { studentId, personId: null });
}

/** Log that `mergeId` was merged into `keepId`: a change to who a family's records belong to. */
export function auditMerge(ctx: Ctx, staffId: string, keepId: string, mergeId: string): void {
  writeAuditEntry(ctx, staffId, 'merge', 'person', [keepId, mergeId], {
    studentId: null,
    personId: keepId,
  });
}

export function auditStudentMerge(
  ctx: Ctx,
  staffId: string,
  keepId: string,
  mergeId: string,
): void {
  writeAuditEntry(ctx, staffId, 'merge', 'student', [keepId, mergeId], {
    studentId: keepId,
    personId: null,
  });
}

/**
 * Log entries of the school's caution list shown or changed (they are about people who are
 * not the school's families, so about no student or person record). Nothing shown, nothing logged.
 */
export function auditCautionList(
  ctx: Ctx,
  staffId: string,
  action: AuditAction,
  entryIds: readonly string[],
): void {
  if (entryIds.length === 0) return;
  writeAuditEntry(ctx, staffId, action, 'caution_list', entryIds, {
    studentId: null,
    personId: null,
  });
}

/**
 * Log an export of a list (the families list, the visitor log): who took which records (the
 * households, the visits) out of Hearth. A long list is logged as several entries, each
 * within what one uploaded entry may name.
 */
export function auditListExport(
  ctx: Ctx,
  staffId: string,
  list: 'family_list' | 'visit_log',
  recordIds: readonly string[],
): void {
  const chunk = MAX_PULL_CHANGES / 2;
  for (let at = 0; at === 0 || at < recordIds.length; at += chunk)
    writeAuditEntry(ctx, staffId, 'export', list, recordIds.slice(at, at + chunk), {
      studentId: null,
      personId: null,
    });
}

function writeAuditEntry(
  ctx: Ctx,
  staffId: string,
  action: AuditAction,
  recordType: AuditedRecord,
  recordIds: readonly string[],
  about: { studentId: string | null; personId: string | null },
): void {
  const now = ctx.now();
  ctx.store
    .sql(
      `INSERT INTO audit_events (id, at, staff_id, device_id, action, record_type, record_ids, student_id, person_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      newId(now.getTime()),
      now.toISOString(),
      staffId,
      ctx.deviceId,
      action,
      recordType,
      packIds(recordIds),
      about.studentId,
      about.personId,
    );
}

/** Log the restricted records one call showed, one entry per student they are about. */
export function auditShown(
  ctx: Ctx,
  staffId: string,
  action: ContentAudit,
  recordType: AuditedRecord,
  shown: readonly { id: string; studentId: string }[],
): void {
  const byStudent = new Map<string, string[]>();
  for (const { id, studentId } of shown) {
    const ids = byStudent.get(studentId);
    if (ids) ids.push(id);
    else byStudent.set(studentId, [id]);
  }
  for (const [studentId, ids] of byStudent) audit(ctx, staffId, action, recordType, ids, studentId);
}

/** Hearth ids (UUIDs) as 16 bytes each, one after another: how audit entries keep them. */
export function packIds(ids: readonly string[]): Buffer {
  return Buffer.from(ids.map((id) => id.replace(/-/g, '')).join(''), 'hex');
}

export function unpackIds(packed: Uint8Array): string[] {
  const hex = Buffer.from(packed).toString('hex');
  const ids: string[] = [];
  for (let at = 0; at < hex.length; at += 32) {
    const u = hex.slice(at, at + 32);
    ids.push(
      `${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}`,
    );
  }
  return ids;
}
