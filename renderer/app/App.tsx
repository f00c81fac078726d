import { useCallback, useEffect, useState } from 'react';
import { HearthError, type AppStatus } from '../../contract';
import { call, errorMessage } from '../api/client';
import { computerLanguage, isUiLanguage, t, type UiLanguage } from '../i18n/intl';

import { useWindowLanguage } from '../i18n/useWindowLanguage';
import { FirstRun } from '../features/setup/FirstRun';
import { SignIn } from '../features/session/SignIn';
import { Shell } from './Shell';

/**
 * Decides what the window shows: first run, sign-in (also when locked), or the app itself,
 * in the signed-in member's language, or the computer's when no one is signed in.
 */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Chosen on this window before anyone signed in (first run).
  const [picked, setPicked] = useState<UiLanguage | null>(null);
  const chosen = status?.staff?.language;
  const wanted = isUiLanguage(chosen) ? chosen : (picked ?? computerLanguage());
  const shown = useWindowLanguage(wanted);

  const refresh = useCallback(() => {
    call('app.status', {}).then(setStatus, setError);
  }, []);
  useEffect(refresh, [refresh]);

  if (error) {
    const unauthorized = error instanceof HearthError && error.code === 'UNAUTHORIZED';
    return (
      <main className="center-page">
        <div className="card narrow" role="alert">
          <h1>{t({ defaultMessage: 'Hearth can’t reach its data', id: '86JFJU' })}</h1>
          <p>
            {unauthorized
              ? t({
                  defaultMessage:
                    'Open Hearth with the full address printed when it started. That address only works for the window it was made for.',
                  id: 'X3V1bP',
                })
              : errorMessage(error)}
          </p>
        </div>
      </main>
    );
  }
  // The first screen waits for its language's words rather than flash English first.
  if (!status || shown !== wanted) {
    return (
      <main className="center-page" aria-busy="true">
        <p className="muted">{t({ defaultMessage: 'Opening Hearth…', id: 'b69it+' })}</p>
      </main>
    );
  }
  if (status.setup === 'none')
    return <FirstRun language={shown} onChooseLanguage={setPicked} onDone={setStatus} />;
  if (!status.staff) return <SignIn status={status} onSignedIn={setStatus} />;
  return <Shell status={status} onStatusChange={setStatus} />;
}
