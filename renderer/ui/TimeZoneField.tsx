import type { UseFormRegisterReturn } from 'react-hook-form';
import { t } from '../i18n/intl';
import { FieldError } from './FieldError';

const TIME_ZONES = Intl.supportedValuesOf('timeZone');

/**
 * A school's time zone: typed with the browser's list of zones to pick from (a city finds its
 * zone), starting from the one this computer is in.
 */
export function TimeZoneField({
  registration,
  error,
}: {
  registration: UseFormRegisterReturn;
  error: string | undefined;
}) {
  const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <label className="field">
      <span>{t({ defaultMessage: 'Time zone', id: 'IcUakl' })}</span>
      <input
        {...registration}
        list="time-zones"
        autoComplete="off"
        spellCheck={false}
        aria-invalid={error !== undefined}
        aria-describedby="time-zone-help"
      />
      <datalist id="time-zones">
        {TIME_ZONES.map((z) => (
          <option key={z} value={z}>
            {z.replaceAll('_', ' ')}
          </option>
        ))}
      </datalist>
      <span id="time-zone-help" className="small-text muted">
        {t(
          {
            defaultMessage:
              '{zone} was found on this computer. Type a city to find another (for example “Chicago” or “Nairobi”).',
            id: 'oBwFxb',
          },
          { zone: localZone },
        )}
      </span>
      <FieldError field={t({ defaultMessage: 'Time zone', id: 'IcUakl' })} message={error} />
    </label>
  );
}
