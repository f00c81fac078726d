import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { consoleSessionSchema, type ConsoleSession } from '../../contract/console';
import { credentialsInput } from '../../contract/server';
import { t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { FieldError } from '../ui/FieldError';
import { showIssues } from '../ui/forms';
import { request } from './api';

type Credentials = z.input<typeof credentialsInput>;

/** District and school administrators sign in with their Hearth email and password. */
export function ConsoleSignIn({ onSignedIn }: { onSignedIn: (session: ConsoleSession) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useForm<Credentials>({
    resolver: zodResolver(credentialsInput),
    defaultValues: { email: '', password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    setError(null);
    setBusy(true);
    request('POST', '/v1/console/session', consoleSessionSchema, values).then(onSignedIn, (e) => {
      if (!showIssues(form, e)) setError(errorMessage(e));
      setBusy(false);
    });
  });

  return (
    <main className="center-page">
      <section className="card narrow" aria-labelledby="console-sign-in-title">
        <h1 id="console-sign-in-title">
          {t({ defaultMessage: 'Hearth district console', id: '7cDnbD' })}
        </h1>
        <p className="muted">
          {t({
            defaultMessage: 'For district and school administrators.',
            id: 'SCbTZ6',
          })}
        </p>
        <form onSubmit={submit} noValidate>
          <label className="field">
            <span>{t({ defaultMessage: 'Email', id: 'sy+pv5' })}</span>
            <input
              {...form.register('email')}
              type="email"
              autoComplete="username"
              aria-invalid={!!errors.email}
              autoFocus
            />
            <FieldError
              field={t({ defaultMessage: 'The email', id: 'KX82Vv' })}
              message={errors.email?.message}
            />
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'Password', id: '5sg7KC' })}</span>
            <input
              {...form.register('password')}
              type="password"
              autoComplete="current-password"
              aria-invalid={!!errors.password}
            />
            <FieldError
              field={t({ defaultMessage: 'The password', id: '/fHjCn' })}
              message={errors.password?.message}
            />
          </label>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          <button type="submit" className="button primary" disabled={busy}>
            {t({ defaultMessage: 'Sign in', id: 'SQJto2' })}
          </button>
        </form>
      </section>
    </main>
  );
}
