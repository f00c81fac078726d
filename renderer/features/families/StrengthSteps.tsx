import { useState } from 'react';
import type { StrengthView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { schoolDay } from '../../ui/format';
import { t } from '../../i18n/intl';

/**
 * A strength put to use: the school invited the family to share it, then the family did.
 * Each step is recorded once, dated; the next one is one button away.
 */
export function StrengthSteps({
  strength,
  onChanged,
}: {
  strength: StrengthView;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const advance = (step: 'invited' | 'contributed') =>
    call('strength.advance', { id: strength.id, step }).then(onChanged, (e: unknown) =>
      setError(errorMessage(e)),
    );
  return (
    <p className="small-text">
      {strength.invitedAt ? (
        t(
          { defaultMessage: 'Invited to share on {day}', id: 'CFZhUs' },
          { day: schoolDay(strength.invitedAt) },
        )
      ) : (
        <button type="button" className="link-button" onClick={() => void advance('invited')}>
          {t({ defaultMessage: 'We invited them to share this', id: 'n/2LjV' })}
        </button>
      )}
      {strength.invitedAt &&
        (strength.contributedAt ? (
          <>
            {' · '}
            {t(
              { defaultMessage: 'shared with the school on {day}', id: 'uZKVrK' },
              { day: schoolDay(strength.contributedAt) },
            )}
          </>
        ) : (
          <>
            {' · '}
            <button
              type="button"
              className="link-button"
              onClick={() => void advance('contributed')}
            >
              {t({ defaultMessage: 'They shared it', id: 'kg5dNe' })}
            </button>
          </>
        ))}
      {error && (
        <span role="alert" className="error-text">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
