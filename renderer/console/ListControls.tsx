import type { ReactNode } from 'react';
import { t } from '../i18n/intl';

/** The days a list is narrowed to (either end may be left empty). */
export function DaysFilter({
  from,
  to,
  onChange,
}: {
  from: string;
  to: string;
  onChange: (change: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <label className="field">
        <span>{t({ defaultMessage: 'From', id: 'dM+p3/' })}</span>
        <input type="date" value={from} onChange={(e) => onChange({ from: e.target.value })} />
      </label>
      <label className="field">
        <span>{t({ defaultMessage: 'To', id: '9j3hXO' })}</span>
        <input type="date" value={to} onChange={(e) => onChange({ to: e.target.value })} />
      </label>
    </>
  );
}

export function CsvButton({ onClick }: { onClick: () => void }) {
  return (
    <button type="button" className="button" onClick={onClick}>
      {t({ defaultMessage: 'Download as CSV', id: 'ko5RHN' })}
    </button>
  );
}

/**
 * A paged list's frame (usePagedList): what went wrong, the words for an empty list, the
 * table once there is something to show, and the next page when there is one.
 */
export function PagedList({
  error,
  count,
  empty,
  loadOlder,
  children,
}: {
  error: string | null;
  /** How many items are shown; null while the first page is on its way. */
  count: number | null;
  empty: string;
  loadOlder: (() => void) | null;
  children: ReactNode;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {count === 0 && <p className="muted">{empty}</p>}
      {count !== null && count > 0 && children}
      {loadOlder && (
        <button type="button" className="button" onClick={loadOlder}>
          {t({ defaultMessage: 'Show older entries', id: 'dZ6+Bj' })}
        </button>
      )}
    </>
  );
}
