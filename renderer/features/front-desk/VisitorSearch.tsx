import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { fullName, gradeLabel, languageName } from '../../ui/format';
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
            <span className="tag">{person.kind.replace('_', ' ')}</span>
          )}
          {language && person.homeLanguage !== 'en' && (
            <span className="tag tag-language">{language}</span>
          )}
        </span>
        {students.length > 0 ? (
          <span className="hit-detail">
            {students.map((s) => (
              <span key={s.student.id} className="hit-student">
                {fullName(s.student)} · Gr {s.student.grade} · {s.relationship}{' '}
                <PickupMark pickup={s.pickup} />
              </span>
            ))}
          </span>
        ) : (
          <span className="hit-detail muted">{person.phones[0] ?? 'No students linked'}</span>
        )}
      </>
    );
  }
  const { student, caregivers } = hit;
  return (
    <>
      <span className="hit-title">
        <span className="tag tag-student">Student</span>
        <strong>{fullName(student)}</strong>
        <span className="muted">
          {gradeLabel(student.grade)}
          {student.homeroom ? ` · ${student.homeroom}` : ''}
        </span>
      </span>
      <span className="hit-detail muted">
        {caregivers.length
          ? `Family: ${caregivers.map((c) => fullName(c.person)).join(', ')}`
          : 'No family linked yet'}
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
        Who’s here?
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
        placeholder="Type a name or phone number"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(event) => onTextChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${listId}-hint`} className="hint">
        ↑ ↓ to choose · Enter to pick · Esc to clear
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
          aria-label="Matching people and students"
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
              No one matches “{trimmed}”.
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
              <PlusIcon /> Sign in “{trimmed}” as a new visitor
            </span>
          </li>
        </ul>
      ) : (
        <div className="results-placeholder muted">
          Start typing a name (family or student) or a phone number.
        </div>
      )}
    </div>
  );
}
