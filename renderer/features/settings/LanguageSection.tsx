import { useId, useState } from 'react';
import type { AppStatus } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { isUiLanguage, t } from '../../i18n/intl';
import { UiLanguageOptions } from '../../ui/options';

const SAME_AS_COMPUTER = 'computer';

/** The language Hearth speaks to the signed-in member: theirs on every computer. */
export function LanguageSection({
  chosen,
  onStatusChange,
}: {
  chosen: string | null | undefined;
  onStatusChange: (status: AppStatus) => void;
}) {
  const titleId = useId();
  const [error, setError] = useState<string | null>(null);
  const choose = async (value: string) => {
    setError(null);
    try {
      onStatusChange(
        await call('session.setLanguage', { language: value === SAME_AS_COMPUTER ? null : value }),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t({ id: 'y1Z3or', defaultMessage: 'Language' })}</h2>
      <label className="field">
        <span>
          {t({
            id: 'YcnfX6',
            defaultMessage: 'Hearth speaks to you in (on every computer you sign in to)',
          })}
        </span>
        <select
          value={isUiLanguage(chosen) ? chosen : SAME_AS_COMPUTER}
          onChange={(e) => void choose(e.target.value)}
        >
          <option value={SAME_AS_COMPUTER}>
            {t({ id: 'UqXzWq', defaultMessage: 'The same language as this computer' })}
          </option>
          <UiLanguageOptions />
        </select>
      </label>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
