import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../contract';
import { call } from '../../api/client';
import { useNow } from '../../ui/useNow';
import { statusLine } from './syncWords';
import { t } from '../../i18n/intl';

/** How often the top bar asks how sync is doing: faster while an exchange is under way. */
const POLL_MS = { busy: 1_000, calm: 5_000 };

interface SyncStatusButtonProps {
  onOpen: () => void;
}

/** The top bar's sync line; it opens the Sync page. Offline is a normal state, said calmly. */
export function SyncStatusButton({ onOpen }: SyncStatusButtonProps) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const now = useNow(30_000);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let live = true;
    const ask = () => {
      call('sync.status', {}).then(
        (next) => {
          if (!live) return;
          setStatus(next);
          timer = setTimeout(ask, next.state === 'syncing' ? POLL_MS.busy : POLL_MS.calm);
        },
        () => {
          if (live) timer = setTimeout(ask, POLL_MS.calm);
        },
      );
    };
    ask();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, []);
  if (!status) return null;
  const attention = status.conflicts + status.rejections;
  const tone =
    !status.joined || status.state === 'waiting' || status.state === 'syncing' ? 'ok' : 'warn';
  return (
    <button
      type="button"
      className={`sync-status sync-${tone}`}
      onClick={onOpen}
      title={
        status.joined
          ? t({ defaultMessage: 'Sync with the district: details and “Sync now”', id: 'wcmNiI' })
          : t({
              defaultMessage: 'This computer is not connected to a district server',
              id: 'LHLv6O',
            })
      }
    >
      <span aria-hidden="true">●</span> {statusLine(status, now, true)}
      {attention > 0 && (
        <span className="badge">
          {t({ defaultMessage: '{count} to review', id: 'jXpiW6' }, { count: attention })}
        </span>
      )}
    </button>
  );
}
