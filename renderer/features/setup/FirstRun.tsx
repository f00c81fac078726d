import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, type AppStatus, type CallInput } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { JoinDistrict } from './JoinDistrict';
import { t, type UiLanguage } from '../../i18n/intl';
import { UiLanguageOptions } from '../../ui/options';
import { FieldError } from '../../ui/FieldError';
import { TimeZoneField } from '../../ui/TimeZoneField';

type SchoolForm = CallInput<'setup.school'>;

/** Every time zone the browser knows (IANA names), searched by typing in the field. */

/**
 * First run: explore a demo school, set up a school on this computer alone, or join the
 * district's. Demo and real data never mix.
 */
export function FirstRun({
  language,
  onChooseLanguage,
  onDone,
}: {
  /** The language the window speaks; the school's first administrator keeps the one chosen. */
  language: UiLanguage;
  onChooseLanguage: (language: UiLanguage) => void;
  onDone: (status: AppStatus) => void;
}) {
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
    work.then(
      async (status) =>
        onDone(status.staff ? await call('session.setLanguage', { language }) : status),
      (e: unknown) => {
        setError(errorMessage(e));
        setBusy(false);
      },
    );
  };

  return (
    <main className="center-page">
      <div className="first-run">
        <label className="field language-pick">
          <span>{t({ defaultMessage: 'Language', id: 'y1Z3or' })}</span>
          <select value={language} onChange={(e) => onChooseLanguage(e.target.value as UiLanguage)}>
            <UiLanguageOptions />
          </select>
        </label>
        <h1>{t({ defaultMessage: 'Welcome to Hearth', id: 'pFZPF6' })}</h1>
        <p className="lead">
          {t({
            defaultMessage:
              'A calm place to welcome families, log visits and keep track of every contact.',
            id: '0biSRT',
          })}
        </p>
        <div className="first-run-choices">
          <section className="card" aria-labelledby="demo-title">
            <h2 id="demo-title">{t({ defaultMessage: 'Explore a demo school', id: 'xgwzBl' })}</h2>
            <p>
              {t({
                defaultMessage:
                  'Try everything with made-up families. Nothing you do here touches real records.',
                id: 'm9h8aA',
              })}
            </p>
            <button
              type="button"
              className="button primary"
              disabled={busy}
              autoFocus
              onClick={() => run(call('setup.demo', {}))}
            >
              {t({ defaultMessage: 'Open the demo school', id: 'IPJxgl' })}
            </button>
          </section>
          <section className="card" aria-labelledby="real-title">
            <h2 id="real-title">{t({ defaultMessage: 'Set up your school', id: 'hnwnO1' })}</h2>
            <form
              onSubmit={form.handleSubmit((values) => run(call('setup.school', values)))}
              noValidate
            >
              <label className="field">
                <span>{t({ defaultMessage: 'School name', id: 'bkH0vI' })}</span>
                <input
                  {...form.register('schoolName')}
                  aria-invalid={!!errors.schoolName}
                  autoComplete="organization"
                />
                <FieldError
                  field={t({ defaultMessage: 'School name', id: 'bkH0vI' })}
                  message={errors.schoolName?.message}
                />
              </label>
              <TimeZoneField
                registration={form.register('timeZone')}
                error={errors.timeZone?.message}
              />
              <label className="field">
                <span>{t({ defaultMessage: 'Your name', id: 'vlKhIl' })}</span>
                <input
                  {...form.register('staffName')}
                  aria-invalid={!!errors.staffName}
                  autoComplete="name"
                />
                <FieldError
                  field={t({ defaultMessage: 'Your name', id: 'vlKhIl' })}
                  message={errors.staffName?.message}
                />
              </label>
              <label className="field">
                <span>{t({ defaultMessage: 'Your password', id: '/aWpsO' })}</span>
                <input
                  type="password"
                  {...form.register('password')}
                  aria-invalid={!!errors.password}
                  autoComplete="new-password"
                />
                {errors.password ? (
                  <FieldError
                    field={t({ defaultMessage: 'Password', id: '5sg7KC' })}
                    message={errors.password.message}
                  />
                ) : (
                  <span className="muted">
                    {t({
                      defaultMessage:
                        'You will be this school’s first administrator. At least 8 characters; a short sentence is easy to remember.',
                      id: 'va5JZx',
                    })}
                  </span>
                )}
              </label>
              <button type="submit" className="button" disabled={busy}>
                {t({ defaultMessage: 'Set up this school', id: 'zc6YEj' })}
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
