import { useRef, useState, type FormEvent } from 'react';
import { DEMO_PASSWORD, HearthError, type AppStatus, type Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { roleName } from '../../ui/roles';
import { useTypeAhead } from '../../ui/useTypeAhead';

/**
 * A first sign-in on a district computer: the district checks the password (the sync agent
 * asks it), then the session starts. Resolves with the signed-in status.
 */
async function signInWithDistrict(staff: Staff, password: string): Promise<AppStatus> {
  await call('session.signInWithDistrict', { staffId: staff.id, password });
  const giveUpAt = Date.now() + 60_000;
  while (Date.now() < giveUpAt) {
    await new Promise((done) => setTimeout(done, 300));
    const status = await call('app.status', {});
    if (status.staff?.id === staff.id) return status;
    const sync = await call('sync.status', {});
    if (sync.districtSignIn?.state === 'failed')
      throw new Error(sync.districtSignIn.message ?? 'The district could not check that password.');
  }
  throw new Error('The district server did not answer. Try again in a moment.');
}

/**
 * The sign-in and lock screen. It shows staff names only, never anything about a family.
 * People who signed in on this computer since it started come first, for a quick switch.
 */
export function SignIn({
  status,
  onSignedIn,
}: {
  status: AppStatus;
  onSignedIn: (s: AppStatus) => void;
}) {
  const staff = useCall('staff.list', {});
  const [chosen, setChosen] = useState<Staff | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const recent = status.recentStaffIds;
  const ordered = [...(staff.data ?? [])].sort((a, b) => {
    const ra = recent.indexOf(a.id);
    const rb = recent.indexOf(b.id);
    return (ra === -1 ? Infinity : ra) - (rb === -1 ? Infinity : rb);
  });

  const choose = (person: Staff) => {
    setChosen(person);
    setPassword('');
    setError(null);
    // The field exists after this render; focus moves there so typing can start at once.
    requestAnimationFrame(() => passwordRef.current?.focus());
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return;
    setBusy(true);
    const failed = (message: string) => {
      setError(message);
      setPassword('');
      setBusy(false);
      passwordRef.current?.focus();
    };
    call('session.signIn', { staffId: chosen.id, password }).then(onSignedIn, (e: unknown) => {
      if (e instanceof HearthError && e.code === 'DISTRICT_SIGN_IN_NEEDED')
        signInWithDistrict(chosen, password).then(onSignedIn, (d: unknown) =>
          failed(d instanceof Error ? d.message : errorMessage(d)),
        );
      else failed(errorMessage(e));
    });
  };

  const typeAhead = useTypeAhead<HTMLUListElement>();
  return (
    <main className="center-page">
      <section className="card narrow" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Hearth</h1>
        <p className="muted">
          {recent.length > 0
            ? 'Hearth is locked. Choose your name and enter your password.'
            : 'Choose your name. Visits and contacts you log are recorded under it.'}
        </p>
        {status.setup === 'demo' && (
          <p className="hint">
            Demo school: every staff member’s password is <code>{DEMO_PASSWORD}</code>.
          </p>
        )}
        {staff.loading && !staff.data && <p className="muted">Loading staff…</p>}
        {staff.error !== undefined && <p role="alert">{errorMessage(staff.error)}</p>}
        {/* Typing the start of a name jumps to it, for a long list of staff. */}
        <ul className="choice-list" aria-label="Staff" {...typeAhead}>
          {ordered.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className="choice"
                aria-pressed={chosen?.id === s.id}
                autoFocus={i === 0}
                onClick={() => choose(s)}
              >
                <strong>{s.displayName}</strong> <span className="muted">{roleName(s.role)}</span>
                {recent.includes(s.id) && <span className="badge">Signed in earlier</span>}
              </button>
            </li>
          ))}
        </ul>
        {chosen && (
          <form onSubmit={submit} className="sign-in-form">
            <label className="field">
              <span>Password for {chosen.displayName}</span>
              <input
                ref={passwordRef}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={!!error}
                aria-describedby={error ? 'sign-in-error' : undefined}
              />
            </label>
            <button type="submit" className="button primary" disabled={busy || !password}>
              Sign in
            </button>
          </form>
        )}
        {error && (
          <p role="alert" id="sign-in-error" className="error-text">
            {error}
          </p>
        )}
      </section>
    </main>
  );
}
