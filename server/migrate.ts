import type { ServerDb } from './db';
import { noticeRestore } from './sync/epoch';
import accounts from './migrations/0001_accounts';
import sync from './migrations/0002_sync';
import roster from './migrations/0003_roster';
import keys from './migrations/0004_keys';
import logWire from './migrations/0005_log_wire';
import audit from './migrations/0006_audit';
import rateLimits from './migrations/0007_rate_limits';
import pushInOneStatement from './migrations/0008_push_in_one_statement';
import auditRefusals from './migrations/0009_audit_refusals';
import signInBackoff from './migrations/0010_sign_in_backoff';
import overwrittenValues from './migrations/0011_overwritten_values';
import noDirectionControls from './migrations/0012_no_direction_controls';
import rosterStaffLookup from './migrations/0013_roster_staff_lookup';
import auditAcrossSchools from './migrations/0014_audit_across_schools';
import computerState from './migrations/0015_computer_state';
import restoreEpoch from './migrations/0016_restore_epoch';
import pushMarksSeen from './migrations/0017_push_marks_seen';
import groupedPushes from './migrations/0018_grouped_pushes';
import logTail from './migrations/0019_log_tail';
import stoppedInConsole from './migrations/0020_stopped_in_console';
import appendChecksSchoolOnce from './migrations/0021_append_checks_school_once';
import pushChecksLess from './migrations/0022_push_checks_less';
import recordsByKey from './migrations/0023_records_by_key';

/** Ordered: a migration's version is its place in this list, and it never changes. */
const MIGRATIONS: { name: string; sql: string }[] = [
  { name: 'accounts', sql: accounts },
  { name: 'sync', sql: sync },
  { name: 'roster', sql: roster },
  { name: 'keys', sql: keys },
  { name: 'log wire', sql: logWire },
  { name: 'audit', sql: audit },
  { name: 'rate limits', sql: rateLimits },
  { name: 'push in one statement', sql: pushInOneStatement },
  { name: 'audit refusals', sql: auditRefusals },
  { name: 'sign-in backoff', sql: signInBackoff },
  { name: 'overwritten values', sql: overwrittenValues },
  { name: 'no direction controls', sql: noDirectionControls },
  { name: 'roster staff lookup', sql: rosterStaffLookup },
  { name: 'audit across schools', sql: auditAcrossSchools },
  { name: 'computer state', sql: computerState },
  { name: 'restore epoch', sql: restoreEpoch },
  { name: 'push marks seen', sql: pushMarksSeen },
  { name: 'grouped pushes', sql: groupedPushes },
  { name: 'log tail', sql: logTail },
  { name: 'stopped in console', sql: stoppedInConsole },
  { name: 'append checks its school once', sql: appendChecksSchoolOnce },
  { name: 'push checks less', sql: pushChecksLess },
  { name: 'records by key', sql: recordsByKey },
];

export const SERVER_SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {}

/**
 * Bring the database up to this server's schema, each migration in its own transaction with
 * its row in `server_migrations`, and notice a database restored from a backup into a new
 * database (server/sync/epoch.ts). Several instances may start at once against one database:
 * an advisory lock makes them take turns, and each re-reads what is applied after waiting.
 * A database written by a newer server is refused, untouched. `upTo` stops at an earlier
 * version (a test of a migration's conversion sets one up).
 */
export async function migrateServer(
  db: ServerDb,
  upTo = SERVER_SCHEMA_VERSION,
): Promise<{ restoreNoticed: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('hearth-server-migrations'))`);
    await tx.exec(`CREATE TABLE IF NOT EXISTS server_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const [row] = await tx.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM server_migrations',
    );
    const current = row?.version ?? 0;
    if (current > SERVER_SCHEMA_VERSION)
      throw new NewerDatabaseError(
        `This database was set up by a newer version of the Hearth server (schema ${current}; ` +
          `this server knows up to ${SERVER_SCHEMA_VERSION}). Upgrade this server, or point it ` +
          'at another database; nothing was changed.',
      );
    for (const [index, migration] of MIGRATIONS.entries()) {
      const version = index + 1;
      if (version <= current || version > upTo) continue;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO server_migrations (version, name) VALUES ($1, $2)', [
        version,
        migration.name,
      ]);
    }
    return { restoreNoticed: upTo === SERVER_SCHEMA_VERSION && (await noticeRestore(tx)) };
  });
}
