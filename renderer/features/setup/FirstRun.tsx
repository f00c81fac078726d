import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, type AppStatus, type CallInput } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { JoinDistrict } from './JoinDistrict';

type SchoolForm = CallInput<'setup.school'>;

/** Every time zone the browser knows (IANA names), searched by typing in the field. */
const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/**
 * First run: explore a demo school, set up a school on this computer alone, or join the
 * district's. Demo and real data never mix.
 */
export function FirstRun({ onDone }: { onDone: (status: AppStatus) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const form = useForm<SchoolForm>({
    resolver: zodResolver(API['setup.school'].input),
    defaultValues: {
      schoolName: '',
      timeZone: localZone,
      staffName: '',
      password: '',
    },
  });
  const { errors } = form.formState;

  const run = (work: Promise<AppStatus>) => {
    setBusy(true);
    setError(null);
    work.then(onDone, (e: unknown) => {
      setError(errorMessage(e));
      setBusy(false);
    });
  };

  return (
    <main className="center-page">
      <div className="first-run">
        <h1>Welcome to Hearth</h1>
        <p className="lead">
          A calm place to welcome families, log visits and keep track of every contact.
        </p>
        <div className="first-run-choices">
          <section className="card" aria-labelledby="demo-title">
            <h2 id="demo-title">Explore a demo school</h2>
            <p>Try everything with made-up families. Nothing you do here touches real records.</p>
            <button
              type="button"
              className="button primary"
              disabled={busy}
              autoFocus
              onClick={() => run(call('setup.demo', {}))}
            >
              Open the demo school
            </button>
          </section>
          <section className="card" aria-labelledby="real-title">
            <h2 id="real-title">Set up your school</h2>
            <form
              onSubmit={form.handleSubmit((values) => run(call('setup.school', values)))}
              noValidate
            >
              <label className="field">
                <span>School name</span>
                <input
                  {...form.register('schoolName')}
                  aria-invalid={!!errors.schoolName}
                  autoComplete="organization"
                />
                {errors.schoolName && (
                  <span className="field-error">School name {errors.schoolName.message}</span>
                )}
              </label>
              <label className="field">
                <span>Time zone</span>
                <input
                  {...form.register('timeZone')}
                  list="time-zones"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={!!errors.timeZone}
                  aria-describedby="time-zone-help"
                />
                <datalist id="time-zones">
                  {TIME_ZONES.map((z) => (
                    <option key={z} value={z}>
                      {z.replaceAll('_', ' ')}
                    </option>
                  ))}
                </datalist>
                <span id="time-zone-help" className="small-text muted">
                  {localZone} was found on this computer. Type a city to find another (for example
                  “Chicago” or “Nairobi”).
                </span>
                {errors.timeZone && (
                  <span className="field-error">Time zone {errors.timeZone.message}</span>
                )}
              </label>
              <label className="field">
                <span>Your name</span>
                <input
                  {...form.register('staffName')}
                  aria-invalid={!!errors.staffName}
                  autoComplete="name"
                />
                {errors.staffName && (
                  <span className="field-error">Your name {errors.staffName.message}</span>
                )}
              </label>
              <label className="field">
                <span>Your password</span>
                <input
                  type="password"
                  {...form.register('password')}
                  aria-invalid={!!errors.password}
                  autoComplete="new-password"
                />
                {errors.password ? (
                  <span className="field-error">Password {errors.password.message}</span>
                ) : (
                  <span className="muted">
                    You will be this school’s first administrator. At least 8 characters; a short
                    sentence is easy to remember.
                  </span>
                )}
              </label>
              <button type="submit" className="button" disabled={busy}>
                Set up this school
              </button>
            </form>
          </section>
          <JoinDistrict busy={busy} onBusy={setBusy} onDone={onDone} />
        </div>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </div>
    </main>
  );
}
