import { TZDate } from '@date-fns/tz';
import { startOfDay } from 'date-fns';
import {
  HearthError,
  NO_PREFERENCES,
  type Person,
  type PickupWarning,
  type Visit,
  newId,
  splitTypedName,
  type VisitView,
  WORDS,
  say,
} from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Ctx, type Handlers } from '../context';
import { fold } from '../search/normalize';
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

function displayName(p: { firstName: string; lastName: string | null }): string {
  return p.lastName ? `${p.firstName} ${p.lastName}` : p.firstName;
}

/**
 * What the desk must see before releasing students to this person: links that say not
 * allowed or see office, and students the person has no link to at all.
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
  const warnings: PickupWarning[] = [];
  for (const studentId of studentIds) {
    const student = students.get(studentId);
    if (!student) throw new HearthError('NOT_FOUND', say(WORDS.studentNotFound));
    const studentName = displayName(student);
    const link = byStudent.get(studentId);
    if (!link) warnings.push({ studentId, studentName, status: 'not_listed', officeNote: null });
    else if (link.pickup === 'not_allowed' || link.pickup === 'see_office') {
      warnings.push({ studentId, studentName, status: link.pickup, officeNote: link.office_note });
    }
  }
  return warnings;
}

function views(ctx: Ctx, rows: Row[]): VisitView[] {
  const visits = rows.map((row) => fromRow('visits', row));
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

function startOfSchoolDay(now: Date, timeZone: string): string {
  return new Date(startOfDay(new TZDate(now, timeZone)).getTime()).toISOString();
}

export const visitHandlers = {
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
    if (warnings.length > 0 && !input.acknowledgePickupWarnings) {
      throw new HearthError(
        'PICKUP_ACK_REQUIRED',
        say(WORDS.checkWithOffice, { name: displayName(person) }),
        { details: warnings },
      );
    }

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
    });
    ctx.writer.insert('contacts', {
      id: newId(),
      schoolId: school.id,
      personId: person.id,
      studentIds,
      kind: 'walk_in',
      direction: 'family_to_school',
      tone: input.purpose === 'concern' ? 'concern' : 'information',
      language: input.language,
      interpreterUsed: input.interpreterUsed,
      summary: `Came in for ${PURPOSE_WORDS[input.purpose]}${input.seeing ? `, to see ${input.seeing}` : ''}.`,
      staffId: staff.id,
      occurredAt: now,
      visitId: visit.id,
      householdId: person.householdId,
      homeVisitId: null,
      correctsId: null,
      recordedBy: null,
    });
    return visitView(ctx, visit.id);
  },

  'visit.signOut': (ctx, { visitId }) => {
    requireStaff(ctx);
    const visit = loadOwned(ctx, 'visits', visitId, 'visit');
    if (visit.signedOutAt)
      throw new HearthError('CONFLICT', say(WORDS.alreadySignedOut, { name: visit.visitorName }));
    ctx.writer.update('visits', visitId, { signedOutAt: ctx.now().toISOString() });
    return visitView(ctx, visitId);
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

function studentSummariesOrFail(ctx: Ctx, ids: string[]): void {
  if (studentSummaries(ctx, ids).size !== ids.length) {
    throw new HearthError('NOT_FOUND', say(WORDS.studentNotFound));
  }
}
