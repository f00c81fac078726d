import { useState } from 'react';
import {
  GUARDIAN_CALL_WAYS,
  type AllowedPickup,
  type GuardianConfirmation,
  type PickupWarning,
} from '../../../contract';
import { Dialog } from '../../ui/Dialog';
import { GUARDIAN_CALL_WORDS, PICKUP_WORDS } from '../../ui/format';
import { PickupIcon } from '../../ui/icons';
import { t } from '../../i18n/intl';

interface Props {
  visitorName: string;
  warnings: PickupWarning[];
  /** Signing out: the visitor is leaving while a student they may not take is dismissed. */
  leaving?: boolean;
  onAcknowledge: () => void;
  /** Signing in: a guardian the desk reached said yes (not offered when leaving). */
  onGuardianYes?: (confirmation: GuardianConfirmation) => void;
  onCancel: () => void;
}

/** Everyone who may pick up any of these students, once each. */
function allowedIn(warnings: PickupWarning[]): AllowedPickup[] {
  const seen = new Map<string, AllowedPickup>();
  for (const w of warnings) for (const a of w.allowed ?? []) seen.set(a.personId, a);
  return [...seen.values()];
}

const OTHER = '';

/**
 * The one screen at the desk that must not be skimmed past: what the office needs to check
 * before a student leaves with this person, and who may pick the student up. Going ahead
 * needs a ticked acknowledgement, or the guardian the desk called and who said yes; the safe
 * choice (go back) has the focus, so a reflexive Enter never releases a student.
 */
export function PickupWarningDialog({
  visitorName,
  warnings,
  leaving = false,
  onAcknowledge,
  onGuardianYes,
  onCancel,
}: Props) {
  const [checked, setChecked] = useState(false);
  const allowed = allowedIn(warnings);
  const [guardian, setGuardian] = useState<string>(allowed[0]?.personId ?? OTHER);
  const [otherName, setOtherName] = useState('');
  const [how, setHow] = useState<GuardianConfirmation['how']>('phone');
  const chosen = allowed.find((a) => a.personId === guardian);
  const guardianName = chosen ? chosen.name : otherName.trim();
  return (
    <Dialog
      title={
        leaving
          ? t(
              { defaultMessage: 'Stop: check before {name} leaves', id: 'c63yyN' },
              { name: visitorName },
            )
          : t(
              { defaultMessage: 'Stop: check before releasing a student to {name}', id: 'w6UCGf' },
              { name: visitorName },
            )
      }
      role="alertdialog"
      tone="danger"
      onCancel={onCancel}
    >
      {leaving && (
        <p>
          {t(
            {
              defaultMessage:
                'A student {name} may not take is being dismissed now. Make sure the student is not leaving with {name}.',
              id: 'dJIhQZ',
            },
            { name: visitorName },
          )}
        </p>
      )}
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
              {w.allowed && (
                <p className="allowed-pickups">
                  {w.allowed.length > 0
                    ? t(
                        { defaultMessage: 'May pick up: {people}', id: 'hQAvK0' },
                        {
                          people: w.allowed
                            .map((a) =>
                              [`${a.name} (${a.relationship})`, a.phone].filter(Boolean).join(' '),
                            )
                            .join('; '),
                        },
                      )
                    : t({
                        defaultMessage: 'No one is listed as allowed to pick up.',
                        id: 'Y88z2l',
                      })}
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
          {leaving
            ? t({ defaultMessage: 'Sign out with this warning noted', id: 'XP+43h' })
            : t({ defaultMessage: 'Sign in with this warning noted', id: 'UfrJ76' })}
        </button>
      </div>
      {onGuardianYes && (
        <fieldset className="guardian-yes">
          <legend>
            {t({ defaultMessage: 'Or: a guardian was called and said yes', id: 'bax7vq' })}
          </legend>
          <div className="row">
            <label className="field">
              <span>{t({ defaultMessage: 'Who said yes', id: 'GFAi39' })}</span>
              <select value={guardian} onChange={(event) => setGuardian(event.target.value)}>
                {allowed.map((a) => (
                  <option key={a.personId} value={a.personId}>
                    {`${a.name} (${a.relationship})`}
                  </option>
                ))}
                <option value={OTHER}>{t({ defaultMessage: 'Someone else', id: 'PYDot+' })}</option>
              </select>
            </label>
            {guardian === OTHER && (
              <label className="field">
                <span>{t({ defaultMessage: 'Their name', id: 'OYjdum' })}</span>
                <input
                  value={otherName}
                  onChange={(event) => setOtherName(event.target.value)}
                  autoComplete="off"
                />
              </label>
            )}
            <label className="field">
              <span>{t({ defaultMessage: 'How', id: 'hmZz9H' })}</span>
              <select
                value={how}
                onChange={(event) => setHow(event.target.value as GuardianConfirmation['how'])}
              >
                {GUARDIAN_CALL_WAYS.map((way) => (
                  <option key={way} value={way}>
                    {GUARDIAN_CALL_WORDS[way]}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <button
            type="button"
            className="button danger"
            disabled={!guardianName}
            onClick={() =>
              onGuardianYes({ name: guardianName, personId: chosen?.personId ?? null, how })
            }
          >
            {t({ defaultMessage: 'Sign in with the guardian’s yes', id: 'qKo7c9' })}
          </button>
        </fieldset>
      )}
    </Dialog>
  );
}
