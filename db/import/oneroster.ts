import {
  HearthError,
  NO_PREFERENCES,
  newId,
  type FamiliesImportInput,
  type FamiliesImportResult,
  type FieldIssue,
  type Person,
  type School,
  WORDS,
  say,
} from '../../contract';
import {
  CAREGIVER_LINK,
  FamilyGroups,
  agentsByStudent,
  caregiverRoleOf,
  gradeOf,
  householdNameOf,
} from '../../contract/roster/families';
import { rosterFileName, unzipRoster, type RosterFiles } from '../../contract/roster/files';
import { MAX_ISSUES, RosterError, type RosterIssue } from '../../contract/roster/issues';
import { parseRoster, type OrgRow, type Roster, type UserRow } from '../../contract/roster/parse';
import { fromRow } from '../columns';
import { requireSchool, type Ctx } from '../context';
import { similarNames } from '../search/similar';
import { getMeta } from '../store';
import { SYNC_META } from '../sync/meta';

const folded = (s: string | null) => (s ?? '').trim().toLocaleLowerCase();
const sameName = (a: { firstName: string; lastName: string | null }, b: typeof a) =>
  folded(a.firstName) === folded(b.firstName) && folded(a.lastName) === folded(b.lastName);

const asFieldIssue = ({ file, line, field, message }: RosterIssue): FieldIssue => ({
  path: [file, line > 0 && `line ${line}`, field].filter(Boolean).join(', '),
  message,
});

function refuse(issues: RosterIssue[]): never {
  throw new HearthError('VALIDATION', say(WORDS.rosterNotImported), {
    issues: issues.slice(0, MAX_ISSUES).map(asFieldIssue),
  });
}

/** The roster's org that is this school: the one of its name, else the only school in it. */
function orgOfSchool(roster: Roster, school: School): OrgRow {
  const schools = roster.orgs.filter((o) => o.type === 'school' && o.status === 'active');
  const named = schools.find((o) => folded(o.name) === folded(school.name));
  if (named) return named;
  if (schools.length === 1 && schools[0]) return schools[0];
  return refuse([
    {
      file: 'orgs.csv',
      line: 0,
      field: 'name',
      message:
        schools.length === 0
          ? 'lists no school'
          : `lists ${schools.length} schools and none is named “${school.name}”: export this school only, or name it as it is named here`,
    },
  ]);
}

/**
 * A OneRoster export imported on a school's own computer (no district server): its students
 * with their caregivers, grouped into families by the same rules the server uses
 * (contract/roster/families.ts), in the caller's transaction, all or nothing.
 *
 * Importing the same export again doesn't double anyone: a student is matched by roster id
 * (and their name, preferred name and grade follow the roster), a caregiver by name among
 * the people already linked to that student, a link by its student and person. What the
 * school changed here (preferences, pickup permissions, notes) is never touched. Known
 * limit: a student the roster marks `tobedeleted` or no longer lists is kept here; the
 * office archives them by hand, because nothing on a computer of its own should vanish
 * unseen. A computer joined to a district gets its roster from the district, and is refused.
 */
export function importOneRoster(ctx: Ctx, input: RosterInput): FamiliesImportResult {
  const school = requireSchool(ctx);
  if (getMeta(ctx.store, SYNC_META.serverUrl) !== null)
    throw new HearthError('CONFLICT', say(WORDS.rosterFromDistrict));
  let roster: Roster;
  try {
    roster = parseRoster(filesOf(input));
  } catch (error) {
    if (error instanceof RosterError) refuse(error.issues);
    throw error;
  }
  const org = orgOfSchool(roster, school);
  const byId = new Map(roster.users.map((u) => [u.sourcedId, u]));
  const agentsOf = agentsByStudent(roster);
  const students = roster.users.filter(
    (u) =>
      u.status === 'active' && u.roles.some((r) => r.role === 'student' && r.org === org.sourcedId),
  );
  const issues: RosterIssue[] = [];
  for (const student of students)
    for (const agentId of agentsOf.get(student.sourcedId) ?? [])
      if (!byId.has(agentId) && roster.mode === 'bulk')
        issues.push({
          file: 'users.csv',
          line: student.line,
          field: 'agentSourcedIds',
          message: `names a user not in users.csv (${agentId.slice(0, 60)})`,
        });
  if (issues.length > 0) refuse(issues);

  const result: FamiliesImportResult = {
    families: 0,
    people: 0,
    students: 0,
    updated: 0,
    toMerge: 0,
  };
  const groups = new FamilyGroups();
  const personOf = new Map<string, Person>();
  const newPeople: { agent: UserRow; person: Person }[] = [];
  const localStudents = (
    ctx.store
      .sql(
        `SELECT * FROM students WHERE school_id = ? AND source = 'local' AND merged_into_id IS NULL`,
      )
      .all(school.id) as Record<string, unknown>[]
  ).map((row) => fromRow('students', row));

  for (const user of students) {
    const values = {
      firstName: user.givenName,
      lastName: user.familyName,
      preferredName: user.preferredGivenName,
      grade: gradeOf(user.grades),
    };
    const row = ctx.store
      .sql('SELECT * FROM students WHERE school_id = ? AND roster_id = ?')
      .get(school.id, user.sourcedId) as Record<string, unknown> | undefined;
    let studentId: string;
    if (row) {
      const known = fromRow('students', row);
      studentId = known.id;
      const changed = (Object.keys(values) as (keyof typeof values)[]).some(
        (k) => values[k] !== known[k],
      );
      if (changed) {
        ctx.writer.update('students', known.id, values);
        result.updated++;
      }
    } else {
      studentId = ctx.writer.insert('students', {
        id: newId(),
        schoolId: school.id,
        ...values,
        homeroom: null,
        source: 'roster',
        rosterId: user.sourcedId,
        dateOfBirth: null,
        pronouns: null,
        mergedIntoId: null,
      }).id;
      result.students++;
      // Added here by hand before the roster came: offered as a merge, never silently doubled.
      if (localStudents.some((s) => similarNames(s, values))) result.toMerge++;
    }
    const linked = (
      ctx.store
        .sql(
          `SELECT p.* FROM people p JOIN student_person_links l ON l.person_id = p.id
           WHERE l.student_id = ? AND p.merged_into_id IS NULL`,
        )
        .all(studentId) as Record<string, unknown>[]
    ).map((r) => fromRow('people', r));

    for (const agentId of agentsOf.get(user.sourcedId) ?? []) {
      const agent = byId.get(agentId);
      const role = agent && agent.status === 'active' ? caregiverRoleOf(agent) : null;
      if (!agent || !role) continue;
      const names = { firstName: agent.givenName, lastName: agent.familyName };
      let person = personOf.get(agentId) ?? linked.find((p) => sameName(p, names));
      if (!person) {
        person = ctx.writer.insert('people', {
          id: newId(),
          schoolId: school.id,
          ...names,
          kind: role === 'relative' ? 'relative' : 'caregiver',
          phones: agent.phones.slice(0, 5),
          email: agent.email,
          householdId: null,
          ...NO_PREFERENCES,
          createdAt: ctx.now().toISOString(),
          mergedIntoId: null,
        });
        newPeople.push({ agent, person });
        result.people++;
      }
      personOf.set(agentId, person);
      groups.join(`s:${user.sourcedId}`, `p:${agentId}`);
      const link = ctx.store
        .sql('SELECT 1 FROM student_person_links WHERE student_id = ? AND person_id = ?')
        .get(studentId, person.id);
      if (link) continue;
      const { relationship, legalGuardian, pickup, officeNote } = CAREGIVER_LINK[role];
      ctx.writer.insert('student_person_links', {
        id: newId(),
        schoolId: school.id,
        studentId,
        personId: person.id,
        relationship,
        legalGuardian,
        livesWith: false,
        emergencyContact: false,
        pickup,
        officeNote,
      });
    }
  }

  // A new caregiver joins the household of someone already in their family group; a group
  // with none gets a new household named after its first new caregiver.
  const householdOf = new Map<string, string>();
  for (const [agentId, person] of personOf)
    if (person.householdId) householdOf.set(groups.find(`p:${agentId}`), person.householdId);
  for (const { agent, person } of newPeople) {
    const root = groups.find(`p:${agent.sourcedId}`);
    let household = householdOf.get(root);
    if (!household) {
      household = ctx.writer.insert('households', {
        id: newId(),
        schoolId: school.id,
        name: householdNameOf(agent),
        address: null,
      }).id;
      householdOf.set(root, household);
      result.families++;
    }
    ctx.writer.update('people', person.id, { householdId: household });
  }
  return result;
}

/** The most one school's export may unpack to on its own computer. */
const MAX_SCHOOL_ROSTER_BYTES = 64 * 1024 * 1024;

type RosterInput = Exclude<FamiliesImportInput, { format: 'families-csv' }>;

/** The export's CSV files by lower-case name, from its zip or from the files of its folder. */
const filesOf = (input: RosterInput): RosterFiles =>
  input.format === 'oneroster-zip'
    ? unzipRoster(Buffer.from(input.zip, 'base64'), MAX_SCHOOL_ROSTER_BYTES)
    : new Map(input.files.map((f) => [rosterFileName(f.name), f.text]));
