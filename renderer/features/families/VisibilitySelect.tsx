import type { UseFormRegisterReturn } from 'react-hook-form';
import type { Staff } from '../../../contract';
import { visibilityName, writableVisibilities } from '../../ui/visibility';
import { t } from '../../i18n/intl';

/** "Who can read it": all staff, the writer's own teams, or only them. */
export function VisibilitySelect({
  viewer,
  registration,
}: {
  viewer: Staff;
  registration: UseFormRegisterReturn;
}) {
  return (
    <label className="field">
      <span>{t({ defaultMessage: 'Who can read it', id: 'm/6CrR' })}</span>

      <select {...registration}>
        {writableVisibilities(viewer).map((v) => (
          <option key={v} value={v}>
            {visibilityName(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
