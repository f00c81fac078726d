import {
  NO_PREFERENCES,
  newId,
  type RosterImportRecord,
  type RosterSummary,
  type SyncedTable,
} from '../../contract';
import {
  CAREGIVER_LINK,
  FamilyGroups,
  agentsByStudent,
  caregiverRoleOf,
  gradeOf,
  householdNameOf,
} from '../../contract/roster/families';
import type { RosterFiles } from '../../contract/roster/files';
import { MAX_ISSUES, RosterError, type RosterIssue } from '../../contract/roster/issues';
import {
  parseRoster,
  type CaregiverRole,
  type Roster,
  type RosterRole,
  type UserRow,
} from '../../contract/roster/parse';
import type { ServerDb, Sql } from '../db';
import { publishMany, retireMany, type ServerWrite } from '../sync/publish';
import { SourceBook, changedSince, type Source } from './sources';
import { importStaff } from './staff';

/**
 * OneRoster import: the district's student information system is the source of truth for
 * who is enrolled and who their caregivers are; Hearth is where staff learn everything
 * else. So, field by field:
 * - the roster always wins for names, grades and who is linked to whom;
 * - it informs phones, email, relationship and legal guardianship: set when a record is
 *   made, and changed later only when the roster's own value changes, so a number the
 *   office corrected stays until the district records a new one;
 * - it never touches what only Hearth knows: households, preferences, languages, pickup
 *   permissions and office notes (a new link gets a default: caregivers listed as parent or
 *   guardian may pick up, relatives are "see the office").
 * `tobedeleted` (and, in a bulk file, being absent) takes students, caregivers and links off
 * every device (publish.ts: retireMany); a caregiver who leaves loses every pickup link at once.
 * Staff in the roster get accounts with no password (an administrator sets a first one) and
 * are deactivated when the roster disables them. Demographics are checked but not stored:
 * nothing Hearth does needs a student's birth date, sex or race, so it keeps none.
 * An import is one PostgreSQL transaction: a roster with any error imports nothing.
 */

export interface ImportOptions {
  /** Time zone for schools the roster adds (OneRoster has none). */
  timeZone?: string;
  /** The administrator importing; null from the command line. */
  importedBy?: string | null;
  nowMs?: number;
  /**
   * Decide everything and count it, then change nothing: what an import would create, change
   * and retire, or every problem, before anyone commits to it. Not kept in the history.
   */
  dryRun?: boolean;
}

/** Thrown inside a dry run's transaction so that it rolls back, carrying what it counted. */
class DryRunDone extends Error {
  constructor(readonly summary: ImportSummary) {
    super('dry run');
  }
}

/** What an import did or would do (contract/console.ts, which the console checks it with). */
export type ImportSummary = RosterSummary;

function emptySummary(roster: Roster): ImportSummary {
  const counts = () => ({ created: 0, updated: 0, removed: 0 });
  return {
    version: roster.version,
    mode: roster.mode,
    schools: counts(),
    students: counts(),
    caregivers: counts(),
    links: counts(),
    households: counts(),
    staff: counts(),
  };
}

export async function importRoster(
  db: ServerDb,
  files: RosterFiles,
  options: ImportOptions = {},
): Promise<ImportSummary> {
  const roster = parseRoster(files);
  try {
    return await db.transaction(async (tx) => {
      // One import at a time: two would each decide on the same stale mappings.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('hearth-roster-import'))`);
      const summary = await applyRoster(tx, roster, options);
      if (options.dryRun) throw new DryRunDone(summary);
      await tx.query(
        'INSERT INTO roster_imports (id, imported_by, version, summary) VALUES ($1, $2, $3, $4)',
        [newId(), options.importedBy ?? null, roster.version, JSON.stringify(summary)],
      );
      return summary;
    });
  } catch (error) {
    if (error instanceof DryRunDone) return error.summary;
    throw error;
  }
}

/** An import as the history lists it: when, by whom (null: the command line), what it did. */
/** The latest imports first, at most `limit`. */
export async function importHistory(db: Sql, limit: number): Promise<RosterImportRecord[]> {
  const rows = await db.query<{
    id: string;
    imported_at: Date;
    display_name: string | null;
    summary: ImportSummary;
  }>(
    `SELECT i.id, i.imported_at, s.display_name, i.summary FROM roster_imports i
     LEFT JOIN staff_accounts s ON s.id = i.imported_by
     ORDER BY i.imported_at DESC, i.id LIMIT $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: r.id,
    importedAt: new Date(r.imported_at).toISOString(),
    importedByName: r.display_name,
    summary: r.summary,
  }));
}

async function applyRoster(
  tx: Sql,
  roster: Roster,
  options: ImportOptions,
): Promise<ImportSummary> {
  const nowMs = options.nowMs ?? Date.now();
  const summary = emptySummary(roster);
  const issues: RosterIssue[] = [];
  const sources = await SourceBook.load(tx);

  // Schools: an org of type school, matched by id from an earlier import, else by name.
  const schoolOf = new Map<string, string>();
  // Schools that could not be placed: their people are not reported again one by one.
  const unresolved = new Set<string>();
  const inUnresolved = (u: UserRow) => u.roles.some((r) => unresolved.has(r.org));
  const existingSchools = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM schools',
  );
  const schoolWrites: ServerWrite[] = [];
  // A delta file may leave orgs.csv out, or carry only the orgs that changed: its users may
  // name schools an earlier import placed.
  if (roster.mode === 'delta')
    for (const source of sources.all())
      if (source.kind === 'org' && existingSchools.some((s) => s.id === source.hearthId))
        schoolOf.set(source.key, source.hearthId);
  for (const org of roster.orgs) {
    if (org.type !== 'school' || org.status === 'tobedeleted') continue;
    const mapped = sources.known('org', org.sourcedId);
    const byName = existingSchools.find((s) => s.name.toLowerCase() === org.name.toLowerCase());
    const school = mapped ? existingSchools.find((s) => s.id === mapped.hearthId) : byName;
    if (school) {
      schoolOf.set(org.sourcedId, school.id);
      if (!mapped)
        sources.remember({
          kind: 'org',
          key: org.sourcedId,
          hearthId: school.id,
          schoolId: school.id,
          imported: {},
        });
      if (school.name !== org.name) {
        await tx.query('UPDATE schools SET name = $2 WHERE id = $1', [school.id, org.name]);
        schoolWrites.push({
          table: 'schools',
          id: school.id,
          schoolId: school.id,
          values: { name: org.name },
        });
        summary.schools.updated += 1;
      }
      continue;
    }
    if (!options.timeZone) {
      unresolved.add(org.sourcedId);
      issues.push({
        file: 'orgs.csv',
        line: org.line,
        field: 'name',
        message: `is a school Hearth does not have yet; give the time zone for new schools (--time-zone)`,
      });
      continue;
    }
    const id = newId(nowMs);
    const [row] = await tx.query<{ created_at: Date }>(
      'INSERT INTO schools (id, name, time_zone) VALUES ($1, $2, $3) RETURNING created_at',
      [id, org.name, options.timeZone],
    );
    schoolWrites.push({
      table: 'schools',
      id,
      schoolId: id,
      values: {
        id,
        name: org.name,
        timeZone: options.timeZone,
        createdAt: (row?.created_at as Date).toISOString(),
      },
    });
    schoolOf.set(org.sourcedId, id);
    sources.remember({ kind: 'org', key: org.sourcedId, hearthId: id, schoolId: id, imported: {} });
    summary.schools.created += 1;
  }

  const byId = new Map(roster.users.map((u) => [u.sourcedId, u]));
  const rolesOf = (u: UserRow) => new Set(u.roles.map((r) => r.role));
  const schoolsOfUser = (u: UserRow, roles: (r: RosterRole) => boolean) => [
    ...new Set(
      u.roles
        .filter((r) => roles(r.role))
        .flatMap((r) => (schoolOf.has(r.org) ? [schoolOf.get(r.org) as string] : [])),
    ),
  ];

  // Students: one Hearth student each, in the first school the roster names.
  const studentWrites: ServerWrite[] = [];
  const retire: { table: SyncedTable; id: string }[] = [];
  const activeStudents: { user: UserRow; id: string; schoolId: string }[] = [];
  const listedStudents = new Set<string>();
  for (const user of roster.users) {
    if (!rolesOf(user).has('student')) continue;
    listedStudents.add(user.sourcedId);
    const mapped = sources.known('student', user.sourcedId);
    if (user.status === 'tobedeleted') {
      if (mapped) retire.push({ table: 'students', id: mapped.hearthId });
      continue;
    }
    const [schoolId] = schoolsOfUser(user, (r) => r === 'student');
    if (!schoolId) {
      if (!inUnresolved(user))
        issues.push({
          file: user.roles.length ? 'users.csv' : 'roles.csv',
          line: user.line,
          field: 'orgSourcedIds',
          message: 'a student must be enrolled in a school listed in orgs.csv',
        });
      continue;
    }
    const values = {
      firstName: user.givenName,
      lastName: user.familyName,
      preferredName: user.preferredGivenName,
      grade: gradeOf(user.grades),
      source: 'roster',
      rosterId: user.sourcedId,
    };
    // Hearth keeps a student in one school; one who moved school is a new record there.
    if (mapped && mapped.schoolId === schoolId) {
      studentWrites.push({ table: 'students', id: mapped.hearthId, schoolId, values });
      activeStudents.push({ user, id: mapped.hearthId, schoolId });
      continue;
    }
    if (mapped) retire.push({ table: 'students', id: mapped.hearthId });
    const id = newId(nowMs);
    studentWrites.push({
      table: 'students',
      id,
      schoolId,
      values: { id, schoolId, homeroom: null, ...values },
    });
    sources.remember({
      kind: 'student',
      key: user.sourcedId,
      hearthId: id,
      schoolId,
      imported: {},
    });
    activeStudents.push({ user, id, schoolId });
    summary.students.created += 1;
  }

  // Links: a student's agents, and everyone who names the student as theirs.
  const agentsOf = agentsByStudent(roster);

  const personWrites: ServerWrite[] = [];
  const linkWrites: ServerWrite[] = [];
  const householdWrites: ServerWrite[] = [];
  const families = new FamilyGroups();
  const newPeople: { source: Source; schoolId: string; agent: UserRow; write: ServerWrite }[] = [];
  const personIdOf = new Map<string, string>();
  const listedLinks = new Set<string>();
  const listedPeople = new Set<string>();
  for (const { user: student, id: studentId, schoolId } of activeStudents) {
    for (const agentId of agentsOf.get(student.sourcedId) ?? []) {
      const agent = byId.get(agentId);
      // Only a delta file names someone it does not carry (parseRoster refuses it in a bulk one).
      if (!agent) continue;
      const role = caregiverRoleOf(agent);
      if (!role || agent.status === 'tobedeleted') continue;
      const personKey = `${agentId}@${schoolId}`;
      families.join(`s:${student.sourcedId}@${schoolId}`, `p:${personKey}`);
      let personId = personIdOf.get(personKey);
      if (!personId) {
        personId = writePerson(agent, role, personKey, schoolId);
        personIdOf.set(personKey, personId);
      }
      const linkKey = `${student.sourcedId}|${agentId}`;
      listedLinks.add(linkKey);
      const defaults = CAREGIVER_LINK[role];
      const informed = {
        relationship: defaults.relationship,
        legalGuardian: defaults.legalGuardian,
      };
      const mapped = sources.known('link', linkKey);
      if (
        mapped &&
        mapped.schoolId === schoolId &&
        mapped.imported.studentId === studentId &&
        mapped.imported.personId === personId
      ) {
        linkWrites.push({
          table: 'student_person_links',
          id: mapped.hearthId,
          schoolId,
          values: changedSince(mapped.imported, informed),
        });
        sources.remember({ ...mapped, imported: { ...mapped.imported, ...informed } });
        continue;
      }
      if (mapped) retire.push({ table: 'student_person_links', id: mapped.hearthId });
      const id = newId(nowMs);
      linkWrites.push({
        table: 'student_person_links',
        id,
        schoolId,
        values: {
          id,
          schoolId,
          studentId,
          personId,
          ...informed,
          livesWith: false,
          emergencyContact: false,
          pickup: defaults.pickup,
          officeNote: defaults.officeNote,
        },
      });
      sources.remember({
        kind: 'link',
        key: linkKey,
        hearthId: id,
        schoolId,
        imported: { ...informed, studentId, personId },
      });
      summary.links.created += 1;
    }
  }

  function writePerson(agent: UserRow, role: CaregiverRole, key: string, schoolId: string): string {
    listedPeople.add(key);
    const names = { firstName: agent.givenName, lastName: agent.familyName };
    const informed = { phones: agent.phones.slice(0, 5), email: agent.email };
    const mapped = sources.known('person', key);
    if (mapped) {
      personWrites.push({
        table: 'people',
        id: mapped.hearthId,
        schoolId,
        values: { ...names, ...changedSince(mapped.imported, informed) },
      });
      sources.remember({ ...mapped, imported: { ...mapped.imported, ...informed } });
      return mapped.hearthId;
    }
    const id = newId(nowMs);
    const source: Source = { kind: 'person', key, hearthId: id, schoolId, imported: informed };
    const write: ServerWrite = {
      table: 'people',
      id,
      schoolId,
      values: {
        id,
        schoolId,
        ...names,
        kind: role === 'relative' ? 'relative' : 'caregiver',
        ...informed,
        householdId: null,
        ...NO_PREFERENCES,
        createdAt: new Date(nowMs).toISOString(),
        mergedIntoId: null,
      },
    };
    personWrites.push(write);
    sources.remember(source);
    newPeople.push({ source, schoolId, agent, write });
    summary.caregivers.created += 1;
    return id;
  }

  // Families: a new caregiver joins the household of someone already in their family
  // group (linked through the same students); a group with none gets a new household.
  const householdOfRoot = new Map<string, string>();
  const isNew = new Set(newPeople.map((p) => p.source.key));
  for (const key of personIdOf.keys()) {
    const household = sources.known('person', key)?.imported.householdId;
    if (typeof household === 'string' && !isNew.has(key))
      householdOfRoot.set(families.find(`p:${key}`), household);
  }
  for (const person of newPeople) {
    const root = families.find(`p:${person.source.key}`);
    let household = householdOfRoot.get(root);
    if (!household) {
      household = newId(nowMs);
      householdOfRoot.set(root, household);
      householdWrites.push({
        table: 'households',
        id: household,
        schoolId: person.schoolId,
        values: {
          id: household,
          schoolId: person.schoolId,
          name: householdNameOf(person.agent),
          address: null,
        },
      });
      summary.households.created += 1;
    }
    person.write.values.householdId = household;
    person.source.imported = { ...person.source.imported, householdId: household };
  }

  // Whoever a bulk file no longer lists has left; a delta file names who left.
  const left = new Set(
    roster.users.filter((u) => u.status === 'tobedeleted').map((u) => u.sourcedId),
  );
  const bulk = roster.mode === 'bulk';
  for (const source of sources.all()) {
    const { kind, key, hearthId: id } = source;
    if (kind === 'student' && bulk && !listedStudents.has(key))
      retire.push({ table: 'students', id });
    if (
      kind === 'person' &&
      (left.has(key.slice(0, key.lastIndexOf('@'))) || (bulk && !listedPeople.has(key)))
    )
      retire.push({ table: 'people', id });
    if (
      kind === 'link' &&
      (key.split('|').some((user) => left.has(user)) || (bulk && !listedLinks.has(key)))
    )
      retire.push({ table: 'student_person_links', id });
  }

  const staff = await importStaff(tx, roster, schoolOf, sources, issues, inUnresolved);
  summary.staff = staff;
  if (issues.length > 0) throw new RosterError(issues.slice(0, MAX_ISSUES));

  // Parents before children, so each pulled page a device applies is whole.
  await publishMany(tx, schoolWrites, nowMs);
  await publishMany(tx, householdWrites, nowMs);
  summary.students.updated =
    (await publishMany(tx, studentWrites, nowMs)) - summary.students.created;
  summary.caregivers.updated =
    (await publishMany(tx, personWrites, nowMs)) - summary.caregivers.created;
  summary.links.updated = (await publishMany(tx, linkWrites, nowMs)) - summary.links.created;
  // Links first: a device deletes a link at once, and a student or caregiver once nothing points at them.
  const retiring = [...new Map(retire.map((r) => [r.id, r])).values()];
  const retireAll = (table: SyncedTable) =>
    retireMany(
      tx,
      retiring.filter((r) => r.table === table),
      nowMs,
    );
  summary.links.removed = await retireAll('student_person_links');
  summary.caregivers.removed = await retireAll('people');
  summary.students.removed = await retireAll('students');
  await sources.save(tx);
  return summary;
}
