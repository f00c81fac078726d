import type { FamilyProfile } from '../../../contract';
import { fullName, gradeLabel, PERSON_KIND_WORDS } from '../../ui/format';
import { PickupMark } from '../../ui/PickupMark';
import type { FamilyDialog } from './FamilyPage';

interface FamilyPeopleProps {
  family: FamilyProfile;
  onOpen: (dialog: FamilyDialog) => void;
  onOpenStudent: (studentId: string) => void;
  onOpenFamily: (householdId: string) => void;
}

/**
 * A family's people and students: who is in the household, each student with everyone
 * linked to them (in this household or another), and the ways to add and change them.
 */
export function FamilyPeople({ family, onOpen, onOpenStudent, onOpenFamily }: FamilyPeopleProps) {
  const { members, students } = family;
  return (
    <section className="card" aria-labelledby="people-title">
      <div className="card-header">
        <h2 id="people-title">People and students</h2>
        <div className="row compact">
          <button
            type="button"
            className="button small"
            onClick={() => onOpen({ dialog: 'add-person' })}
          >
            Add someone
          </button>
          <button
            type="button"
            className="button small"
            onClick={() => onOpen({ dialog: 'add-student' })}
          >
            Add a student
          </button>
        </div>
      </div>
      <ul className="member-list">
        {members.map((m) => (
          <li key={m.id}>
            <strong>{fullName(m)}</strong>{' '}
            <span className="muted">{PERSON_KIND_WORDS[m.kind]}</span>
            <span className="member-actions">
              <button
                type="button"
                className="link-button"
                onClick={() => onOpen({ dialog: 'edit-person', person: m })}
                aria-label={`Edit ${fullName(m)}’s details`}
              >
                Edit details
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => onOpen({ dialog: 'merge', person: m })}
              >
                Merge a duplicate
              </button>
            </span>
          </li>
        ))}
      </ul>
      {students.length === 0 && <p className="empty">No students linked to this household.</p>}
      <ul className="member-list">
        {students.map(({ student, links, otherFamilies }) => (
          <li key={student.id}>
            <button type="button" className="link-button" onClick={() => onOpenStudent(student.id)}>
              <strong>{fullName(student)}</strong>
            </button>{' '}
            <span className="muted">{gradeLabel(student.grade)}</span>{' '}
            <button
              type="button"
              className="link-button small-text"
              onClick={() => onOpen({ dialog: 'edit-student', studentId: student.id })}
              aria-label={`Edit ${fullName(student)}’s details`}
            >
              Edit details
            </button>{' '}
            <button
              type="button"
              className="link-button small-text"
              onClick={() => onOpen({ dialog: 'merge-student', studentId: student.id })}
              aria-label={`Merge a duplicate of ${fullName(student)}`}
            >
              Merge a duplicate
            </button>
            <ul className="link-list small-text">
              {links.map((l) => (
                <li key={l.person.id}>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`${fullName(l.person)}: relationship and pickup for ${fullName(student)}`}
                    onClick={() => onOpen({ dialog: 'link', student, link: l })}
                  >
                    {fullName(l.person)}
                  </button>{' '}
                  <span className="muted">
                    {[
                      l.relationship,
                      l.legalGuardian && 'guardian',
                      l.livesWith && 'lives with',
                      !l.inHousehold && 'other household',
                    ]
                      .filter(Boolean)
                      .join(', ')}
                  </span>{' '}
                  <PickupMark pickup={l.pickup} />
                </li>
              ))}
            </ul>
            {otherFamilies.map((f) => (
              <button
                key={f.id}
                type="button"
                className="link-button small-text"
                onClick={() => onOpenFamily(f.id)}
              >
                Also part of the {f.name}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
