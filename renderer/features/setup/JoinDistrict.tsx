import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, type AppStatus, type CallInput, type SyncStatus } from '../../../contract';
import { call, errorMessage } from '../../api/client';

type JoinForm = CallInput<'sync.join'>;

/** How often the join screen asks how joining is going. */
const POLL_MS = 500;

function progressWords(status: SyncStatus): string {
  if (status.state === 'joining') return 'Connecting to the district…';
  const received = status.progress?.pulled ?? 0;
  return received > 0
    ? `Receiving your school: ${received.toLocaleString()} records so far…`
    : 'Receiving your school…';
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
            setError(status.lastError.message);
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
      <h2 id="join-title">Join your district</h2>
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span>District server address</span>
          <input
            {...form.register('serverUrl')}
            aria-invalid={!!errors.serverUrl}
            placeholder="https://hearth.district.org"
            autoComplete="url"
          />
          {errors.serverUrl && (
            <span className="field-error">The address {errors.serverUrl.message}</span>
          )}
        </label>
        <label className="field">
          <span>Enrollment code</span>
          <input
            {...form.register('code')}
            aria-invalid={!!errors.code}
            placeholder="XXXX-XXXX-XXXX"
            autoComplete="off"
          />
          {errors.code ? (
            <span className="field-error">The code {errors.code.message}</span>
          ) : (
            <span className="muted">
              District IT gives a code for each computer; it works once.
            </span>
          )}
        </label>
        <label className="field">
          <span>Name for this computer</span>
          <input
            {...form.register('deviceName')}
            aria-invalid={!!errors.deviceName}
            placeholder="Front desk"
          />
          {errors.deviceName && (
            <span className="field-error">The name {errors.deviceName.message}</span>
          )}
        </label>
        <button type="submit" className="button" disabled={busy}>
          Join the district
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
