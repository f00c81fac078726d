import { useEffect, useState, type Ref } from 'react';
import type { CallInput, CautionMatch } from '../../../contract';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { CautionIcon } from '../../ui/icons';
import { dayWords } from '../../ui/format';

type Query = CallInput<'caution.match'>;

/**
 * The school's caution-list entries this visitor matches, asked once typing pauses. Known
 * people are asked by their recorded name and phones, a new visitor by what the desk typed.
 */
export function useCautionMatches(fullName: string, phones: readonly string[]): CautionMatch[] {
  const [query, setQuery] = useState<Query | null>(null);
  const key = JSON.stringify([fullName.trim(), phones]);
  useEffect(() => {
    const [name, numbers] = JSON.parse(key) as [string, string[]];
    const usable = numbers.filter((p) => p.replace(/\D/g, '').length >= 7);
    const timer = setTimeout(
      () => setQuery(name || usable.length ? { fullName: name || null, phones: usable } : null),
      250,
    );
    return () => clearTimeout(timer);
  }, [key]);
  return useCall('caution.match', query).data ?? [];
}

/**
 * What the office must read before this visitor comes in: each matching entry with its photo
 * and reason, and a box the desk ticks to say it has. The core refuses the sign-in without it.
 */
export function CautionListNotice({
  matches,
  seen,
  onSeenChange,
  problem,
  checkRef,
}: {
  matches: CautionMatch[];
  seen: boolean;
  onSeenChange: (seen: boolean) => void;
  problem: string | null;
  checkRef: Ref<HTMLInputElement>;
}) {
  if (matches.length === 0) return null;
  return (
    <div className="caution-list-notice" role="alert">
      <h3>
        <CautionIcon /> {t({ defaultMessage: 'On the school’s caution list', id: '0cHT+Z' })}
      </h3>
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            {m.photo && (
              <img
                src={m.photo}
                alt={t({ defaultMessage: 'Photo of {name}', id: '4o1LYi' }, { name: m.fullName })}
              />
            )}
            <div>
              <strong>{m.fullName}</strong>{' '}
              <span className="muted">
                {t(
                  {
                    defaultMessage:
                      '(matched by {by, select, name {name} phone {phone} other {name and phone}})',
                    id: 'mJNVfi',
                  },
                  { by: m.matchedBy },
                )}
              </span>
              <p className="free-text">{m.reason}</p>
              {m.expiresOn && (
                <p className="muted">
                  {t(
                    { defaultMessage: 'Until {day}', id: 'AoZ6rD' },
                    { day: dayWords(m.expiresOn) },
                  )}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
      <label className="check">
        <input
          ref={checkRef}
          type="checkbox"
          checked={seen}
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'caution-seen-problem' : undefined}
          onChange={(event) => onSeenChange(event.target.checked)}
        />
        {t({ defaultMessage: 'I have read this caution and will follow it', id: '1h4Hv6' })}
      </label>
      {problem && (
        <p id="caution-seen-problem" className="error-text">
          {problem}
        </p>
      )}
    </div>
  );
}
