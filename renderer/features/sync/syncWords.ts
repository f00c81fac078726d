import type { SyncStatus } from '../../../contract';
import { relative } from '../../ui/format';

/** A record field's name as people say it: `bestTimes` -> "Best times". */
export function fieldWords(field: string): string {
  const spaced = field.replace(/([A-Z])/g, ' $1').toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A value kept in a conflict (JSON text) as a person reads it. */
export function valueWords(json: string): string {
  const value: unknown = JSON.parse(json);
  if (value === null || value === '' || (Array.isArray(value) && value.length === 0))
    return '(empty)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const changes = (n: number) => `${n.toLocaleString()} ${n === 1 ? 'change' : 'changes'}`;

/** "2 minutes ago"; a time a moment ahead of the page's clock reads as just now, not "in". */
export function agoWords(iso: string, now: Date): string {
  return relative(new Date(Math.min(Date.parse(iso), now.getTime())).toISOString(), now);
}

/**
 * Where this computer's work stands, in one line: `short` for the top bar, the full
 * sentence for the Sync page.
 */
export function statusLine(status: SyncStatus, now: Date, short = false): string {
  if (!status.joined) return 'Saved on this computer';
  switch (status.state) {
    case 'syncing':
      return status.progress && status.progress.pulled + status.progress.pushed > 0
        ? `Syncing… ${changes(status.progress.pushed + status.progress.pulled)} so far`
        : 'Syncing…';
    case 'offline':
      if (short)
        return status.pending > 0 ? `Offline · ${changes(status.pending)} to send` : 'Offline';
      return status.pending > 0
        ? `Offline · ${changes(status.pending)} saved here, waiting to sync`
        : 'Offline · everything is saved here';
    case 'stopped':
      return 'Sync stopped';
    default:
      if (status.pending > 0) return `${changes(status.pending)} waiting to sync`;
      return status.lastSyncAt ? `Synced ${agoWords(status.lastSyncAt, now)}` : 'Not synced yet';
  }
}
