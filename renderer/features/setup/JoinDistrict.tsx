import { saidText } from '../../i18n/said';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, type AppStatus, type CallInput, type SyncStatus } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { formatNumber, t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

type JoinForm = CallInput<'sync.join'>;

/** How often the join screen asks how joining is going. */
const POLL_MS = 500;

// Shapes to type, the same in every language.
const EXAMPLE_ADDRESS = 'https://hearth.district.org';
const CODE_SHAPE = 'XXXX-XXXX-XXXX';

function progressWords(status: SyncStatus): string {
  if (status.state === 'joining')
    return t({ defaultMessage: 'Connecting to the district…', id: 'Ujtshy' });
  const received = status.progress?.pulled ?? 0;
  return received > 0
    ? t(
        { defaultMessage: 'Receiving your school: {count} records so far…', id: 'tYgz4f' },
        { count: formatNumber(received) },
      )
    : t({ defaultMessage: 'Receiving your school…', id: 'CStpMP' });
}

/**
 * First run on a district computer: the server's address and the one-time code district IT
 * gave for this computer. The school, its staff and its families then arrive by sync.
 */
export function JoinDistrict({
  busy,
  onBusy,
  onDone,
}: {
  busy: boolean;
  onBusy: (busy: boolean) => void;
  onDone: (status: AppStatus) => void;
}) {
  const [progress, setProgress] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);
  const form = useForm<JoinForm>({
    resolver: zodResolver(API['sync.join'].input),
    defaultValues: { serverUrl: '', code: '', deviceName: '' },
  });
  const { errors } = form.formState;

  useEffect(() => {
    if (!joining) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ask = () => {
      call('sync.status', {}).then(
        async (status) => {
          if (!status.joined && status.state === 'not_joined' && status.lastError) {
            setError(saidText(status.lastError.said, status.lastError.message));
            setJoining(false);
            onBusy(false);
            return;
          }
          if (status.joined && status.lastSyncAt && status.state !== 'syncing') {
            onDone(await call('app.status', {}));
            return;
          }
          setProgress(progressWords(status));
          timer = setTimeout(ask, POLL_MS);
        },
        (e: unknown) => {
          setError(errorMessage(e));
          setJoining(false);
          onBusy(false);
        },
      );
    };
    ask();
    return () => clearTimeout(timer);
  }, [joining, onBusy, onDone]);

  const submit = form.handleSubmit((values) => {
    setError(null);
    onBusy(true);
    call('sync.join', values).then(
      () => setJoining(true),
      (e: unknown) => {
        setError(errorMessage(e));
        onBusy(false);
      },
    );
  });

  return (
    <section className="card" aria-labelledby="join-title">
      <h2 id="join-title">{t({ defaultMessage: 'Join your district', id: 'yqJcDS' })}</h2>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>{t({ defaultMessage: 'District server address', id: 'ZW0sas' })}</span>
          <input
            {...form.register('serverUrl')}
            aria-invalid={!!errors.serverUrl}
            placeholder={EXAMPLE_ADDRESS}
            autoComplete="url"
          />
          <FieldError
            field={t({ defaultMessage: 'The address', id: 'EErGJg' })}
            message={errors.serverUrl?.message}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Enrollment code', id: 'A0GTeS' })}</span>
          <input
            {...form.register('code')}
            aria-invalid={!!errors.code}
            placeholder={CODE_SHAPE}
            autoComplete="off"
          />
          {errors.code ? (
            <FieldError
              field={t({ defaultMessage: 'The code', id: 'quUa22' })}
              message={errors.code.message}
            />
          ) : (
            <span className="muted">
              {t({
                defaultMessage: 'District IT gives a code for each computer; it works once.',
                id: '3oybDg',
              })}
            </span>
          )}
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Name for this computer', id: '9wIsqn' })}</span>
          <input
            {...form.register('deviceName')}
            aria-invalid={!!errors.deviceName}
            placeholder={t({
              defaultMessage: 'Front desk',
              id: '6pjym2',
              description: 'an example computer name',
            })}
          />
          <FieldError
            field={t({ defaultMessage: 'The name', id: 'IynmFw' })}
            message={errors.deviceName?.message}
          />
        </label>
        <button type="submit" className="button" disabled={busy}>
          {t({ defaultMessage: 'Join the district', id: 'fqjBp+' })}
        </button>

        {joining && progress && (
          <p role="status" className="muted">
            {progress}
          </p>
        )}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
