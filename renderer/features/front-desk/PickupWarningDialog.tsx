import { useState } from 'react';
import type { PickupWarning } from '../../../contract';
import { Dialog } from '../../ui/Dialog';
import { PICKUP_WORDS } from '../../ui/format';
import { PickupIcon } from '../../ui/icons';
import { t } from '../../i18n/intl';

interface Props {
  visitorName: string;
  warnings: PickupWarning[];
  onAcknowledge: () => void;
  onCancel: () => void;
}

/**
 * The one screen at the desk that must not be skimmed past: what the office needs to check
 * before a student leaves with this person. Signing in needs a ticked acknowledgement; the
 * safe choice (go back) has the focus, so a reflexive Enter never releases a student.
 */
export function PickupWarningDialog({ visitorName, warnings, onAcknowledge, onCancel }: Props) {
  const [checked, setChecked] = useState(false);
  return (
    <Dialog
      title={t(
        { defaultMessage: 'Stop: check before releasing a student to {name}', id: 'w6UCGf' },
        { name: visitorName },
      )}
      role="alertdialog"
      tone="danger"
      onCancel={onCancel}
    >
      <ul className="warning-list">
        {warnings.map((w) => (
          <li key={w.studentId} className={`warning warning-${w.status}`}>
            <span className="warning-icon">
              <PickupIcon status={w.status} />
            </span>
            <div>
              <strong>{w.studentName}</strong>: {PICKUP_WORDS[w.status]}
              {w.officeNote && (
                <p className="office-note">
                  {t(
                    { defaultMessage: 'Office note: {note}', id: '/VomKh' },
                    { note: w.officeNote },
                  )}
                </p>
              )}
              {w.status === 'not_listed' && (
                <p className="office-note">
                  {t(
                    {
                      defaultMessage: '{name} is not on this student’s family list.',
                      id: 'jUIPiT',
                    },
                    { name: visitorName },
                  )}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
      <label className="acknowledge">
        <input
          type="checkbox"
          checked={checked}
          onChange={(event) => setChecked(event.target.checked)}
        />
        {t({ defaultMessage: 'I have checked with the office and may go ahead.', id: 'ndlTTP' })}
      </label>
      <div className="dialog-actions">
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          {t({ defaultMessage: 'Go back', id: 'orvpWh' })}
        </button>
        <button type="button" className="button danger" disabled={!checked} onClick={onAcknowledge}>
          {t({ defaultMessage: 'Sign in with this warning noted', id: 'UfrJ76' })}
        </button>
      </div>
    </Dialog>
  );
}
