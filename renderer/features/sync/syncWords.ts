import type { SyncStatus } from '../../../contract';
import { relative } from '../../ui/format';
import { t } from '../../i18n/intl';

/** A value kept in a conflict (JSON text) as a person reads it. */
export function valueWords(json: string): string {
  const value: unknown = JSON.parse(json);
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return t({ defaultMessage: '(empty)', id: '4PQ9vQ' });
  if (typeof value === 'boolean')
    return value
      ? t({ defaultMessage: 'Yes', id: 'a5msuh' })
      : t({ defaultMessage: 'No', id: 'oUWADl' });
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** "2 minutes ago"; a time a moment ahead of the page's clock reads as just now, not "in". */
export function agoWords(iso: string, now: Date): string {
  return relative(new Date(Math.min(Date.parse(iso), now.getTime())).toISOString(), now);
}

/**
 * Where this computer's work stands, in one line: `short` for the top bar, the full
 * sentence for the Sync page.
 */
export function statusLine(status: SyncStatus, now: Date, short = false): string {
  if (!status.joined) return t({ defaultMessage: 'Saved on this computer', id: 'DsosVn' });
  const pending = status.pending;
  switch (status.state) {
    case 'syncing': {
      const count = status.progress ? status.progress.pushed + status.progress.pulled : 0;
      return count > 0
        ? t(
            {
              defaultMessage: 'Syncing… {count, plural, one {# change} other {# changes}} so far',
              id: 'aWezbU',
            },
            { count },
          )
        : t({ defaultMessage: 'Syncing…', id: 'ZBXWfW' });
    }
    case 'offline':
      if (short)
        return pending > 0
          ? t(
              {
                defaultMessage:
                  'Offline · {count, plural, one {# change} other {# changes}} to send',
                id: 'zE1+sC',
              },
              { count: pending },
            )
          : t({ defaultMessage: 'Offline', id: '7UOvbT' });
      return pending > 0
        ? t(
            {
              defaultMessage:
                'Offline · {count, plural, one {# change} other {# changes}} saved here, waiting to sync',
              id: 'rgsZON',
            },
            { count: pending },
          )
        : t({ defaultMessage: 'Offline · everything is saved here', id: 'L+Kime' });
    case 'stopped':
      return t({ defaultMessage: 'Sync stopped', id: 'beRutW' });
    default:
      if (pending > 0)
        return t(
          {
            defaultMessage: '{count, plural, one {# change} other {# changes}} waiting to sync',
            id: 'iNvPbu',
          },
          { count: pending },
        );
      return status.lastSyncAt
        ? t(
            { defaultMessage: 'Synced {ago}', id: 'aXpZvG' },
            { ago: agoWords(status.lastSyncAt, now) },
          )
        : t({ defaultMessage: 'Not synced yet', id: '2BEeBi' });
  }
}
