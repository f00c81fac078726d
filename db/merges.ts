import type { PickupPermission, StudentPersonLink } from '../contract';
import { fromRow } from './columns';
import type { Store } from './store';
import type { Writer } from './write';

/**
 * Moving what named a duplicate person or student to the record kept. The merge itself runs
 * this on the computer where it was made; every other computer runs it again when the merge
 * reaches it (db/sync/apply.ts), because some records (a private follow-up, a team's note)
 * exist only on the computers of the staff who may see them, and only there can they move.
 * Invariant after both: no record a computer holds names a merged person or student, except
 * links that duplicated one of the kept record's and were combined into it.
 */

const STRICTNESS: Record<PickupPermission, number> = { allowed: 0, see_office: 1, not_allowed: 2 };

/** Two links that turned out to join the same student and person: keep every caution. */
export function combineLinks(
  kept: StudentPersonLink,
  other: StudentPersonLink,
): Partial<StudentPersonLink> {
  const notes = [...new Set([kept.officeNote, other.officeNote].filter((n) => n !== null))];
  return {
    legalGuardian: kept.legalGuardian || other.legalGuardian,
    livesWith: kept.livesWith || other.livesWith,
    emergencyContact: kept.emergencyContact || other.emergencyContact,
    pickup: STRICTNESS[other.pickup] > STRICTNESS[kept.pickup] ? other.pickup : kept.pickup,
    officeNote: notes.length > 0 ? notes.join('\n') : null,
  };
}

type LinkSide = { own: 'personId'; other: 'studentId' } | { own: 'studentId'; other: 'personId' };
const column = (field: 'personId' | 'studentId') =>
  field === 'personId' ? 'person_id' : 'student_id';

function moveLinks(store: Store, writer: Writer, side: LinkSide, from: string, to: string) {
  const links = (
    store
      .sql(`SELECT * FROM student_person_links WHERE ${column(side.own)} = ?`)
      .all(from) as Record<string, unknown>[]
  ).map((row) => fromRow('student_person_links', row));
  for (const link of links) {
    const existing = store
      .sql(
        `SELECT * FROM student_person_links WHERE ${column(side.own)} = ? AND ${column(side.other)} = ?`,
      )
      .get(to, link[side.other]) as Record<string, unknown> | undefined;
    if (existing) {
      const kept = fromRow('student_person_links', existing);
      writer.update('student_person_links', kept.id, combineLinks(kept, link));
    } else {
      writer.update('student_person_links', link.id, { [side.own]: to });
    }
  }
}

/** Tables whose records name a person, all moved to the kept person on a merge. */
const PERSON_REFERENCES = [
  'visits',
  'contacts',
  'strengths',
  'voice_items',
  'notes',
  'follow_ups',
] as const;

export function movePersonReferences(store: Store, writer: Writer, from: string, to: string) {
  moveLinks(store, writer, { own: 'personId', other: 'studentId' }, from, to);
  for (const table of PERSON_REFERENCES) {
    const ids = store.sql(`SELECT id FROM ${table} WHERE person_id = ?`).all(from) as {
      id: string;
    }[];
    for (const { id } of ids) writer.update(table, id, { personId: to });
  }
}

/** Records that name one student in a column of their own. */
const STUDENT_REFERENCES = ['notes', 'follow_ups'] as const;
/** Records that name their students in a JSON list. */
const STUDENT_LISTS = ['contacts', 'visits'] as const;

export function moveStudentReferences(store: Store, writer: Writer, from: string, to: string) {
  moveLinks(store, writer, { own: 'studentId', other: 'personId' }, from, to);
  for (const table of STUDENT_REFERENCES) {
    const ids = store.sql(`SELECT id FROM ${table} WHERE student_id = ?`).all(from) as {
      id: string;
    }[];
    for (const { id } of ids) writer.update(table, id, { studentId: to });
  }
  // Known limit: this reads every contact and visit once; a merge is rare.
  for (const table of STUDENT_LISTS) {
    const rows = store
      .sql(
        `SELECT id, student_ids FROM ${table}
         WHERE EXISTS (SELECT 1 FROM json_each(student_ids) WHERE value = ?)`,
      )
      .all(from) as { id: string; student_ids: string }[];
    for (const row of rows) {
      const ids = JSON.parse(row.student_ids) as string[];
      const studentIds = [...new Set(ids.map((s) => (s === from ? to : s)))];
      writer.update(table, row.id, { studentIds });
    }
  }
}
