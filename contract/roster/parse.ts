import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { email, line, phone } from '../fields';
import type { RosterFiles } from './files';
import { MAX_ISSUES, RosterError, type RosterIssue } from './issues';

/**
 * OneRoster 1.1 and 1.2 CSV (bulk or delta), read into the rows Hearth uses: orgs, users
 * and, in 1.2, roles. Columns Hearth does not use are ignored; the ones it uses are checked
 * with the contract's own field rules, so a name a device would refuse is refused here,
 * naming the file, the line and the column. Version: 1.2 keeps roles in roles.csv, 1.1 in
 * users.csv's `role` column.
 */

export const CAREGIVER_ROLES = ['parent', 'guardian', 'relative'] as const;
const STAFF_ROLE_NAMES = [
  'teacher',
  'aide',
  'proctor',
  'counselor',
  'principal',
  'administrator',
  'siteAdministrator',
  'districtAdministrator',
  'systemAdministrator',
] as const;
export const ROSTER_ROLES = ['student', ...CAREGIVER_ROLES, ...STAFF_ROLE_NAMES] as const;
export type RosterRole = (typeof ROSTER_ROLES)[number];
export type CaregiverRole = (typeof CAREGIVER_ROLES)[number];

/** `inactive` is OneRoster 1.0's word for what later versions call `tobedeleted`. */
const status = z
  .enum(['', 'active', 'tobedeleted', 'inactive'], {
    error: 'must be active or tobedeleted',
  })
  .transform((s): 'active' | 'tobedeleted' =>
    s === 'tobedeleted' || s === 'inactive' ? 'tobedeleted' : 'active',
  );
const sourcedId = z
  .string()
  .trim()
  .min(1, 'cannot be empty')
  .max(255, 'must be at most 255 characters');
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s))
    .pipe(schema.nullable());
/** A comma-separated list of ids or codes in one cell. */
const list = z.string().transform((s) =>
  s
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== ''),
);

const orgRow = z.object({
  sourcedId,
  status: status.default('active'),
  name: line(),
  type: z.enum(['department', 'school', 'district', 'local', 'state', 'national'], {
    error: 'must be a OneRoster org type such as school or district',
  }),
});

const userRow = z.object({
  sourcedId,
  status: status.default('active'),
  enabledUser: z
    .enum(['', 'true', 'false', 'TRUE', 'FALSE', 'True', 'False'], {
      error: 'must be true or false',
    })
    .transform((s) => s.toLowerCase() !== 'false')
    .default(true),
  orgSourcedIds: list.default([]),
  role: optional(z.enum(ROSTER_ROLES, { error: 'is not a OneRoster role' })).default(null),
  givenName: line(),
  familyName: line(),
  preferredGivenName: optional(line()).default(null),
  email: optional(email).default(null),
  phone: optional(phone).default(null),
  sms: optional(phone).default(null),
  agentSourcedIds: list.default([]),
  grades: list.default([]),
});

const roleRow = z.object({
  /** OneRoster 1.2 gives each role its own id; Hearth reads it only to refuse a repeat. */
  sourcedId: optional(sourcedId).default(null),
  status: status.default('active'),
  userSourcedId: sourcedId,
  role: z.enum(ROSTER_ROLES, { error: 'is not a OneRoster role' }),
  orgSourcedId: sourcedId,
});

/**
 * Read only to be checked: Hearth keeps no classes or enrollments, but a file that names a
 * class or a user that is not there is a broken export, and importing the rest of it as if
 * whole would be wrong.
 */
const enrollmentRow = z.object({
  sourcedId,
  status: status.default('active'),
  classSourcedId: sourcedId,
  userSourcedId: sourcedId,
});
const classRow = z.object({ sourcedId, status: status.default('active') });

/** Checked only for being well formed: Hearth keeps no demographic data (see import.ts). */
const demographicRow = z.object({
  sourcedId,
  status: status.default('active'),
  birthDate: optional(z.iso.date({ error: 'must be a date such as 2015-09-01' })).default(null),
});

const manifestRow = z.object({ propertyName: z.string().trim(), value: z.string().trim() });

export interface OrgRow extends z.infer<typeof orgRow> {
  line: number;
}

export interface UserRow {
  line: number;
  sourcedId: string;
  status: 'active' | 'tobedeleted';
  enabled: boolean;
  /** Each role the user has and the org it is in. */
  roles: { role: RosterRole; org: string }[];
  givenName: string;
  familyName: string;
  preferredGivenName: string | null;
  email: string | null;
  phones: string[];
  agentSourcedIds: string[];
  grades: string[];
}

export interface Roster {
  version: '1.1' | '1.2';
  /** bulk: users.csv lists everyone, so whoever is missing has left; delta: only changes. */
  mode: 'bulk' | 'delta';
  orgs: OrgRow[];
  users: UserRow[];
}

type Row<S extends z.ZodType> = z.output<S> & { line: number };

/** The columns a row cannot do without: those its schema gives no default. */
const requiredColumns = (schema: z.ZodObject) =>
  Object.entries(schema.shape)
    .filter(([, column]) => !(column as z.ZodType).safeParse(undefined).success)
    .map(([name]) => name);

/**
 * A file's rows, each checked; null when the roster has no such file. A required column
 * missing from the header (or misspelled) is said once for the file, naming it and the
 * header found, and its rows are not read: each would only repeat it.
 */
function readCsv<S extends z.ZodObject>(
  files: RosterFiles,
  file: string,
  schema: S,
  issues: RosterIssue[],
): Row<S>[] | null {
  const content = files.get(file);
  if (content === undefined) return null;
  let header: string[] = [];
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(content, {
      columns: (names: string[]) => (header = names.map((h) => h.trim())),
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: false,
    });
  } catch (error) {
    const { lines, message } = error as { lines?: number; message: string };
    issues.push({
      file,
      line: lines ?? 0,
      field: '',
      message: `cannot be read as CSV (${message})`,
    });
    return [];
  }
  const missing = requiredColumns(schema).filter((column) => !header.includes(column));
  if (missing.length > 0) {
    const found = header.join(', ').slice(0, 200) || 'no columns at all';
    issues.push({
      file,
      line: 1,
      field: missing.join(', '),
      message: `${missing.length === 1 ? 'is a column it needs and' : 'are columns it needs and'} not in its header, which has: ${found}`,
    });
    return [];
  }
  const rows: Row<S>[] = [];
  for (const { record, info } of records) {
    // info.lines is where the record ends; a quoted value may span lines.
    const newlines = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
    const at = info.lines - newlines;
    const parsed = schema.safeParse(record);
    if (parsed.success) {
      rows.push({ ...(parsed.data as object), line: at } as Row<S>);
      continue;
    }
    for (const issue of parsed.error.issues)
      issues.push({ file, line: at, field: String(issue.path[0] ?? ''), message: issue.message });
    if (issues.length >= MAX_ISSUES) break;
  }
  return rows;
}

/** Every row whose sourcedId an earlier row of the same file has. */
function repeatedIds(
  file: string,
  rows: { sourcedId: string | null; line: number }[],
  issues: RosterIssue[],
) {
  const seen = new Set<string>();
  for (const row of rows) {
    if (row.sourcedId === null) continue;
    if (seen.has(row.sourcedId))
      issues.push({ file, line: row.line, field: 'sourcedId', message: 'appears twice' });
    seen.add(row.sourcedId);
  }
}

const FILE_OF = { user: 'users.csv', org: 'orgs.csv', class: 'classes.csv' } as const;

/** A row that names a user, an org or a class the roster does not have. */
const dangling = (
  file: string,
  line: number,
  field: string,
  what: 'user' | 'org' | 'class',
  id: string,
): RosterIssue => ({
  file,
  line,
  field,
  message: `names ${what === 'org' ? 'an' : 'a'} ${what} that is not in ${FILE_OF[what]} (${id.slice(0, 60)})`,
});

/** Issues in file and line order, as someone fixing the files reads them. */
const inOrder = (issues: RosterIssue[]) =>
  [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line).slice(0, MAX_ISSUES);

/** The roster's rows, or a RosterError listing everything wrong with its files. */
export function parseRoster(files: RosterFiles): Roster {
  const issues: RosterIssue[] = [];
  const fail = (issue: RosterIssue) => new RosterError([issue]);
  const orgs = readCsv(files, 'orgs.csv', orgRow, issues);
  const users = readCsv(files, 'users.csv', userRow, issues);
  const roles = readCsv(files, 'roles.csv', roleRow, issues);
  const demographics = readCsv(files, 'demographics.csv', demographicRow, issues);
  const classes = readCsv(files, 'classes.csv', classRow, issues);
  const enrollments = readCsv(files, 'enrollments.csv', enrollmentRow, issues);
  const manifest = readCsv(files, 'manifest.csv', manifestRow, issues) ?? [];
  const listed = (name: string) =>
    manifest.find((m) => m.propertyName === `file.${name}`)?.value ?? 'absent';
  const mode = listed('users') === 'delta' ? 'delta' : 'bulk';
  // A delta file carries only the files that changed: its orgs may be those already imported.
  if (!orgs && !(mode === 'delta' && listed('orgs') === 'absent'))
    throw fail({ file: 'orgs.csv', line: 0, field: '', message: 'is missing from the roster' });
  if (!users)
    throw fail({ file: 'users.csv', line: 0, field: '', message: 'is missing from the roster' });
  if (!roles && ['bulk', 'delta'].includes(listed('roles')))
    issues.push({
      file: 'roles.csv',
      line: 0,
      field: '',
      message: 'is listed in manifest.csv but missing from the roster',
    });
  if (issues.length > 0) throw new RosterError(inOrder(issues));

  const version = roles ? '1.2' : '1.1';
  repeatedIds('orgs.csv', orgs ?? [], issues);
  repeatedIds('users.csv', users, issues);
  repeatedIds('demographics.csv', demographics ?? [], issues);
  repeatedIds('roles.csv', roles ?? [], issues);
  repeatedIds('classes.csv', classes ?? [], issues);
  repeatedIds('enrollments.csv', enrollments ?? [], issues);
  const orgIds = new Set((orgs ?? []).map((o) => o.sourcedId));
  const userIds = new Set(users.map((u) => u.sourcedId));
  const classIds = new Set((classes ?? []).map((c) => c.sourcedId));
  for (const e of mode === 'bulk' ? (enrollments ?? []) : []) {
    if (!userIds.has(e.userSourcedId))
      issues.push(dangling('enrollments.csv', e.line, 'userSourcedId', 'user', e.userSourcedId));
    if (!classIds.has(e.classSourcedId))
      issues.push(dangling('enrollments.csv', e.line, 'classSourcedId', 'class', e.classSourcedId));
  }
  const rolesOf = new Map<string, { role: RosterRole; org: string }[]>();
  for (const r of roles ?? []) {
    // A delta file may name people and orgs an earlier import brought.
    if (mode === 'bulk' && !userIds.has(r.userSourcedId))
      issues.push(dangling('roles.csv', r.line, 'userSourcedId', 'user', r.userSourcedId));
    if (mode === 'bulk' && !orgIds.has(r.orgSourcedId))
      issues.push(dangling('roles.csv', r.line, 'orgSourcedId', 'org', r.orgSourcedId));
    if (r.status === 'tobedeleted') continue;
    rolesOf.set(r.userSourcedId, [
      ...(rolesOf.get(r.userSourcedId) ?? []),
      { role: r.role, org: r.orgSourcedId },
    ]);
  }
  const rows: UserRow[] = [];
  for (const u of users) {
    let userRoles: { role: RosterRole; org: string }[];
    if (version === '1.1') {
      if (!u.role) {
        issues.push({ file: 'users.csv', line: u.line, field: 'role', message: 'cannot be empty' });
        continue;
      }
      userRoles = u.orgSourcedIds.map((org) => ({ role: u.role as RosterRole, org }));
      for (const org of u.orgSourcedIds)
        if (mode === 'bulk' && !orgIds.has(org))
          issues.push(dangling('users.csv', u.line, 'orgSourcedIds', 'org', org));
    } else {
      userRoles = rolesOf.get(u.sourcedId) ?? [];
      if (userRoles.length === 0 && u.status === 'active')
        issues.push({
          file: 'roles.csv',
          line: 0,
          field: 'userSourcedId',
          message: `has no role for user ${u.sourcedId.slice(0, 60)} (users.csv line ${u.line})`,
        });
    }
    if (mode === 'bulk')
      for (const agent of u.agentSourcedIds)
        if (!userIds.has(agent))
          issues.push(dangling('users.csv', u.line, 'agentSourcedIds', 'user', agent));
    rows.push({
      line: u.line,
      sourcedId: u.sourcedId,
      status: u.status,
      enabled: u.enabledUser,
      roles: userRoles,
      givenName: u.givenName,
      familyName: u.familyName,
      preferredGivenName: u.preferredGivenName,
      email: u.email,
      phones: [...new Set([u.phone, u.sms].filter((p): p is string => p !== null))],
      agentSourcedIds: u.agentSourcedIds,
      grades: u.grades,
    });
  }
  if (issues.length > 0) throw new RosterError(inOrder(issues));
  return { version, mode, orgs: orgs ?? [], users: rows };
}
