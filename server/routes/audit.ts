import type { FastifyInstance } from 'fastify';
import {
  auditUploadInput,
  districtAuditQuery,
  type AuditUploadResult,
  type DistrictAuditEntry,
} from '../../contract';
import { checkManages, requireAdmin, requireDevice } from '../auth/guards';
import type { ServerDb } from '../db';
import { parseBody } from '../validate';

/** Devices upload their audit logs; administrators read them, one school at a time. */
export function auditRoutes(app: FastifyInstance, db: ServerDb): void {
  app.post('/v1/device/audit', async (request): Promise<AuditUploadResult> => {
    const device = await requireDevice(db, request);
    const { entries } = parseBody(auditUploadInput, request.body);
    // An entry may name only someone who signed in on this computer through the district
    // and is (or was) staff of its school: anything else is a computer writing what no
    // one did here. One statement keeps every other entry of the upload, or none of them;
    // an entry the district already has (an answer lost, the upload sent again) is skipped.
    const [row] = await db.query<{ stored: number; refused: string[] }>(
      `WITH uploaded AS (
         SELECT e.*, EXISTS (
             SELECT 1 FROM device_users u JOIN staff_accounts s ON s.id = u.staff_id
             WHERE u.device_id = $3 AND u.staff_id = e."staffId"
               AND (s.school_id = $2 OR s.school_id IS NULL)) AS signed_in_here
         FROM jsonb_to_recordset($1::jsonb) AS e (id uuid, "staffId" uuid, at timestamptz,
           action text, "recordType" text, "recordIds" jsonb, "studentId" uuid, "personId" uuid)
       ), added AS (
         INSERT INTO audit_log (id, school_id, device_id, staff_id, at, action, record_type,
           record_ids, student_id, person_id)
         SELECT e.id, $2, $3, e."staffId", e.at, e.action, e."recordType",
           ARRAY(SELECT jsonb_array_elements_text(e."recordIds"))::uuid[], e."studentId",
           e."personId"
         FROM uploaded e WHERE e.signed_in_here
         ON CONFLICT (id) DO NOTHING
         RETURNING 1
       ), refused AS (
         SELECT coalesce(array_agg(id::text ORDER BY id), '{}') AS ids
         FROM uploaded WHERE NOT signed_in_here
       ), counted AS (
         UPDATE devices SET audit_refused = audit_refused + cardinality((SELECT ids FROM refused))
         WHERE id = $3 AND cardinality((SELECT ids FROM refused)) > 0
       )
       SELECT (SELECT count(*)::int FROM added) AS stored, (SELECT ids FROM refused) AS refused`,
      [JSON.stringify(entries), device.school.id, device.deviceId],
    );
    const refused = row?.refused ?? [];
    if (refused.length > 0)
      request.log.warn(
        { deviceId: device.deviceId, refused: refused.length },
        'audit entries refused',
      );
    return {
      stored: row?.stored ?? 0,
      refused: refused.map((id) => ({
        id,
        reason: 'It names someone who has not signed in on this computer through the district.',
      })),
    };
  });

  app.get('/v1/admin/audit', async (request): Promise<DistrictAuditEntry[]> => {
    const admin = await requireAdmin(db, request);
    const query = parseBody(districtAuditQuery, request.query);
    checkManages(admin, query.schoolId);
    const rows = await db.query<{
      id: string;
      at: Date;
      staff_id: string;
      action: DistrictAuditEntry['action'];
      record_type: DistrictAuditEntry['recordType'];
      record_ids: string[];
      student_id: string | null;
      person_id: string | null;
      device_id: string;
      device_name: string;
    }>(
      `SELECT a.id, a.at, a.staff_id, a.action, a.record_type, a.record_ids, a.student_id,
         a.person_id, a.device_id, d.name AS device_name
       FROM audit_log a JOIN devices d ON d.id = a.device_id
       WHERE a.school_id = $1 AND ($2::uuid IS NULL OR a.staff_id = $2)
         AND ($3::uuid IS NULL OR (a.at, a.id) < (SELECT at, id FROM audit_log WHERE id = $3))
       ORDER BY a.at DESC, a.id DESC LIMIT $4`,
      [query.schoolId, query.staffId ?? null, query.before ?? null, query.limit],
    );
    return rows.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      staffId: r.staff_id,
      action: r.action,
      recordType: r.record_type,
      recordIds: r.record_ids,
      studentId: r.student_id,
      personId: r.person_id,
      deviceId: r.device_id,
      deviceName: r.device_name,
    }));
  });
}
