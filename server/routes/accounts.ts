import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  bootstrapInput,
  credentialsInput,
  enrollmentCodeInput,
  newId,
  WORDS,
  say,
  type adminSessionSchema,
} from '../../contract';
import {
  STAFF_COLUMNS,
  checkManages,
  manages,
  requireAdmin,
  toStaff,
  type StaffRow,
} from '../auth/guards';
import { hashPassword } from '../auth/passwords';
import { hashSecret, newEnrollmentCode, newToken, normalizeEnrollmentCode } from '../auth/secrets';
import { SIGN_IN_LIMIT, signIn } from '../auth/sign-in';
import type { ServerDb } from '../db';
import { ServerError } from '../errors';
import { publish } from '../sync/publish';
import { parseBody } from '../validate';

const ADMIN_SESSION_HOURS = 8;

type AdminSession = z.infer<typeof adminSessionSchema>;

/** The setup code as typed (any case, dashes or none, O/I/L for 0/1), compared in constant time. */
function sameCode(typed: string, code: string): boolean {
  const a = hashSecret(normalizeEnrollmentCode(typed));
  const b = hashSecret(normalizeEnrollmentCode(code));
  return timingSafeEqual(a, b);
}

/**
 * An administrator's new session (a bearer token for scripts, or the console's cookie), once
 * the password is right; anyone else is refused.
 */
export async function openAdminSession(
  db: ServerDb,
  request: FastifyRequest,
  reply: FastifyReply,
  input: z.output<typeof credentialsInput>,
): Promise<AdminSession> {
  const staff = await signIn(db, request, reply, input.email, input.password);
  if (staff.role !== 'administrator')
    throw new ServerError(403, 'FORBIDDEN', say(WORDS.adminsSignInHere));
  const token = newToken('ha');
  const [row] = await db.query<{ expires_at: Date }>(
    `INSERT INTO admin_sessions (token_hash, staff_id, expires_at)
     VALUES ($1, $2, now() + make_interval(hours => $3)) RETURNING expires_at`,
    [hashSecret(token), staff.id, ADMIN_SESSION_HOURS],
  );
  return { token, expiresAt: (row?.expires_at as Date).toISOString(), staff };
}

/** The district's first administrator, devices' enrollment codes, and revoking devices. */
export function accountRoutes(app: FastifyInstance, db: ServerDb, setupCode: string | null): void {
  // Limited as sign-in is: the code is 60 random bits, and guessing it must stay hopeless.
  app.post('/v1/bootstrap', { config: { rateLimit: SIGN_IN_LIMIT } }, async (request, reply) => {
    const input = parseBody(bootstrapInput, request.body);
    const [existing] = await db.query('SELECT 1 FROM staff_accounts LIMIT 1');
    if (existing) throw new ServerError(409, 'ALREADY_SET_UP', say(WORDS.serverHasAdmin));
    if (!setupCode || !sameCode(input.setupCode, setupCode))
      throw new ServerError(403, 'FORBIDDEN', say(WORDS.setupCodeWrong));
    const passwordHash = await hashPassword(input.password);
    const staff = await db.transaction(async (tx) => {
      // Serialised so two first requests cannot both create an administrator (checked again:
      // another may have finished since the check above).
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('hearth-bootstrap'))`);
      const [existing] = await tx.query('SELECT 1 FROM staff_accounts LIMIT 1');
      if (existing) throw new ServerError(409, 'ALREADY_SET_UP', say(WORDS.serverHasAdmin));
      const schoolId = newId();
      const [school] = await tx.query<{ created_at: Date }>(
        'INSERT INTO schools (id, name, time_zone) VALUES ($1, $2, $3) RETURNING created_at',
        [schoolId, input.schoolName, input.timeZone],
      );
      await publish(tx, 'schools', {
        id: schoolId,
        name: input.schoolName,
        timeZone: input.timeZone,
        createdAt: (school?.created_at as Date).toISOString(),
      });
      const [row] = await tx.query<StaffRow>(
        `INSERT INTO staff_accounts AS s (id, school_id, email, display_name, role, teams, password_hash)
         VALUES ($1, NULL, $2, $3, 'administrator', '{admin}', $4) RETURNING ${STAFF_COLUMNS}`,
        [newId(), input.email, input.adminName, passwordHash],
      );
      return { staff: toStaff(row as StaffRow), schoolId };
    });
    return reply.code(201).send(staff);
  });

  app.post(
    '/v1/admin/sessions',
    { config: { rateLimit: SIGN_IN_LIMIT } },
    async (request, reply) => {
      const input = parseBody(credentialsInput, request.body);
      return reply.code(201).send(await openAdminSession(db, request, reply, input));
    },
  );

  app.post('/v1/admin/enrollment-codes', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    const input = parseBody(enrollmentCodeInput, request.body);
    checkManages(admin, input.schoolId);
    const code = newEnrollmentCode();
    const [row] = await db.query<{ expires_at: Date }>(
      `INSERT INTO enrollment_codes (code_hash, school_id, created_by, expires_at)
       SELECT $1, id, $3, now() + make_interval(mins => $4) FROM schools WHERE id = $2
       RETURNING expires_at`,
      [hashSecret(code), input.schoolId, admin.id, input.validMinutes],
    );
    if (!row) throw new ServerError(404, 'NOT_FOUND', say(WORDS.noSuchSchool));
    return reply.code(201).send({ code, expiresAt: row.expires_at.toISOString() });
  });

  app.post<{ Params: { id: string } }>('/v1/admin/devices/:id/revoke', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    const [device] = await db.query<{ school_id: string }>(
      'SELECT school_id FROM devices WHERE id::text = $1',
      [request.params.id],
    );
    // Another school's device answers as one that does not exist: its id tells nothing.
    if (!device || !manages(admin, device.school_id))
      throw new ServerError(404, 'NOT_FOUND', say(WORDS.noSuchDevice));
    await db.query(
      'UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE id::text = $1',
      [request.params.id],
    );
    return reply.code(204).send();
  });
}
