import { formatNumber, t } from '../i18n/intl';

/** Share of a limit from which a field shows how much room is left. */
const SHOW_FROM = 0.8;

/** "4,200 / 5,000" under a field near its limit; says so in words past it. */
export function Counter({ value, max }: { value: string | undefined; max: number }) {
  const length = value?.length ?? 0;
  if (length < max * SHOW_FROM) return null;
  return (
    <span
      className={`counter small-text ${length > max ? 'error-text' : 'muted'}`}
      aria-live="polite"
    >
      {formatNumber(length)} / {formatNumber(max)}
      {length > max && ` — ${t({ defaultMessage: 'too long', id: '1XpdlT' })}`}
    </span>
  );
}
