import type { FastifyInstance } from 'fastify';
import type { AdminDevice, ServerInfo, ServerSchool } from '../../contract';
import { requireAdmin } from '../auth/guards';
import type { ServerDb } from '../db';
import { SERVER_SCHEMA_VERSION } from '../migrate';
import type { ProtocolRange } from '../protocol';
import { version } from '../../package.json';

/**
 * What an administrator manages, listed: the schools, their computers, and the server itself.
 * A district administrator (no school) sees every school; a school's administrator, their own.
 */
export function directoryRoutes(
  app: FastifyInstance,
  db: ServerDb,
  protocols: ProtocolRange,
): void {
  app.get('/v1/admin/schools', async (request): Promise<ServerSchool[]> => {
    const admin = await requireAdmin(db, request);
    return db.query<ServerSchool>(
      `SELECT id, name, time_zone AS "timeZone" FROM schools
       WHERE $1::uuid IS NULL OR id = $1 ORDER BY name, id`,
      [admin.schoolId],
    );
  });

  // Refusals are counted per computer with a subquery each: a district has hundreds of
  // computers, not millions, and the counts come from the primary key's index.
  app.get('/v1/admin/devices', async (request): Promise<AdminDevice[]> => {
    const admin = await requireAdmin(db, request);
    const rows = await db.query<{
      id: string;
      name: string;
      school_id: string;
      school_name: string;
      enrolled_at: Date;
      last_seen_at: Date | null;
      revoked_at: Date | null;
      refused: string;
      audit_refused: string;
      app_version: string | null;
      changes_waiting: number | null;
      conflicts_waiting: number | null;
    }>(
      `SELECT d.id, d.name, s.id AS school_id, s.name AS school_name, d.enrolled_at,
         d.last_seen_at, d.revoked_at, d.audit_refused, d.app_version, d.changes_waiting,
         d.conflicts_waiting,
         (SELECT count(*) FROM sync_rejections r WHERE r.device_id = d.id) AS refused
       FROM devices d JOIN schools s ON s.id = d.school_id
       WHERE $1::uuid IS NULL OR d.school_id = $1
       ORDER BY d.revoked_at IS NOT NULL, s.name, d.name, d.id`,
      [admin.schoolId],
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      school: { id: row.school_id, name: row.school_name },
      enrolledAt: row.enrolled_at.toISOString(),
      lastSeenAt: row.last_seen_at?.toISOString() ?? null,
      revokedAt: row.revoked_at?.toISOString() ?? null,
      refusedChanges: Number(row.refused),
      refusedAuditEntries: Number(row.audit_refused),
      appVersion: row.app_version,
      changesWaiting: row.changes_waiting,
      conflictsWaiting: row.conflicts_waiting,
    }));
  });

  app.get('/v1/admin/server', async (request): Promise<ServerInfo> => {
    await requireAdmin(db, request);
    const [row] = await db.query<{ server_version: string; restored_at: Date | null }>(
      `SELECT current_setting('server_version') AS server_version,
         (SELECT restored_at FROM sync_epoch) AS restored_at`,
    );
    return {
      version,
      protocols,
      database: db.kind,
      databaseVersion: row?.server_version ?? '',
      schema: SERVER_SCHEMA_VERSION,
      restoredAt: row?.restored_at?.toISOString() ?? null,
    };
  });
}
