import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { LinkedPerson, StudentSummary } from '../../../contract';
import { fullName, languageName } from '../../ui/format';
import { PickupMark } from '../../ui/PickupMark';
import { PlusIcon } from '../../ui/icons';
import { t } from '../../i18n/intl';

interface Props {
  student: StudentSummary;
  caregivers: LinkedPerson[];
  onChoose: (caregiver: LinkedPerson | null) => void;
  onBack: () => void;
}

/** A student's name was typed: who from the family is here? Or someone not on the list. */
export function CaregiverChooser({ student, caregivers, onChoose, onBack }: Props) {
  const [active, setActive] = useState(0);
  const count = caregivers.length + 1;
  // React focuses only form controls on `autoFocus`; the list takes focus itself, so the
  // arrow keys work the moment it appears.
  const listRef = useRef<HTMLUListElement>(null);
  useEffect(() => listRef.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => (i + 1) % count);
    else if (event.key === 'ArrowUp') setActive((i) => (i - 1 + count) % count);
    else if (event.key === 'Enter') onChoose(caregivers[active] ?? null);
    else if (event.key === 'Escape') onBack();
    else return;
    event.preventDefault();
  };
  return (
    <section className="caregiver-chooser" aria-labelledby="chooser-title">
      <h2 id="chooser-title">
        {t(
          { defaultMessage: 'Who is here for {name}?', id: 'aIGB8T' },
          { name: fullName(student) },
        )}
      </h2>
      <ul
        role="listbox"
        aria-labelledby="chooser-title"
        aria-activedescendant={`caregiver-${active}`}
        tabIndex={0}
        ref={listRef}
        className="results"
        onKeyDown={onKeyDown}
      >
        {caregivers.map((c, i) => (
          <li
            key={c.person.id}
            id={`caregiver-${i}`}
            role="option"
            aria-selected={i === active}
            className="result"
            onClick={() => onChoose(c)}
          >
            <span className="hit-title">
              <strong>{fullName(c.person)}</strong> <span className="muted">{c.relationship}</span>
              {c.person.homeLanguage && c.person.homeLanguage !== 'en' && (
                <span className="tag tag-language">{languageName(c.person.homeLanguage)}</span>
              )}
              <PickupMark pickup={c.pickup} />
            </span>
          </li>
        ))}
        <li
          id={`caregiver-${caregivers.length}`}
          role="option"
          aria-selected={active === caregivers.length}
          className="result result-new"
          onClick={() => onChoose(null)}
        >
          <span className="hit-title">
            <PlusIcon /> {t({ defaultMessage: 'Someone else (new visitor)', id: 'RC15X3' })}
          </span>
        </li>
      </ul>
      <p className="hint">
        {t({ defaultMessage: '↑ ↓ to choose · Enter to pick · Esc to go back', id: 'iHCDa0' })}
      </p>
    </section>
  );
}
