import {
  HearthError,
  NO_PREFERENCES,
  type Contact,
  type Person,
  type AllowedPickup,
  type PickupWarning,
  type School,
  type Visit,
  newId,
  badgeCodeFrom,
  readBadgeCode,
  splitTypedName,
  type VisitView,
  WORDS,
  say,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { fold } from '../search/normalize';
import { startOfSchoolDay } from '../school-day';
import { cautionMatches } from './cautions';
import { studentSummaries } from './summaries';

type Row = Record<string, unknown>;

const PURPOSE_WORDS: Record<Visit['purpose'], string> = {
  pickup: 'pickup / early dismissal',
  drop_off: 'drop-off',
  meeting: 'meeting',
  volunteer: 'volunteering',
  question: 'a question',
  concern: 'a concern',
  enrollment: 'enrollment',
  other: 'a visit',
};

/**
 * A visit as it lands in the family's contact history: a walk-in, at the time the visitor
 * signed in, logged by who greeted them (`householdId`: the visitor's family, if any).
 */
export function walkInContact(visit: Visit, householdId: string | null): Contact {
  return {
    id: newId(Date.parse(visit.signedInAt)),
    schoolId: visit.schoolId,
    personId: visit.personId,
    studentIds: visit.studentIds,
    kind: 'walk_in',
    direction: 'family_to_school',
    tone: visit.purpose === 'concern' ? 'concern' : 'information',
    language: visit.language,
    interpreterUsed: visit.interpreterUsed,
    summary: `Came in for ${PURPOSE_WORDS[visit.purpose]}${visit.seeing ? `, to see ${visit.seeing}` : ''}.`,
    staffId: visit.greetedBy,
    occurredAt: visit.signedInAt,
    visitId: visit.id,
    householdId,
    homeVisitId: null,
    correctsId: null,
    recordedBy: null,
  };
}

function displayName(p: { firstName: string; lastName: string | null }): string {
  return p.lastName ? `${p.firstName} ${p.lastName}` : p.firstName;
}

/** Who may pick each of these students up: names, relationship and a phone, to call. */
function allowedPickups(ctx: Ctx, studentIds: readonly string[]): Map<string, AllowedPickup[]> {
  const rows = ctx.store
    .sql(
      `SELECT l.student_id, l.relationship, p.id, p.first_name, p.last_name, p.phones
       FROM student_person_links l JOIN people p ON p.id = l.person_id
       WHERE l.pickup = 'allowed' AND p.merged_into_id IS NULL
         AND l.student_id IN (SELECT value FROM json_each(?))
       ORDER BY l.legal_guardian DESC, p.first_name`,
    )
    .all(JSON.stringify(studentIds)) as {
    student_id: string;
    relationship: string;
    id: string;
    first_name: string;
    last_name: string | null;
    phones: string;
  }[];
  const byStudent = new Map<string, AllowedPickup[]>();
  for (const row of rows) {
    const list = byStudent.get(row.student_id) ?? [];
    if (list.length < 20)
      list.push({
        personId: row.id,
        name: displayName({ firstName: row.first_name, lastName: row.last_name }),
        relationship: row.relationship,
        phone: (JSON.parse(row.phones) as string[])[0] ?? null,
      });
    byStudent.set(row.student_id, list);
  }
  return byStudent;
}

/**
 * What the desk must see before releasing students to this person: links that say not
 * allowed or see office, and students the person has no link to at all (a stranger among
 * them), each with who may pick the student up.
 */
export function pickupWarnings(
  ctx: Ctx,
  personId: string,
  studentIds: readonly string[],
): PickupWarning[] {
  const students = studentSummaries(ctx, studentIds);
  const links = ctx.store
    .sql(
      `SELECT student_id, pickup, office_note FROM student_person_links
       WHERE person_id = ? AND student_id IN (SELECT value FROM json_each(?))`,
    )
    .all(personId, JSON.stringify(studentIds)) as {
    student_id: string;
    pickup: string;
    office_note: string | null;
  }[];
  const byStudent = new Map(links.map((l) => [l.student_id, l]));
  const allowed = allowedPickups(ctx, studentIds);
  const warnings: PickupWarning[] = [];
  for (const studentId of studentIds) {
    const student = students.get(studentId);
    if (!student) throw new HearthError('NOT_FOUND', say(WORDS.studentNotFound));
    const warning = {
      studentId,
      studentName: displayName(student),
      allowed: allowed.get(studentId) ?? [],
    };
    const link = byStudent.get(studentId);
    if (!link) warnings.push({ ...warning, status: 'not_listed', officeNote: null });
    else if (link.pickup === 'not_allowed' || link.pickup === 'see_office')
      warnings.push({ ...warning, status: link.pickup, officeNote: link.office_note });
  }
  return warnings;
}

type LinkRow = {
  person_id: string;
  student_id: string;
  pickup: 'not_allowed' | 'see_office';
  office_note: string | null;
};

/** The students each of these people may not take (or only after the office), by person. */
function cautionsOf(ctx: Ctx, personIds: readonly string[]): Map<string, PickupWarning[]> {
  const rows = ctx.store
    .sql(
      `SELECT person_id, student_id, pickup, office_note FROM student_person_links
       WHERE pickup IN ('not_allowed', 'see_office')
         AND person_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(personIds)) as LinkRow[];
  const students = studentSummaries(ctx, [...new Set(rows.map((r) => r.student_id))]);
  const byPerson = new Map<string, PickupWarning[]>();
  for (const row of rows) {
    const student = students.get(row.student_id);
    if (!student) continue;
    const list = byPerson.get(row.person_id) ?? [];
    list.push({
      studentId: row.student_id,
      studentName: displayName(student),
      status: row.pickup,
      officeNote: row.office_note,
    });
    byPerson.set(row.person_id, list);
  }
  return byPerson;
}

/** How close in time an early dismissal is "the same minutes" as a restricted visitor leaving. */
const RELEASE_WINDOW_MS = 15 * 60_000;

/**
 * The cautions that apply as this visitor leaves: students they may not take who are being
 * dismissed now (a pickup signed in within the last minutes, or still at the desk).
 */
function leavingWarnings(ctx: Ctx, visit: Visit, cautions: PickupWarning[]): PickupWarning[] {
  if (cautions.length === 0) return [];
  const since = new Date(ctx.now().getTime() - RELEASE_WINDOW_MS).toISOString();
  const released = new Set(
    (
      ctx.store
        .sql(
          `SELECT DISTINCT j.value AS student_id FROM visits v, json_each(v.student_ids) j
           WHERE v.school_id = ? AND v.purpose = 'pickup' AND v.id != ?
             AND (v.signed_in_at >= ? OR v.signed_out_at IS NULL OR v.signed_out_at >= ?)`,
        )
        .all(visit.schoolId, visit.id, since, since) as { student_id: string }[]
    ).map((r) => r.student_id),
  );
  return cautions.filter((c) => released.has(c.studentId));
}

function views(ctx: Ctx, rows: Row[]): VisitView[] {
  const visits = rows.map((row) => fromRow('visits', row));
  const cautions = cautionsOf(ctx, [
    ...new Set(visits.flatMap((v) => (v.personId ? [v.personId] : []))),
  ]);
  const students = studentSummaries(ctx, [...new Set(visits.flatMap((v) => v.studentIds))]);
  const staffNames = new Map(
    (
      ctx.store.sql('SELECT id, display_name FROM staff').all() as {
        id: string;
        display_name: string;
      }[]
    ).map((s) => [s.id, s.display_name]),
  );
  return visits.map((v, i) => ({
    ...v,
    students: v.studentIds.flatMap((id) => students.get(id) ?? []),
    greetedByName: staffNames.get(v.greetedBy) ?? 'Unknown staff',
    visitorKind: ((rows[i] as Row).visitor_kind as VisitView['visitorKind']) ?? null,
    cautions: (v.personId && cautions.get(v.personId)) || [],
  }));
}

const VISIT_SELECT =
  'SELECT v.*, p.kind AS visitor_kind FROM visits v LEFT JOIN people p ON p.id = v.person_id';

export function visitView(ctx: Ctx, id: string): VisitView {
  return views(ctx, [
    ctx.store.sql(`${VISIT_SELECT} WHERE v.id = ?`).get(id) as Row,
  ])[0] as VisitView;
}

/** A visitor typed in on the spot, named as `splitTypedName` says. */
function addVisitor(
  ctx: Ctx,
  schoolId: string,
  fullName: string,
  phone: string | undefined,
): Person {
  return ctx.writer.insert('people', {
    id: newId(),
    schoolId,
    ...splitTypedName(fullName),
    kind: 'visitor',
    phones: phone ? [phone] : [],
    email: null,
    householdId: null,
    ...NO_PREFERENCES,
    createdAt: ctx.now().toISOString(),
    mergedIntoId: null,
  });
}

export const visitHandlers = {
  'visit.cautions': (ctx, { personId }) => {
    loadOwned(ctx, 'people', personId, 'person');
    return cautionsOf(ctx, [personId]).get(personId) ?? [];
  },

  'visit.pickupCheck': (ctx, { personId, studentIds }) => {
    loadOwned(ctx, 'people', personId, 'person');
    return pickupWarnings(ctx, personId, studentIds);
  },

  /**
   * Sign a visitor in. A pickup with warnings is refused until the desk acknowledges them;
   * the visit keeps the warnings and the time of acknowledgement. The visit also lands in
   * the family's contact history as a walk-in.
   */
  'visit.signIn': (ctx, input) => {
    const staff = requireStaff(ctx);
    const school = requireSchool(ctx);
    const person =
      'personId' in input.visitor
        ? loadOwned(ctx, 'people', input.visitor.personId, 'person')
        : addVisitor(
            ctx,
            school.id,
            input.visitor.newVisitor.fullName,
            input.visitor.newVisitor.phone,
          );
    const studentIds = [...new Set(input.studentIds)];

    const open = ctx.store
      .sql('SELECT signed_in_at FROM visits WHERE person_id = ? AND signed_out_at IS NULL')
      .get(person.id) as { signed_in_at: string } | undefined;
    if (open) {
      throw new HearthError('CONFLICT', say(WORDS.alreadySignedIn, { name: displayName(person) }));
    }

    const now = ctx.now().toISOString();
    const warnings = input.purpose === 'pickup' ? pickupWarnings(ctx, person.id, studentIds) : [];
    if (studentIds.length > 0 && input.purpose !== 'pickup')
      studentSummariesOrFail(ctx, studentIds);
    if (warnings.length > 0 && !input.acknowledgePickupWarnings && !input.guardianConfirmation) {
      throw new HearthError(
        'PICKUP_ACK_REQUIRED',
        say(WORDS.checkWithOffice, { name: displayName(person) }),
        { details: warnings },
      );
    }

    const cautions = cautionMatches(ctx, displayName(person), person.phones);
    const seen = new Set(input.seenCautionIds);
    if (cautions.some((c) => !seen.has(c.id)))
      throw new HearthError('CONFLICT', say(WORDS.cautionNotSeen, { name: displayName(person) }));

    const visit = ctx.writer.insert('visits', {
      id: newId(),
      schoolId: school.id,
      personId: person.id,
      visitorName: displayName(person),
      studentIds,
      purpose: input.purpose,
      seeing: input.seeing,
      language: input.language,
      interpreterUsed: input.interpreterUsed,
      signedInAt: now,
      signedOutAt: null,
      greetedBy: staff.id,
      pickupWarnings: warnings,
      pickupAcknowledgedAt: warnings.length > 0 ? now : null,
      guardianConfirmation: warnings.length > 0 ? input.guardianConfirmation : null,
      signOutWarnings: null,
      signOutAcknowledgedAt: null,
      cautionIds: cautions.length > 0 ? cautions.map((c) => c.id) : null,
      badgeCode: newBadgeCode(ctx, school),
    });
    ctx.writer.insert('contacts', walkInContact(visit, person.householdId));
    return visitView(ctx, visit.id);
  },

  'visit.signOut': (ctx, { visitId, acknowledgeWarnings }) => {
    requireStaff(ctx);
    return signOut(ctx, loadOwned(ctx, 'visits', visitId, 'visit'), acknowledgeWarnings);
  },

  /**
   * Sign out the visitor whose badge this is, typed or scanned at the desk. A badge is good
   * only on the day of its visit: yesterday's code finds no one.
   */
  'visit.signOutByCode': (ctx, { code, acknowledgeWarnings }) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    const read = readBadgeCode(code);
    const row =
      read &&
      (ctx.store
        .sql(
          `SELECT * FROM visits WHERE school_id = ? AND badge_code = ? AND signed_in_at >= ?
           ORDER BY pk DESC LIMIT 1`,
        )
        .get(school.id, read, startOfSchoolDay(ctx.now(), school.timeZone)) as Row | undefined);
    if (!row) throw new HearthError('NOT_FOUND', say(WORDS.badgeNotToday, { code: code.trim() }));
    const visit = fromRow('visits', row);
    if (visit.signedOutAt)
      throw new HearthError(
        'CONFLICT',
        say(WORDS.badgeAlreadyOut, { code: read, name: visit.visitorName }),
      );
    return signOut(ctx, visit, acknowledgeWarnings);
  },

  'visit.signOutAll': (ctx) => {
    requireStaff(ctx);
    const school = requireSchool(ctx);
    const open = ctx.store
      .sql('SELECT id FROM visits WHERE school_id = ? AND signed_out_at IS NULL')
      .all(school.id) as {
      id: string;
    }[];
    const now = ctx.now().toISOString();
    for (const { id } of open) ctx.writer.update('visits', id, { signedOutAt: now });
    return { count: open.length };
  },

  'visit.inBuilding': (ctx) => {
    const school = requireSchool(ctx);
    const rows = ctx.store
      .sql(
        `${VISIT_SELECT} WHERE v.school_id = ? AND v.signed_out_at IS NULL ORDER BY v.signed_in_at`,
      )
      .all(school.id) as Row[];
    return views(ctx, rows);
  },

  /**
   * Today's visits in the school's time zone, newest first. The filter runs over at most one
   * day of visits, so it folds text in memory rather than keeping another index.
   */
  'visit.today': (ctx, { text }) => {
    const school = requireSchool(ctx);
    const rows = ctx.store
      .sql(
        `${VISIT_SELECT} WHERE v.school_id = ? AND v.signed_in_at >= ? ORDER BY v.signed_in_at DESC`,
      )
      .all(school.id, startOfSchoolDay(ctx.now(), school.timeZone)) as Row[];
    const all = views(ctx, rows);
    const needle = fold(text);
    const visits = needle
      ? all.filter((v) =>
          fold(
            [
              v.visitorName,
              v.seeing ?? '',
              PURPOSE_WORDS[v.purpose],
              ...v.students.map(displayName),
            ].join(' '),
          ).includes(needle),
        )
      : all;
    return { total: all.length, visits };
  },
} satisfies Partial<Handlers>;

/**
 * Sign a visitor out. One who may not take a student being dismissed right now is not let
 * go unremarked: the desk sees the warning again and acknowledges it, and the visit keeps it.
 */
function signOut(ctx: Ctx, visit: Visit, acknowledgeWarnings: boolean): VisitView {
  if (visit.signedOutAt)
    throw new HearthError('CONFLICT', say(WORDS.alreadySignedOut, { name: visit.visitorName }));
  const cautions = visit.personId
    ? (cautionsOf(ctx, [visit.personId]).get(visit.personId) ?? [])
    : [];
  const warnings = leavingWarnings(ctx, visit, cautions);
  if (warnings.length > 0 && !acknowledgeWarnings)
    throw new HearthError(
      'PICKUP_ACK_REQUIRED',
      say(WORDS.checkBeforeLeaving, { name: visit.visitorName }),
      { details: warnings },
    );
  const now = ctx.now().toISOString();
  ctx.writer.update('visits', visit.id, {
    signedOutAt: now,
    ...(warnings.length > 0 && { signOutWarnings: warnings, signOutAcknowledgedAt: now }),
  });
  return visitView(ctx, visit.id);
}

/** A badge code no visit of the school has today (a repeat among 2^40 is rare, but checked). */
/** A code no other visit of the school's day has (only the day's visits are looked up). */
function newBadgeCode(ctx: Ctx, school: School): string {
  const dayStart = startOfSchoolDay(ctx.now(), school.timeZone);
  for (;;) {
    const code = badgeCodeFrom(crypto.getRandomValues(new Uint8Array(5)));
    const taken = ctx.store
      .sql('SELECT 1 FROM visits WHERE school_id = ? AND signed_in_at >= ? AND badge_code = ?')
      .get(school.id, dayStart, code);
    if (!taken) return code;
  }
}

function studentSummariesOrFail(ctx: Ctx, ids: string[]): void {
  if (studentSummaries(ctx, ids).size !== ids.length) {
    throw new HearthError('NOT_FOUND', say(WORDS.studentNotFound));
  }
}
