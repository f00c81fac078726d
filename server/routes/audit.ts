import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  auditUploadInput,
  districtAuditQuery,
  type AuditUploadResult,
  type DistrictAuditEntry,
  type ServerStaff,
} from '../../contract';
import { checkManages, requireAdmin, requireDevice } from '../auth/guards';
import type { ServerDb } from '../db';
import { parseBody } from '../validate';
import { MAX_CSV_ROWS, sendCsv } from './csv-reply';

/** Devices upload their audit logs; administrators read them, filtered, as pages or CSV. */
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
    return (await auditRows(db, admin, query, query.limit)).map(toEntry);
  });

  app.get('/v1/admin/audit.csv', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    const query = parseBody(districtAuditQuery.omit({ before: true, limit: true }), request.query);
    const rows = (await auditRows(db, admin, query, MAX_CSV_ROWS)).map(toEntry);
    return sendCsv(reply, 'hearth-audit-log.csv', [
      ['When (UTC)', 'School', 'Staff', 'Action', 'Record type', 'About', 'Computer', 'Records'],
      ...rows.map((e) => [
        e.at,
        e.schoolName,
        e.staffName ?? e.staffId,
        e.action,
        e.recordType,
        e.aboutName ?? e.studentId ?? e.personId ?? '',
        e.deviceName,
        e.recordIds.join(' '),
      ]),
    ]);
  });
}

interface AuditRow {
  id: string;
  at: Date;
  staff_id: string;
  staff_name: string | null;
  action: DistrictAuditEntry['action'];
  record_type: DistrictAuditEntry['recordType'];
  record_ids: string[];
  student_id: string | null;
  person_id: string | null;
  about_name: string | null;
  device_id: string;
  device_name: string;
  school_id: string;
  school_name: string;
}

const toEntry = (r: AuditRow): DistrictAuditEntry => ({
  id: r.id,
  at: r.at.toISOString(),
  staffId: r.staff_id,
  staffName: r.staff_name,
  action: r.action,
  recordType: r.record_type,
  recordIds: r.record_ids,
  studentId: r.student_id,
  personId: r.person_id,
  aboutName: r.about_name,
  deviceId: r.device_id,
  deviceName: r.device_name,
  schoolId: r.school_id,
  schoolName: r.school_name,
});

/**
 * The entries an administrator may read that match the filters, newest first, with the names
 * the district holds. A school's administrator reads their own school's only; a district
 * administrator, one school or all. Days are UTC days, both ends included.
 */
async function auditRows(
  db: ServerDb,
  admin: ServerStaff,
  query: Omit<z.output<typeof districtAuditQuery>, 'limit'>,
  limit: number,
): Promise<AuditRow[]> {
  if (query.schoolId) checkManages(admin, query.schoolId);
  const schoolId = query.schoolId ?? admin.schoolId;
  const name = (alias: string) =>
    `nullif(concat_ws(' ', ${alias}.data->>'firstName', ${alias}.data->>'lastName'), '')`;
  return db.query<AuditRow>(
    `SELECT a.id, a.at, a.staff_id, st.display_name AS staff_name, a.action, a.record_type,
       a.record_ids, a.student_id, a.person_id, coalesce(${name('rs')}, ${name('rp')}) AS about_name,
       a.device_id, d.name AS device_name, a.school_id, sc.name AS school_name
     FROM audit_log a
     JOIN devices d ON d.id = a.device_id
     JOIN schools sc ON sc.id = a.school_id
     LEFT JOIN staff_accounts st ON st.id = a.staff_id
     LEFT JOIN records rs ON rs.tbl = 'students' AND rs.id = a.student_id
     LEFT JOIN records rp ON rp.tbl = 'people' AND rp.id = a.person_id
     WHERE ($1::uuid IS NULL OR a.school_id = $1)
       AND ($2::uuid IS NULL OR a.staff_id = $2)
       AND ($3::text IS NULL OR a.action = $3)
       AND ($4::text IS NULL OR a.record_type = $4)
       AND ($5::date IS NULL OR a.at >= ($5::date)::timestamp AT TIME ZONE 'UTC')
       AND ($6::date IS NULL OR a.at < ($6::date + 1)::timestamp AT TIME ZONE 'UTC')
       AND ($7::uuid IS NULL OR (a.at, a.id) < (SELECT at, id FROM audit_log WHERE id = $7))
     ORDER BY a.at DESC, a.id DESC LIMIT $8`,
    [
      schoolId,
      query.staffId ?? null,
      query.action ?? null,
      query.recordType ?? null,
      query.from ?? null,
      query.to ?? null,
      query.before ?? null,
      limit,
    ],
  );
}
