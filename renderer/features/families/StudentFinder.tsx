import { useId, useState } from 'react';
import type { SearchHit, StudentSummary } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { fullName, gradeLabel } from '../../ui/format';
import { t } from '../../i18n/intl';

interface Found {
  student: StudentSummary;
  via: string | null;
}

/** Every student a search found: students themselves, and the students of caregivers found. */
function studentsIn(hits: SearchHit[]): Found[] {
  const seen = new Map<string, Found>();
  for (const hit of hits) {
    if (hit.type === 'student') seen.set(hit.student.id, { student: hit.student, via: null });
    else
      for (const { student, relationship } of hit.students)
        if (!seen.has(student.id))
          seen.set(student.id, { student, via: `${relationship}: ${fullName(hit.person)}` });
  }
  return [...seen.values()];
}

interface StudentFinderProps {
  onOpen: (studentId: string, student: StudentSummary) => void;
  label?: string;
  autoFocus?: boolean;
}

/** Find a student's record by their name, a caregiver's name or a phone number. */
export function StudentFinder({
  onOpen,
  label = t({ defaultMessage: 'Find a student or family', id: 'haAOyC' }),
  autoFocus,
}: StudentFinderProps) {
  const [text, setText] = useState('');
  const inputId = useId();
  const trimmed = text.trim();
  const search = useCall('search.people', trimmed ? { text: trimmed, limit: 20 } : null);
  const students = search.data ? studentsIn(search.data) : [];
  return (
    <div className="finder">
      <label htmlFor={inputId} className="search-label">
        {label}
      </label>
      <input
        id={inputId}
        className="search-input"
        type="search"
        value={text}
        autoFocus={autoFocus}
        autoComplete="off"
        placeholder={t({ defaultMessage: 'Student, caregiver or phone', id: 'um1j4i' })}
        onChange={(e) => setText(e.target.value)}
      />
      {search.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(search.error)}
        </p>
      )}
      {trimmed && search.data && students.length === 0 && (
        <p className="empty">
          {t({ defaultMessage: 'No student matches “{text}”.', id: '3/d7o8' }, { text: trimmed })}
        </p>
      )}
      {students.length > 0 && (
        <ul
          className="finder-results"
          aria-label={t({ defaultMessage: 'Students found', id: 'esUbYC' })}
        >
          {students.map(({ student, via }) => (
            <li key={student.id} className="finder-row">
              <button
                type="button"
                className="finder-result"
                onClick={() => onOpen(student.id, student)}
              >
                <strong>{fullName(student)}</strong>
                <span className="muted">
                  {gradeLabel(student.grade)}
                  {student.homeroom ? ` · ${student.homeroom}` : ''}
                  {via ? ` · ${via}` : ''}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
