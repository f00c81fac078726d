import type { FastifyInstance } from 'fastify';
import {
  adminStaffQuery,
  newId,
  schoolInput,
  staffAccountInput,
  staffAccountPatch,
  WORDS,
  say,
  type AdminStaff,
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
import type { ServerDb } from '../db';
import { ServerError, forbidden } from '../errors';
import { publish, publishStaff, staffChanged } from '../sync/publish';
import { parseBody } from '../validate';

/** Schools and their staff accounts; each change syncs down to the school's devices. */
export function staffRoutes(app: FastifyInstance, db: ServerDb): void {
  app.post('/v1/admin/schools', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    if (admin.schoolId !== null) throw forbidden(say(WORDS.districtAddsSchools));
    const input = parseBody(schoolInput, request.body);
    const school = { id: newId(), name: input.name, timeZone: input.timeZone };
    await db.transaction(async (tx) => {
      const [row] = await tx.query<{ created_at: Date }>(
        'INSERT INTO schools (id, name, time_zone) VALUES ($1, $2, $3) RETURNING created_at',
        [school.id, school.name, school.timeZone],
      );
      await publish(tx, 'schools', {
        ...school,
        createdAt: (row?.created_at as Date).toISOString(),
      });
    });
    return reply.code(201).send(school);
  });

  app.get('/v1/admin/staff', async (request): Promise<AdminStaff[]> => {
    const admin = await requireAdmin(db, request);
    const { schoolId } = parseBody(adminStaffQuery, request.query);
    checkManages(admin, schoolId);
    const rows = await db.query<
      StaffRow & {
        active: boolean;
        has_password: boolean;
        from_roster: boolean;
        stopped_in_console_at: Date | null;
      }
    >(
      `SELECT ${STAFF_COLUMNS}, s.active, s.password_hash <> '' AS has_password,
         r.hearth_id IS NOT NULL AS from_roster, s.stopped_in_console_at
       FROM staff_accounts s
       LEFT JOIN (SELECT hearth_id FROM roster_sources WHERE kind = 'staff') r ON r.hearth_id = s.id
       WHERE s.school_id = $1
       ORDER BY s.active DESC, lower(s.display_name), s.id`,
      [schoolId],
    );
    return rows.map((row) => ({
      ...toStaff(row),
      active: row.active,
      hasPassword: row.has_password,
      fromRoster: row.from_roster,
      stoppedInConsoleAt: row.stopped_in_console_at?.toISOString() ?? null,
    }));
  });

  app.post('/v1/admin/staff', async (request, reply) => {
    const admin = await requireAdmin(db, request);
    const input = parseBody(staffAccountInput, request.body);
    checkManages(admin, input.schoolId);
    const passwordHash = await hashPassword(input.password);
    const staff = await db.transaction(async (tx) => {
      const [taken] = await tx.query(
        'SELECT 1 FROM staff_accounts WHERE lower(email) = lower($1)',
        [input.email],
      );
      if (taken) throw new ServerError(409, 'CONFLICT', say(WORDS.emailTaken));
      const [row] = await tx.query<StaffRow>(
        `INSERT INTO staff_accounts AS s (id, school_id, email, display_name, role, teams, password_hash)
         SELECT $1, id, $3, $4, $5, $6, $7 FROM schools WHERE id = $2 RETURNING ${STAFF_COLUMNS}`,
        [
          newId(),
          input.schoolId,
          input.email,
          input.displayName,
          input.role,
          input.teams,
          passwordHash,
        ],
      );
      if (!row) throw new ServerError(404, 'NOT_FOUND', say(WORDS.noSuchSchool));
      const created = toStaff(row);
      await publishStaff(tx, { ...created, active: true });
      return created;
    });
    return reply.code(201).send(staff);
  });

  /** Taking someone off a team or deactivating them removes what they no longer may see from devices. */
  app.patch<{ Params: { id: string } }>('/v1/admin/staff/:id', async (request) => {
    const admin = await requireAdmin(db, request);
    const patch = parseBody(staffAccountPatch, request.body);
    const passwordHash = patch.password ? await hashPassword(patch.password) : null;
    return db.transaction(async (tx) => {
      const [current] = await tx.query<
        StaffRow & { active: boolean; stopped_in_console_at: Date | null }
      >(
        `SELECT ${STAFF_COLUMNS}, s.active, s.stopped_in_console_at FROM staff_accounts s
         WHERE s.id::text = $1 FOR UPDATE`,
        [request.params.id],
      );
      // Another school's staff answer as someone who does not exist: their id tells nothing.
      if (!current || current.school_id === null || !manages(admin, current.school_id))
        throw new ServerError(404, 'NOT_FOUND', say(WORDS.noSuchStaff));
      // The caller is an active administrator who manages this school, so refusing these two
      // keeps every school manageable (district administrators are not changed here).
      if (current.id === admin.id && patch.active === false)
        throw new ServerError(409, 'CONFLICT', say(WORDS.cannotDeactivateSelf));
      if (current.id === admin.id && patch.role !== undefined && patch.role !== 'administrator')
        throw new ServerError(409, 'CONFLICT', say(WORDS.cannotDropOwnAdmin));
      // The roster's next import would quietly undo a new name, or an account made active
      // that the roster has as gone: those are made in the roster. Stopping an account is not:
      // someone who left today must lose access today, and the stop outlasts the roster's
      // imports until an administrator allows the account again here.
      const renamed = patch.displayName !== undefined && patch.displayName !== current.display_name;
      const revived =
        patch.active === true && !current.active && current.stopped_in_console_at === null;
      if (renamed || revived) {
        const [fromRoster] = await tx.query(
          `SELECT 1 FROM roster_sources WHERE kind = 'staff' AND hearth_id = $1`,
          [current.id],
        );
        if (fromRoster)
          throw new ServerError(
            409,
            'CONFLICT',
            say(renamed ? WORDS.rosterOwnsStaffName : WORDS.rosterStoppedStaff),
          );
      }
      const [row] = await tx.query<StaffRow & { active: boolean }>(
        `UPDATE staff_accounts s SET display_name = coalesce($2, display_name), role = coalesce($3, role),
           teams = coalesce($4, teams), active = coalesce($5, active),
           stopped_in_console_at = CASE WHEN $5 IS NULL THEN stopped_in_console_at
             WHEN $5 THEN NULL ELSE coalesce(stopped_in_console_at, now()) END,
           password_hash = coalesce($6, password_hash)
         WHERE s.id = $1 RETURNING ${STAFF_COLUMNS}, s.active`,
        [
          current.id,
          patch.displayName ?? null,
          patch.role ?? null,
          patch.teams ?? null,
          patch.active ?? null,
          passwordHash,
        ],
      );
      const updated = { ...toStaff(row as StaffRow), active: (row as { active: boolean }).active };
      await staffChanged(tx, updated);
      return updated;
    });
  });
}
