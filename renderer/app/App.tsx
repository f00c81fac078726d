import { useCallback, useEffect, useState } from 'react';
import { HearthError, type AppStatus } from '../../contract';
import { call, errorMessage } from '../api/client';
import { FirstRun } from '../features/setup/FirstRun';
import { SignIn } from '../features/session/SignIn';
import { Shell } from './Shell';

/** Decides what the window shows: first run, sign-in (also when locked), or the app itself. */
export function App() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(() => {
    call('app.status', {}).then(setStatus, setError);
  }, []);
  useEffect(refresh, [refresh]);

  if (error) {
    const unauthorized = error instanceof HearthError && error.code === 'UNAUTHORIZED';
    return (
      <main className="center-page">
        <div className="card narrow" role="alert">
          <h1>Hearth can’t reach its data</h1>
          <p>
            {unauthorized
              ? 'Open Hearth with the full address printed when it started. That address only works for the window it was made for.'
              : errorMessage(error)}
          </p>
        </div>
      </main>
    );
  }
  if (!status) {
    return (
      <main className="center-page" aria-busy="true">
        <p className="muted">Opening Hearth…</p>
      </main>
    );
  }
  if (status.setup === 'none') return <FirstRun onDone={setStatus} />;
  if (!status.staff) return <SignIn status={status} onSignedIn={setStatus} />;
  return <Shell status={status} onStatusChange={setStatus} />;
}
