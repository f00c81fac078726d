import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import type { FamilyStudent, LastContact, TimelineEntry, TimelinePage } from '../../contract';
import { fromRow } from '../columns';
import { loadOwned, requireSchool, requireStaff, type Handlers } from '../context';
import { strengthVisibleSql } from '../privacy/consent';
import { visibilitySql, viewerBindings } from '../privacy/visibility';
import { plannedVisitsOfFamily } from './home-visits';
import { strengthsOfFamily } from './strengths';
import {
  caregiversOfStudents,
  familiesOfStudent,
  familyStudentIds,
  studentIdsOfFamily,
  optionalPersonName,
  studentSummaries,
} from './summaries';
import { voiceOfFamily } from './voice';

/**
 * The school year starts on 1 August in the school's time zone (the common US calendar;
 * a school with another calendar would need this to become a setting).
 */
export function schoolYearStart(now: Date, timeZone: string): TZDate {
  const local = new TZDate(now, timeZone);
  const year = local.getMonth() >= 7 ? local.getFullYear() : local.getFullYear() - 1;
  return new TZDate(year, 7, 1, timeZone);
}

const { listed: noteListed } = visibilitySql('n', 'author_id');

// Every part of the timeline filters by kind, tone and cursor and keeps only its newest
// `limit` rows (its index gives them in order), so a page merges at most a few hundred rows
// however long the family's history is.
const PAGE_FILTER = `(@anyKind OR kind IN (SELECT value FROM json_each(@kinds)))
  AND (@anyTone OR tone IN (SELECT value FROM json_each(@tones)))
  AND (@afterAt IS NULL OR at < @afterAt OR (at = @afterAt AND id < @afterId))`;
const part = (select: string) =>
  `SELECT * FROM (SELECT * FROM (${select}) WHERE ${PAGE_FILTER} ORDER BY at DESC, id DESC LIMIT @limit)`;

/**
 * Every kind of entry in one newest-first list. A note shows its subject only when every
 * staff member may read it; a restricted note shows only that it exists (its team says whom
 * to ask), and another staff member's private note is not listed at all. Nothing here is
 * decrypted, so reading the timeline never reveals restricted content.
 */
const TIMELINE = [
  `SELECT 'contact' AS source, c.id, c.occurred_at AS at, c.kind, NULL AS subkind, c.tone,
     c.direction,
     CASE WHEN c.corrects_id IS NOT NULL THEN 'correction'
       WHEN EXISTS (SELECT 1 FROM contacts k WHERE k.corrects_id = c.id) THEN 'corrected'
     END AS status,
     NULL AS title, c.summary AS detail,
     st.display_name AS staff_name, p.first_name, p.last_name, NULL AS visibility,
     NULL AS student_id, NULL AS note_id
   FROM contacts c JOIN staff st ON st.id = c.staff_id LEFT JOIN people p ON p.id = c.person_id
   WHERE c.household_id = @family`,
  `SELECT 'home_visit' AS source, v.id, v.scheduled_at AS at, 'home_visit' AS kind,
     v.place AS subkind, NULL AS tone, NULL, v.status, v.purpose, v.outcome_note,
     st.display_name, NULL, NULL, NULL, NULL, NULL
   FROM home_visits v JOIN staff st ON st.id = v.created_by
   WHERE v.household_id = @family AND v.status <> 'completed'`,
  `SELECT 'strength' AS source, s.id, s.recorded_at AS at, 'strength' AS kind,
     s.category AS subkind, NULL AS tone, NULL, NULL, s.description, NULL, st.display_name,
     p.first_name, p.last_name, NULL, NULL, NULL
   FROM strengths s JOIN staff st ON st.id = s.recorded_by LEFT JOIN people p ON p.id = s.person_id
   WHERE s.household_id = @family AND ${strengthVisibleSql('s')}`,
  `SELECT 'voice' AS source, v.id, v.raised_at AS at, 'voice' AS kind, v.kind AS subkind,
     NULL AS tone, NULL,
     CASE WHEN v.told_at IS NOT NULL THEN 'told' WHEN v.acted_at IS NOT NULL THEN 'acted'
       WHEN v.heard_at IS NOT NULL THEN 'heard' ELSE 'raised' END,
     v.summary, NULL, st.display_name, p.first_name, p.last_name, NULL, NULL, NULL
   FROM voice_items v JOIN staff st ON st.id = v.recorded_by LEFT JOIN people p ON p.id = v.person_id
   WHERE v.household_id = @family`,
  `SELECT 'note' AS source, n.id, n.created_at AS at, 'note' AS kind, NULL AS subkind,
     NULL AS tone, NULL, NULL, CASE WHEN n.visibility = 'staff' THEN n.subject END, NULL,
     st.display_name, NULL, NULL, n.visibility, n.student_id, n.note_id
   FROM notes n JOIN staff st ON st.id = n.author_id
   WHERE n.student_id IN (${familyStudentIds('@family')}) AND n.school_id = @school
     AND ${noteListed}
     AND NOT EXISTS (SELECT 1 FROM notes r WHERE r.replaces_id = n.id)`,
]
  .map(part)
  .join('\nUNION ALL\n')
  .concat('\nORDER BY at DESC, id DESC LIMIT @limit');

type TimelineRow = Omit<TimelineEntry, 'staffName' | 'personName' | 'studentId' | 'noteId'> & {
  staff_name: string | null;
  first_name: string | null;
  last_name: string | null;
  student_id: string | null;
  note_id: string | null;
};

export const familyHandlers = {
  'family.get': (ctx, { householdId }) => {
    const staff = requireStaff(ctx);
    const school = requireSchool(ctx);
    const household = loadOwned(ctx, 'households', householdId, 'family');
    const members = (
      ctx.store
        .sql(
          `SELECT * FROM people WHERE household_id = ? AND merged_into_id IS NULL
           ORDER BY kind <> 'caregiver', created_at`,
        )
        .all(householdId) as Record<string, unknown>[]
    ).map((row) => fromRow('people', row));
    const studentIds = studentIdsOfFamily(ctx, householdId);
    const summaries = studentSummaries(ctx, studentIds);
    const links = caregiversOfStudents(ctx, studentIds);
    const students: FamilyStudent[] = studentIds
      .flatMap((id) => {
        const student = summaries.get(id);
        if (!student) return [];
        return [
          {
            student,
            links: (links.get(id) ?? []).map((link) => ({
              ...link,
              inHousehold: link.person.householdId === householdId,
            })),
            otherFamilies: familiesOfStudent(ctx, id).filter((f) => f.id !== householdId),
          },
        ];
      })
      .sort((a, b) => a.student.firstName.localeCompare(b.student.firstName));
    const last = ctx.store
      .sql(
        `SELECT occurred_at AS at, kind, tone, direction FROM contacts
         WHERE household_id = ? ORDER BY occurred_at DESC LIMIT 1`,
      )
      .get(householdId) as LastContact | undefined;
    const yearStart = schoolYearStart(ctx.now(), school.timeZone);
    const positive = ctx.store
      .sql(
        `SELECT 1 FROM contacts WHERE household_id = ? AND tone = 'good_news' AND occurred_at >= ? LIMIT 1`,
      )
      .get(householdId, new Date(yearStart.getTime()).toISOString());
    return {
      household,
      members,
      students,
      strengths: strengthsOfFamily(ctx, staff.id, householdId),
      voice: voiceOfFamily(ctx, householdId),
      visits: plannedVisitsOfFamily(ctx, householdId),
      lastContact: last ?? null,
      positiveThisYear: positive !== undefined,
      schoolYearStartsOn: format(yearStart, 'yyyy-MM-dd'),
    };
  },

  'family.timeline': (ctx, { householdId, kinds, tones, after, limit }) => {
    const staff = requireStaff(ctx);
    loadOwned(ctx, 'households', householdId, 'family');
    const rows = ctx.store.sql(TIMELINE).all({
      ...viewerBindings(staff),
      family: householdId,
      anyKind: kinds.length === 0 ? 1 : 0,
      kinds: JSON.stringify(kinds),
      anyTone: tones.length === 0 ? 1 : 0,
      tones: JSON.stringify(tones),
      afterAt: after?.at ?? null,
      afterId: after?.id ?? null,
      limit: limit + 1,
    }) as TimelineRow[];
    const entries = rows
      .slice(0, limit)
      .map(
        ({ staff_name, first_name, last_name, student_id, note_id, ...entry }): TimelineEntry => ({
          ...entry,
          staffName: staff_name,
          personName: optionalPersonName({ first_name, last_name }),
          studentId: student_id,
          noteId: note_id,
        }),
      );
    const lastEntry = entries.at(-1);
    const page: TimelinePage = {
      entries,
      next: rows.length > limit && lastEntry ? { at: lastEntry.at, id: lastEntry.id } : null,
    };
    return page;
  },
} satisfies Partial<Handlers>;
