import type { SearchHit } from '../../contract';
import { requireSchool, type Handlers } from '../context';
import { findMatches } from '../search';
import {
  caregiversOfStudents,
  personSummariesByPk,
  studentSummariesByPk,
  studentsOfPeople,
} from './summaries';

const rank = { exact: 0, prefix: 1 } as const;

export const searchHandlers = {
  /**
   * People and students whose names (or, for people, phone digits) match what was typed.
   * Whole-word matches come before beginnings-of-words; people before students at equal
   * quality, because the front desk signs in people.
   */
  'search.people': (ctx, { text, limit }) => {
    requireSchool(ctx);
    const peopleMatches = findMatches(ctx.store, 'people', text, limit);
    const studentMatches = findMatches(ctx.store, 'students', text, limit);
    const people = personSummariesByPk(
      ctx,
      peopleMatches.map((m) => m.pk),
    );
    const students = studentSummariesByPk(
      ctx,
      studentMatches.map((m) => m.pk),
    );
    const linkedStudents = studentsOfPeople(
      ctx,
      [...people.values()].map((p) => p.id),
    );
    const caregivers = caregiversOfStudents(
      ctx,
      [...students.values()].map((s) => s.id),
    );

    const hits: SearchHit[] = [];
    for (const m of peopleMatches) {
      const person = people.get(m.pk);
      if (person) {
        hits.push({
          type: 'person',
          match: m.quality,
          person,
          students: linkedStudents.get(person.id) ?? [],
        });
      }
    }
    for (const m of studentMatches) {
      const student = students.get(m.pk);
      if (student) {
        hits.push({
          type: 'student',
          match: m.quality,
          student,
          caregivers: caregivers.get(student.id) ?? [],
        });
      }
    }
    // Stable sort: keeps people before students and index order within each quality.
    hits.sort((a, b) => rank[a.match] - rank[b.match]);
    return hits.slice(0, limit);
  },
} satisfies Partial<Handlers>;
