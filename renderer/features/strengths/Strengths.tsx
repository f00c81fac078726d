import { useEffect, useId, useState } from 'react';
import { STRENGTH_CATEGORIES, type StrengthCategory } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { STRENGTH_CATEGORY_WORDS } from '../../ui/format';
import { ContactPreferences } from '../families/ContactPreferences';
import { LockIcon } from '../../ui/icons';

/**
 * The strengths directory: who could help with the garden, in Spanish? Only strengths the
 * family agreed to share with staff are found (or ones you recorded yourself).
 */
export function Strengths({ onOpenFamily }: { onOpenFamily: (householdId: string) => void }) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState<StrengthCategory | ''>('');
  const inputId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), 150);
    return () => clearTimeout(timer);
  }, [text]);
  const hits = useCall('strength.search', { text: query, category: category || null, limit: 50 });
  return (
    <div className="families">
      <h1>Strengths</h1>
      <section className="card">
        <div className="row">
          <div className="finder grow">
            <label htmlFor={inputId} className="search-label">
              Find families who can help
            </label>
            <input
              id={inputId}
              className="search-input"
              type="search"
              value={text}
              autoFocus
              placeholder="e.g. garden, Spanish, carpentry"
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <label className="field">
            <span>Kind</span>
            <select
              value={category}
              onChange={(e) => setCategory(e.target.value as StrengthCategory | '')}
            >
              <option value="">Any kind</option>
              {STRENGTH_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {STRENGTH_CATEGORY_WORDS[c]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {hits.error !== undefined && (
          <p role="alert" className="error-text">
            {errorMessage(hits.error)}
          </p>
        )}
        {hits.data?.length === 0 && (
          <p className="empty">
            {query || category
              ? 'No shared strengths match. Try a shorter word or another kind.'
              : 'No strengths recorded yet. Add them from a family’s page.'}
          </p>
        )}
        <ul className="strength-hits" aria-label="Strengths found">
          {hits.data?.map(({ strength, familyName, contact }) => (
            <li key={strength.id}>
              <div>
                <span className="tag">{STRENGTH_CATEGORY_WORDS[strength.category]}</span>{' '}
                <strong>{strength.description}</strong>{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onOpenFamily(strength.householdId)}
                >
                  {familyName}
                </button>
                {strength.consent === 'recorder_only' && (
                  <span className="muted">
                    {' '}
                    · <LockIcon size={14} /> kept with you only
                  </span>
                )}
              </div>
              {contact ? (
                <ContactPreferences person={contact} />
              ) : (
                <p className="muted small-text">No contact person recorded for this family.</p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
