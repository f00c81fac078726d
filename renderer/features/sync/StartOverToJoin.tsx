import { useState } from 'react';
import type { AppStatus } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { t } from '../../i18n/intl';

/**
 * A school that set up on its own and then learns its district runs Hearth: while nothing is
 * recorded here, the computer starts over (its database kept as a backup) and its first
 * screen offers "Join your district". Administrators only, as every change to the database
 * file is.
 */
export function StartOverToJoin({ onStatusChange }: { onStatusChange: (s: AppStatus) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const startOver = async () => {
    setBusy(true);
    setError(null);
    try {
      await call('setup.startOverToJoin', {});
      onStatusChange(await call('app.status', {}));
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        {t({ defaultMessage: 'Join your district…', id: 'oAj7jN' })}
      </button>
      {asking && (
        <Dialog
          title={t({ defaultMessage: 'Join your district', id: 'yqJcDS' })}
          onCancel={() => setAsking(false)}
        >
          <div className="stack">
            <p>
              {t({
                defaultMessage:
                  'A computer joins its district when it starts, so this one starts over: what it holds now (the school’s name, its staff and their passwords) is kept as a backup in Settings → Backups, and the first screen then asks for your district’s address and a one-time code from district IT. Staff sign in with their district accounts after.',
                id: 'OfYF7c',
              })}
            </p>
            <p>
              {t({
                defaultMessage:
                  'This works only while no families are recorded here: a district’s computers carry the district’s records alone.',
                id: 'W6tB8U',
              })}
            </p>
            {error && (
              <p role="alert" className="error-text">
                {error}
              </p>
            )}
            <div className="dialog-actions">
              <button
                type="button"
                className="button"
                onClick={() => setAsking(false)}
                data-autofocus
              >
                {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
              </button>
              <button
                type="button"
                className="button primary"
                disabled={busy}
                onClick={() => void startOver()}
              >
                {t({ defaultMessage: 'Start over and join', id: '9Ra3Xq' })}
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </>
  );
}
