import type { FamilyProfile } from '../../../contract';
import { fullName, gradeLabel, PERSON_KIND_WORDS } from '../../ui/format';
import { PickupMark } from '../../ui/PickupMark';
import type { FamilyDialog } from './FamilyPage';
import { t } from '../../i18n/intl';

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
        <h2 id="people-title">{t({ defaultMessage: 'People and students', id: 'b+PWJK' })}</h2>
        <div className="row compact">
          <button
            type="button"
            className="button small"
            onClick={() => onOpen({ dialog: 'add-person' })}
          >
            {t({ defaultMessage: 'Add someone', id: 'LyQse5' })}
          </button>
          <button
            type="button"
            className="button small"
            onClick={() => onOpen({ dialog: 'add-student' })}
          >
            {t({ defaultMessage: 'Add a student', id: 'i7ZzJu' })}
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
                aria-label={t(
                  { defaultMessage: 'Edit details of {name}', id: 'PRR57P' },
                  { name: fullName(m) },
                )}
              >
                {t({ defaultMessage: 'Edit details', id: 'BVWzJ5' })}
              </button>
              <button
                type="button"
                className="link-button"
                onClick={() => onOpen({ dialog: 'merge', person: m })}
              >
                {t({ defaultMessage: 'Merge a duplicate', id: '1H7z38' })}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {students.length === 0 && (
        <p className="empty">
          {t({ defaultMessage: 'No students linked to this household.', id: 'zcSDOK' })}
        </p>
      )}
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
              aria-label={t(
                { defaultMessage: 'Edit details of {name}', id: 'PRR57P' },
                { name: fullName(student) },
              )}
            >
              {t({ defaultMessage: 'Edit details', id: 'BVWzJ5' })}
            </button>{' '}
            <button
              type="button"
              className="link-button small-text"
              onClick={() => onOpen({ dialog: 'merge-student', studentId: student.id })}
              aria-label={t(
                { defaultMessage: 'Merge a duplicate of {name}', id: '1JAkRi' },
                { name: fullName(student) },
              )}
            >
              {t({ defaultMessage: 'Merge a duplicate', id: '1H7z38' })}
            </button>
            <ul className="link-list small-text">
              {links.map((l) => (
                <li key={l.person.id}>
                  <button
                    type="button"
                    className="link-button"
                    aria-label={t(
                      {
                        defaultMessage: '{person}: relationship and pickup for {student}',
                        id: '1BD0Cp',
                      },
                      { person: fullName(l.person), student: fullName(student) },
                    )}
                    onClick={() => onOpen({ dialog: 'link', student, link: l })}
                  >
                    {fullName(l.person)}
                  </button>{' '}
                  <span className="muted">
                    {[
                      l.relationship,
                      l.legalGuardian && t({ defaultMessage: 'guardian', id: 'KwJxis' }),
                      l.livesWith && t({ defaultMessage: 'lives with', id: 'QY6so/' }),
                      !l.inHousehold && t({ defaultMessage: 'other household', id: '5z2DF8' }),
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
                {t(
                  { defaultMessage: 'Also part of the {family}', id: '1McNXG' },
                  { family: f.name },
                )}
              </button>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
