import { useState } from 'react';
import { HearthError, IDLE_LOCK_MINUTES, type AppStatus } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { fieldProblem } from '../../i18n/issues';
import { t } from '../../i18n/intl';

/**
 * How long Hearth waits without use before it locks this computer (administrators). The
 * core keeps the time, so the lock holds even when the window is closed or asleep.
 */
export function IdleLockSection({
  minutes,
  onStatusChange,
}: {
  minutes: number;
  onStatusChange: (status: AppStatus) => void;
}) {
  const [value, setValue] = useState(String(minutes));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setMessage(null);
    setError(null);
    try {
      const status = await call('settings.setIdleLock', { minutes: Number(value) });
      onStatusChange(status);
      setMessage(
        t(
          {
            defaultMessage:
              'Hearth now locks after {minutes, plural, one {# minute} other {# minutes}} without use.',
            id: 'G75CjM',
          },
          { minutes: status.idleLockMinutes },
        ),
      );
    } catch (e) {
      const issue = e instanceof HearthError ? e.issues?.[0] : undefined;
      setError(
        issue
          ? `${fieldProblem(t({ defaultMessage: 'The number of minutes', id: 'EHtnIy' }), issue.message)}.`
          : errorMessage(e),
      );
    }
  };

  return (
    <section className="card" aria-labelledby="idle-lock-title">
      <h2 id="idle-lock-title">{t({ defaultMessage: 'Locking', id: 'krDaX4' })}</h2>
      <form
        className="row"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>
            {t(
              {
                defaultMessage: 'Lock after this many minutes without use ({min} to {max})',
                id: 'ZZPVdb',
              },
              IDLE_LOCK_MINUTES,
            )}
          </span>
          <input
            type="number"
            className="number-input"
            inputMode="numeric"
            min={IDLE_LOCK_MINUTES.min}
            max={IDLE_LOCK_MINUTES.max}
            step={1}
            value={value}
            aria-invalid={error !== null}
            aria-describedby={error ? 'idle-lock-error' : undefined}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        <button type="submit" className="button">
          {t({ defaultMessage: 'Save', id: 'jvo0vs' })}
        </button>
      </form>
      {error && (
        <p id="idle-lock-error" role="alert" className="error-text">
          {error}
        </p>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
