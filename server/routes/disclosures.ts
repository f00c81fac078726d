import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import {
  adminDisclosureQuery,
  disclosureSchema,
  type AdminDisclosure,
  type ServerStaff,
} from '../../contract';
import { checkManages, requireAdmin } from '../auth/guards';
import type { ServerDb } from '../db';
import { parseBody } from '../validate';
import { MAX_CSV_ROWS, sendCsv } from './csv-reply';

/**
 * The schools' records of disclosure (what left the school, to whom, why), as the computers
 * synced them: for the administrators who answer a family's or an auditor's question.
 */
export function disclosureRoutes(app: FastifyInstance, db: ServerDb): void {
  app.get('/v1/admin/disclosures', async (request): Promise<AdminDisclosure[]> => {
    const admin = await requireAdmin(db, request);
    const query = parseBody(adminDisclosureQuery, request.query);
    return disclosures(db, admin, query, query.limit);
  });

  app.get('/v1/admin/disclosures.csv', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    const query = parseBody(
      adminDisclosureQuery.omit({ before: true, limit: true }),
      request.query,
    );
    const rows = await disclosures(db, admin, query, MAX_CSV_ROWS);
    return sendCsv(reply, 'hearth-disclosures.csv', [
      ['When (UTC)', 'School', 'Student', 'Recipient', 'Purpose', 'What', 'Format', 'By'],
      ...rows.map((d) => [
        d.disclosedAt,
        d.schoolName,
        d.studentName ?? d.studentId,
        d.recipient,
        d.purpose,
        d.description,
        d.format,
        d.disclosedByName ?? d.disclosedBy,
      ]),
    ]);
  });
}

async function disclosures(
  db: ServerDb,
  admin: ServerStaff,
  query: Omit<z.output<typeof adminDisclosureQuery>, 'limit'>,
  limit: number,
): Promise<AdminDisclosure[]> {
  if (query.schoolId) checkManages(admin, query.schoolId);
  // The ids are cast to uuid, not the keys to text, so that each name is one lookup in its
  // table's primary key (compared as text, each disclosure was matched against every
  // student of the district). A stored record always holds valid ids: every record was
  // checked against the contract when it was written (merge.ts), so the cast cannot fail.
  const rows = await db.query<{
    data: unknown;
    school_name: string;
    student_name: string | null;
    by_name: string | null;
  }>(
    `SELECT r.data, sc.name AS school_name, st.display_name AS by_name,
       nullif(concat_ws(' ', s.data->>'firstName', s.data->>'lastName'), '') AS student_name
     FROM records r
     JOIN schools sc ON sc.id = r.school_id
     LEFT JOIN staff_accounts st ON st.id = (r.data->>'disclosedBy')::uuid
     LEFT JOIN records s ON s.tbl = 'students' AND s.id = (r.data->>'studentId')::uuid
     WHERE r.tbl = 'disclosures' AND ($1::uuid IS NULL OR r.school_id = $1)
       AND ($2::date IS NULL
         OR (r.data->>'disclosedAt')::timestamptz >= ($2::date)::timestamp AT TIME ZONE 'UTC')
       AND ($3::date IS NULL
         OR (r.data->>'disclosedAt')::timestamptz < ($3::date + 1)::timestamp AT TIME ZONE 'UTC')
       AND ($4::uuid IS NULL OR ((r.data->>'disclosedAt')::timestamptz, r.id) <
         (SELECT (data->>'disclosedAt')::timestamptz, id FROM records
          WHERE tbl = 'disclosures' AND id = $4))
     ORDER BY (r.data->>'disclosedAt')::timestamptz DESC, r.id DESC LIMIT $5`,
    [
      query.schoolId ?? admin.schoolId,
      query.from ?? null,
      query.to ?? null,
      query.before ?? null,
      limit,
    ],
  );
  return rows.map((row) => ({
    ...disclosureSchema.parse(row.data),
    schoolName: row.school_name,
    studentName: row.student_name,
    disclosedByName: row.by_name,
  }));
}
