import { defaultTeams, newId, type StaffRole } from '../../contract';
import type { Sql } from '../db';
import { STAFF_COLUMNS, toStaff, type StaffRow } from '../auth/guards';
import { publishStaff, staffChanged } from '../sync/publish';
import type { RosterIssue } from '../../contract/roster/issues';
import type { Roster, RosterRole, UserRow } from '../../contract/roster/parse';
import type { SourceBook } from './sources';

/** OneRoster staff roles as Hearth roles; `null` school means a district account. */
const STAFF_ROLES: Partial<Record<RosterRole, StaffRole>> = {
  teacher: 'teacher',
  aide: 'teacher',
  proctor: 'teacher',
  counselor: 'student_support',
  principal: 'administrator',
  administrator: 'administrator',
  siteAdministrator: 'administrator',
  districtAdministrator: 'administrator',
  systemAdministrator: 'administrator',
};

/**
 * Staff in the roster: an account each, matched to an existing one by email the first
 * time. The roster wins for the name and for being active (`enabledUser`, `tobedeleted`,
 * and, in a bulk file, being absent), except that an account an administrator stopped in the
 * console stays stopped until one allows it again there; role and teams are set when the
 * account is made and are the administrators' after that. New accounts have no password
 * until an administrator sets one. District administrators are never deactivated by a
 * roster: they run the import, and a file that left them out would lock the district out of
 * its own server. Returns what changed.
 */
export async function importStaff(
  tx: Sql,
  roster: Roster,
  schoolOf: Map<string, string>,
  sources: SourceBook,
  issues: RosterIssue[],
  /** Users in a school that could not be placed: their problem is reported once, there. */
  inUnresolved: (user: UserRow) => boolean,
): Promise<{ created: number; updated: number; removed: number }> {
  const counts = { created: 0, updated: 0, removed: 0 };
  for (const user of roster.users) {
    const staffRole = user.roles.map((r) => STAFF_ROLES[r.role]).find((r) => r !== undefined);
    if (!staffRole || user.roles.some((r) => r.role === 'student')) continue;
    const schoolId =
      user.roles.flatMap((r) =>
        STAFF_ROLES[r.role] && schoolOf.has(r.org) ? [schoolOf.get(r.org) as string] : [],
      )[0] ?? null;
    const active = user.status === 'active' && user.enabled;
    const displayName = `${user.preferredGivenName ?? user.givenName} ${user.familyName}`.slice(
      0,
      200,
    );
    const mapped = sources.known('staff', user.sourcedId);
    let accountId = mapped?.hearthId;
    if (!accountId && user.email) {
      const [existing] = await tx.query<{ id: string }>(
        'SELECT id FROM staff_accounts WHERE lower(email) = lower($1)',
        [user.email],
      );
      accountId = existing?.id;
    }
    if (accountId) {
      const [row] = await tx.query<StaffRow & { active: boolean; changed: boolean }>(
        `WITH before AS (SELECT display_name, active FROM staff_accounts WHERE id = $1)
         UPDATE staff_accounts s SET display_name = $2,
           active = $3 AND s.stopped_in_console_at IS NULL
         FROM before WHERE s.id = $1
         RETURNING ${STAFF_COLUMNS}, s.active,
           (before.display_name IS DISTINCT FROM $2 OR before.active IS DISTINCT FROM s.active)
             AS changed`,
        [accountId, displayName, active],
      );
      if (!mapped)
        sources.remember({
          kind: 'staff',
          key: user.sourcedId,
          hearthId: accountId,
          schoolId: row?.school_id ?? null,
          imported: {},
        });
      if (row?.changed) {
        counts.updated += 1;
        await staffChanged(tx, { ...toStaff(row), active: row.active });
      }
      continue;
    }
    if (user.status === 'tobedeleted') continue;
    if (!user.email) {
      issues.push({
        file: 'users.csv',
        line: user.line,
        field: 'email',
        message: 'staff need an email address to have a Hearth account',
      });
      continue;
    }
    if (schoolId === null && staffRole !== 'administrator') {
      if (!inUnresolved(user))
        issues.push({
          file: 'users.csv',
          line: user.line,
          field: 'orgSourcedIds',
          message: 'staff other than administrators must belong to a school in orgs.csv',
        });
      continue;
    }
    const id = newId();
    const teams = defaultTeams(staffRole);
    // An empty password hash never verifies: the account waits for an administrator to set a first password.
    await tx.query(
      `INSERT INTO staff_accounts (id, school_id, email, display_name, role, teams, password_hash, active)
       VALUES ($1, $2, $3, $4, $5, $6, '', $7)`,
      [id, schoolId, user.email, displayName, staffRole, teams, active],
    );
    await publishStaff(tx, {
      id,
      schoolId,
      email: user.email,
      displayName,
      role: staffRole,
      teams,
      active,
    });
    sources.remember({ kind: 'staff', key: user.sourcedId, hearthId: id, schoolId, imported: {} });
    counts.created += 1;
  }
  if (roster.mode === 'bulk') counts.removed = await deactivateAbsent(tx, roster, sources);
  return counts;
}

/** Staff a bulk file no longer lists have left: their accounts stop working everywhere. */
async function deactivateAbsent(tx: Sql, roster: Roster, sources: SourceBook): Promise<number> {
  const listed = new Set(roster.users.map((u) => u.sourcedId));
  const absent = [...sources.all()]
    .filter((s) => s.kind === 'staff' && !listed.has(s.key))
    .map((s) => s.hearthId);
  if (absent.length === 0) return 0;
  const rows = await tx.query<StaffRow>(
    `UPDATE staff_accounts s SET active = false
     WHERE s.id = ANY($1::uuid[]) AND s.active
       AND NOT (s.role = 'administrator' AND s.school_id IS NULL)
     RETURNING ${STAFF_COLUMNS}`,
    [absent],
  );
  for (const row of rows) await staffChanged(tx, { ...toStaff(row), active: false });
  return rows.length;
}
