import type { UploadedAuditEntry } from '../../contract';
import { unpackIds } from '../privacy/audit';
import { getMeta, setMeta, type Store } from '../store';
import { SYNC_META } from './meta';

/**
 * The local half of the audit upload: this computer's audit log (db/privacy/audit.ts) goes
 * to the district in order, after the last entry the district confirmed. Entries stay here
 * too; the log is append-only on both sides.
 */

interface AuditRow {
  pk: number;
  id: string;
  at: string;
  staff_id: string;
  action: UploadedAuditEntry['action'];
  record_type: UploadedAuditEntry['recordType'];
  record_ids: Buffer;
  student_id: string | null;
  person_id: string | null;
}

/** The next entries to upload, with the position to confirm once the district has them. */
export function auditToUpload(
  store: Store,
  limit: number,
): { entries: UploadedAuditEntry[]; through: number } {
  const after = Number(getMeta(store, SYNC_META.auditUploaded) ?? 0);
  const rows = store
    .sql(
      `SELECT pk, id, at, staff_id, action, record_type, record_ids, student_id, person_id
       FROM audit_events WHERE pk > ? ORDER BY pk LIMIT ?`,
    )
    .all(after, limit) as AuditRow[];
  return {
    entries: rows.map((r) => ({
      id: r.id,
      at: r.at,
      staffId: r.staff_id,
      action: r.action,
      recordType: r.record_type,
      recordIds: unpackIds(r.record_ids),
      studentId: r.student_id,
      personId: r.person_id,
    })),
    through: rows[rows.length - 1]?.pk ?? after,
  };
}

export function auditUploaded(store: Store, through: number): void {
  setMeta(store, SYNC_META.auditUploaded, String(through));
}
