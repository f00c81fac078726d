import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { fullName, gradeLabel, languageName, PERSON_KIND_WORDS } from '../../ui/format';
import { PickupMark } from '../../ui/PickupMark';
import { PlusIcon } from '../../ui/icons';

export type Pick =
  | { type: 'person'; hit: Extract<SearchHit, { type: 'person' }> }
  | { type: 'student'; hit: Extract<SearchHit, { type: 'student' }> }
  | { type: 'new'; name: string };

interface VisitorSearchProps {
  text: string;
  onTextChange: (text: string) => void;
  onPick: (pick: Pick) => void;
  focusSignal: number;
}

function HitView({ hit }: { hit: SearchHit }) {
  if (hit.type === 'person') {
    const { person, students } = hit;
    const language = languageName(person.homeLanguage);
    return (
      <>
        <span className="hit-title">
          <strong>{fullName(person)}</strong>
          {person.kind !== 'caregiver' && (
            <span className="tag">{PERSON_KIND_WORDS[person.kind]}</span>
          )}
          {language && person.homeLanguage !== 'en' && (
            <span className="tag tag-language">{language}</span>
          )}
        </span>
        {students.length > 0 ? (
          <span className="hit-detail">
            {students.map((s) => (
              <span key={s.student.id} className="hit-student">
                {t(
                  { defaultMessage: '{name} · Gr {grade} · {relationship}', id: 'CFRId/' },
                  {
                    name: fullName(s.student),
                    grade: s.student.grade,
                    relationship: s.relationship,
                  },
                )}{' '}
                <PickupMark pickup={s.pickup} />
              </span>
            ))}
          </span>
        ) : (
          <span className="hit-detail muted">
            {person.phones[0] ?? t({ defaultMessage: 'No students linked', id: '8P5hrh' })}
          </span>
        )}
      </>
    );
  }
  const { student, caregivers } = hit;
  return (
    <>
      <span className="hit-title">
        <span className="tag tag-student">{t({ defaultMessage: 'Student', id: 'UvFUuq' })}</span>
        <strong>{fullName(student)}</strong>
        <span className="muted">
          {gradeLabel(student.grade)}
          {student.homeroom ? ` · ${student.homeroom}` : ''}
        </span>
      </span>
      <span className="hit-detail muted">
        {caregivers.length
          ? t(
              { defaultMessage: 'Family: {names}', id: '03xZP5' },
              { names: caregivers.map((c) => fullName(c.person)).join(', ') },
            )
          : t({ defaultMessage: 'No family linked yet', id: 'R8nRU9' })}
      </span>
    </>
  );
}

/**
 * Type a name or phone number, arrows to move, Enter to pick. The last option always adds
 * the typed name as a new visitor, so nobody is ever stuck at the desk.
 */
export function VisitorSearch({ text, onTextChange, onPick, focusSignal }: VisitorSearchProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const trimmed = text.trim();
  // The highlighted option belongs to the text it was chosen for; new text starts at the top.
  const [highlight, setHighlight] = useState({ text: trimmed, index: 0 });
  const active = highlight.text === trimmed ? highlight.index : 0;
  const setActive = (next: (index: number) => number) =>
    setHighlight({ text: trimmed, index: next(active) });
  const results = useCall('search.people', trimmed ? { text: trimmed, limit: 12 } : null);
  const hits = trimmed && results.data ? results.data : [];
  const optionCount = trimmed ? hits.length + 1 : 0;

  useEffect(() => inputRef.current?.focus(), [focusSignal]);

  const choose = (index: number) => {
    const hit = hits[index];
    if (hit) onPick(hit.type === 'person' ? { type: 'person', hit } : { type: 'student', hit });
    else if (trimmed) onPick({ type: 'new', name: trimmed });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && optionCount) {
      event.preventDefault();
      setActive((i) => (i + 1) % optionCount);
    } else if (event.key === 'ArrowUp' && optionCount) {
      event.preventDefault();
      setActive((i) => (i - 1 + optionCount) % optionCount);
    } else if (event.key === 'Enter' && optionCount) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      onTextChange('');
    }
  };

  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className="visitor-search">
      <label className="search-label" htmlFor={`${listId}-input`}>
        {t({ defaultMessage: 'Who’s here?', id: '1xIyLV' })}
      </label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        className="search-input"
        type="search"
        role="combobox"
        aria-expanded={optionCount > 0}
        aria-controls={listId}
        aria-activedescendant={optionCount ? optionId(active) : undefined}
        aria-autocomplete="list"
        aria-describedby={`${listId}-hint`}
        placeholder={t({ defaultMessage: 'Type a name or phone number', id: 'MDjkQ5' })}
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => onTextChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${listId}-hint`} className="hint">
        {t({ defaultMessage: '↑ ↓ to choose · Enter to pick · Esc to clear', id: 'LAUia1' })}
      </p>
      {results.error !== undefined && trimmed && (
        <p role="alert" className="error-text">
          {errorMessage(results.error)}
        </p>
      )}
      {trimmed ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={t({ defaultMessage: 'Matching people and students', id: 'g2Qg4+' })}
          className="results"
        >
          {hits.map((hit, i) => (
            <li
              key={hit.type === 'person' ? hit.person.id : hit.student.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className="result"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(i)}
            >
              <HitView hit={hit} />
            </li>
          ))}
          {!results.loading && hits.length === 0 && (
            <li className="results-empty" role="presentation">
              {t({ defaultMessage: 'No one matches “{text}”.', id: 'Fr9p5Q' }, { text: trimmed })}
            </li>
          )}
          <li
            id={optionId(hits.length)}
            role="option"
            aria-selected={active === hits.length}
            className="result result-new"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(hits.length)}
          >
            <span className="hit-title">
              <PlusIcon />{' '}
              {t(
                { defaultMessage: 'Sign in “{name}” as a new visitor', id: 'x35bjg' },
                { name: trimmed },
              )}
            </span>
          </li>
        </ul>
      ) : (
        <div className="results-placeholder muted">
          {t({
            defaultMessage: 'Start typing a name (family or student) or a phone number.',
            id: 'hvnK63',
          })}
        </div>
      )}
    </div>
  );
}
