import { goTo } from '../../app/location';
import { saidText } from '../../i18n/said';
import { useRef, useState, type FormEvent } from 'react';
import { DEMO_PASSWORD, HearthError, type AppStatus, type Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t, tRich } from '../../i18n/intl';
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
      throw new Error(
        (sync.districtSignIn.message &&
          saidText(sync.districtSignIn.said, sync.districtSignIn.message)) ??
          t({ defaultMessage: 'The district could not check that password.', id: 'yKQnwt' }),
      );
  }
  throw new Error(
    t({
      defaultMessage: 'The district server did not answer. Try again in a moment.',
      id: '+MV2nJ',
    }),
  );
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
  // An emergency at a locked computer: signing in goes straight to the roll call.
  const [forRollCall, setForRollCall] = useState(false);
  const signedIn = (s: AppStatus) => {
    if (!forRollCall) return onSignedIn(s);
    const open = () => {
      goTo('roll-call');
      onSignedIn(s);
    };
    call('rollCall.start', { kind: 'emergency' }).then(open, open);
  };
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
    call('session.signIn', { staffId: chosen.id, password }).then(signedIn, (e: unknown) => {
      if (e instanceof HearthError && e.code === 'DISTRICT_SIGN_IN_NEEDED')
        signInWithDistrict(chosen, password).then(signedIn, (d: unknown) =>
          failed(d instanceof Error && !(d instanceof HearthError) ? d.message : errorMessage(d)),
        );
      else failed(errorMessage(e));
    });
  };

  const typeAhead = useTypeAhead<HTMLUListElement>();
  return (
    <main className="center-page">
      <section className="card narrow" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t({ defaultMessage: 'Sign in to Hearth', id: 'NFc+0b' })}</h1>
        <p className="muted">
          {recent.length > 0
            ? t({
                defaultMessage: 'Hearth is locked. Choose your name and enter your password.',
                id: 'SOOygr',
              })
            : t({
                defaultMessage:
                  'Choose your name. Visits and contacts you log are recorded under it.',
                id: 'V3Hzib',
              })}
        </p>
        {status.setup === 'demo' && (
          <p className="hint">
            {tRich(
              {
                defaultMessage:
                  'Demo school: every staff member’s password is <code>{password}</code>.',
                id: '06IBcP',
              },
              { password: DEMO_PASSWORD, code: (chunks) => <code>{chunks}</code> },
            )}
          </p>
        )}
        <div className="emergency-entry">
          <button
            type="button"
            className="button danger"
            aria-pressed={forRollCall}
            onClick={() => setForRollCall(true)}
          >
            {t({ defaultMessage: 'Emergency roll call', id: 'NaqHHv' })}
          </button>
          {forRollCall && (
            <p role="status">
              {t({
                defaultMessage:
                  'Choose your name and enter your password: the roll call opens at once.',
                id: '+83N6b',
              })}
            </p>
          )}
        </div>
        {staff.loading && !staff.data && (
          <p className="muted">{t({ defaultMessage: 'Loading staff…', id: 'Tn/JYW' })}</p>
        )}
        {staff.error !== undefined && <p role="alert">{errorMessage(staff.error)}</p>}
        {/* Typing the start of a name jumps to it, for a long list of staff. */}
        <ul
          className="choice-list"
          aria-label={t({ defaultMessage: 'Staff', id: 'gFJ4sU' })}
          {...typeAhead}
        >
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
                {recent.includes(s.id) && (
                  <span className="badge">
                    {t({ defaultMessage: 'Signed in earlier', id: 'XPJH9o' })}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
        {chosen && (
          <form onSubmit={submit} className="sign-in-form">
            <label className="field">
              <span>
                {t(
                  { defaultMessage: 'Password for {name}', id: 'xVHU2C' },
                  { name: chosen.displayName },
                )}
              </span>
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
              {t({
                defaultMessage: 'Sign in',
                id: 'xZjH7d',
                description: 'button that signs a staff member in',
              })}
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
