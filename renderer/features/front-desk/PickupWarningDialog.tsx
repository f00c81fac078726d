import { useState } from 'react';
import type { PickupWarning } from '../../../contract';
import { Dialog } from '../../ui/Dialog';
import { PICKUP_WORDS } from '../../ui/format';
import { PickupIcon } from '../../ui/icons';

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
      title={`Stop: check before releasing a student to ${visitorName}`}
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
              {w.officeNote && <p className="office-note">Office note: {w.officeNote}</p>}
              {w.status === 'not_listed' && (
                <p className="office-note">{visitorName} is not on this student’s family list.</p>
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
        I have checked with the office and may go ahead.
      </label>
      <div className="dialog-actions">
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          Go back
        </button>
        <button type="button" className="button danger" disabled={!checked} onClick={onAcknowledge}>
          Sign in with this warning noted
        </button>
      </div>
    </Dialog>
  );
}
