import { useState } from 'react';
import type { StrengthView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { schoolDay } from '../../ui/format';

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
        <>Invited to share on {schoolDay(strength.invitedAt)}</>
      ) : (
        <button type="button" className="link-button" onClick={() => void advance('invited')}>
          We invited them to share this
        </button>
      )}
      {strength.invitedAt &&
        (strength.contributedAt ? (
          <> · shared with the school on {schoolDay(strength.contributedAt)}</>
        ) : (
          <>
            {' · '}
            <button
              type="button"
              className="link-button"
              onClick={() => void advance('contributed')}
            >
              They shared it
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
