import { useEffect, useId, useState } from 'react';
import { STRENGTH_CATEGORIES, type StrengthCategory } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { STRENGTH_CATEGORY_WORDS } from '../../ui/format';
import { ContactPreferences } from '../families/ContactPreferences';
import { LockIcon } from '../../ui/icons';
import { t } from '../../i18n/intl';

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
      <h1>{t({ defaultMessage: 'Strengths', id: 'mVJ357' })}</h1>
      <section className="card">
        <div className="row">
          <div className="finder grow">
            <label htmlFor={inputId} className="search-label">
              {t({ defaultMessage: 'Find families who can help', id: 'EvLElH' })}
            </label>
            <input
              id={inputId}
              className="search-input"
              type="search"
              value={text}
              autoFocus
              placeholder={t({ defaultMessage: 'e.g. garden, Spanish, carpentry', id: '7V3qCM' })}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <label className="field">
            <span>{t({ defaultMessage: 'Kind', id: 'e5x8FT' })}</span>
            <select
              value={category}
              onChange={(e) => setCategory(e.target.value as StrengthCategory | '')}
            >
              <option value="">{t({ defaultMessage: 'Any kind', id: 'Fh2PUK' })}</option>
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
              ? t({
                  defaultMessage: 'No shared strengths match. Try a shorter word or another kind.',
                  id: 'mIvLg0',
                })
              : t({
                  defaultMessage: 'No strengths recorded yet. Add them from a family’s page.',
                  id: 'wHLP/Z',
                })}
          </p>
        )}
        <ul
          className="strength-hits"
          aria-label={t({ defaultMessage: 'Strengths found', id: 'kZ78Zw' })}
        >
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
                    · <LockIcon size={14} />{' '}
                    {t({ defaultMessage: 'kept with you only', id: 'x9057n' })}
                  </span>
                )}
              </div>
              {contact ? (
                <ContactPreferences person={contact} />
              ) : (
                <p className="muted small-text">
                  {t({
                    defaultMessage: 'No contact person recorded for this family.',
                    id: 'b1rvXj',
                  })}
                </p>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
