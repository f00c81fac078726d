import { useState, type KeyboardEvent } from 'react';
import {
  CAREGIVER_REACHED_BY,
  HEALTH_DISPOSITIONS,
  HEALTH_VISIT_REASONS,
  HearthError,
  type CaregiverContact,
  type HealthVisitView,
  type StudentSummary,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { fieldProblem } from '../../i18n/issues';
import { t } from '../../i18n/intl';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { HEALTH_DISPOSITION_WORDS, HEALTH_REASON_WORDS, REACHED_BY_WORDS } from './healthWords';
import { fullName } from '../../ui/format';

type Reason = (typeof HEALTH_VISIT_REASONS)[number];
type Disposition = (typeof HEALTH_DISPOSITIONS)[number];

/**
 * Log a student's arrival at the health office, or end their visit. Keyboard first: digits
 * choose the reason (arriving) or how it ended (ending), Enter saves, Esc closes, so a
 * routine visit takes a few keys at each end.
 */
export function OfficeVisitDialog({
  arriving,
  visit,
  onDone,
}: {
  /** A student just found: the visit begins. */
  arriving: StudentSummary | null;
  /** An open visit: it ends. */
  visit: HealthVisitView | null;
  onDone: (saved: HealthVisitView | null) => void;
}) {
  const ending = visit !== null;
  const [reason, setReason] = useState<Reason | null>(visit?.content?.reason ?? null);
  const [assessment, setAssessment] = useState(visit?.content?.assessment ?? '');
  const [careGiven, setCareGiven] = useState(visit?.content?.careGiven ?? '');
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [pickedUpBy, setPickedUpBy] = useState('');
  const [caregiverName, setCaregiverName] = useState('');
  const [reachedBy, setReachedBy] = useState<CaregiverContact['how']>('call');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = visit?.studentName ?? (arriving ? fullName(arriving) : '');

  const save = async () => {
    if (!reason) {
      setError(
        t({ defaultMessage: 'Choose why the student came in (press 1 to 7).', id: 'zL0onK' }),
      );
      return;
    }
    if (ending && !disposition) {
      setError(t({ defaultMessage: 'Choose how the visit ended (press 1 to 5).', id: '9PMKvV' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(
        visit && disposition
          ? await call('health.visitEnd', {
              id: visit.id,
              reason,
              assessment: assessment.trim() || null,
              careGiven: careGiven.trim() || null,
              disposition,
              pickedUpBy: pickedUpBy.trim() || null,
              caregiver: caregiverName.trim()
                ? { personId: null, name: caregiverName, how: reachedBy }
                : null,
            })
          : await call('health.visitStart', {
              studentId: arriving?.id ?? '',
              reason,
              assessment: assessment.trim() || null,
            }),
      );
    } catch (e) {
      const issue = e instanceof HearthError ? e.issues?.[0] : undefined;
      setError(
        issue?.path === 'pickedUpBy'
          ? fieldProblem(t({ defaultMessage: 'Picked up by', id: 'Oq1Nvl' }), issue.message)
          : errorMessage(e),
      );
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (
      event.key === 'Enter' &&
      !(event.target instanceof HTMLTextAreaElement) &&
      !(event.target instanceof HTMLButtonElement) &&
      !(event.target instanceof HTMLSelectElement)
    ) {
      event.preventDefault();
      void save();
      return;
    }
    const typing =
      event.target instanceof HTMLTextAreaElement ||
      (event.target instanceof HTMLInputElement && event.target.type === 'text');
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const index = Number(event.key) - 1;
    if (!ending && HEALTH_VISIT_REASONS[index]) {
      event.preventDefault();
      setReason(HEALTH_VISIT_REASONS[index]);
    } else if (ending && HEALTH_DISPOSITIONS[index]) {
      event.preventDefault();
      setDisposition(HEALTH_DISPOSITIONS[index]);
    }
  };

  const choices = <K extends string>(
    legend: string,
    keys: readonly K[],
    words: Readonly<Record<K, string>>,
    chosen: K | null,
    choose: (key: K) => void,
    numbered: boolean,
  ) => (
    <fieldset className="purposes">
      <legend>{legend}</legend>
      <div className="purpose-grid">
        {keys.map((key, i) => (
          <label key={key} className={`purpose ${chosen === key ? 'selected' : ''}`}>
            <input
              type="radio"
              name={legend}
              checked={chosen === key}
              onChange={() => choose(key)}
              data-autofocus={numbered && i === 0 ? true : undefined}
            />
            {numbered && <kbd aria-hidden="true">{i + 1}</kbd>} {words[key]}
          </label>
        ))}
      </div>
    </fieldset>
  );

  return (
    <Dialog
      title={
        ending
          ? t({ defaultMessage: 'End the visit of {name}', id: 'SPBP/X' }, { name })
          : t({ defaultMessage: '{name} arrives at the health office', id: 'bfRzaK' }, { name })
      }
      size="wide"
      onCancel={() => onDone(null)}
    >
      <form
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {choices(
          t({ defaultMessage: 'Why they came in', id: '2BvQrW' }),
          HEALTH_VISIT_REASONS,
          HEALTH_REASON_WORDS,
          reason,
          setReason,
          !ending,
        )}
        <label className="field">
          <span>{t({ defaultMessage: 'Assessment (optional)', id: 'nx/tl9' })}</span>
          <textarea rows={2} value={assessment} onChange={(e) => setAssessment(e.target.value)} />
        </label>
        {ending && (
          <>
            <label className="field">
              <span>{t({ defaultMessage: 'Care given (optional)', id: '18poTB' })}</span>
              <textarea rows={2} value={careGiven} onChange={(e) => setCareGiven(e.target.value)} />
            </label>
            {choices(
              t({ defaultMessage: 'How the visit ended', id: 'pLe4Zb' }),
              HEALTH_DISPOSITIONS,
              HEALTH_DISPOSITION_WORDS,
              disposition,
              setDisposition,
              true,
            )}
            {(disposition === 'picked_up' || disposition === 'sent_home') && (
              <label className="field">
                <span>{t({ defaultMessage: 'Picked up by', id: 'Oq1Nvl' })}</span>
                <input
                  type="text"
                  value={pickedUpBy}
                  onChange={(e) => setPickedUpBy(e.target.value)}
                />
              </label>
            )}
            <div className="row">
              <label className="field grow">
                <span>{t({ defaultMessage: 'Caregiver told (optional)', id: 'cFzPXG' })}</span>
                <input
                  type="text"
                  value={caregiverName}
                  onChange={(e) => setCaregiverName(e.target.value)}
                />
              </label>
              <label className="field">
                <span>{t({ defaultMessage: 'How', id: 'hmZz9H' })}</span>
                <select
                  value={reachedBy}
                  onChange={(e) => setReachedBy(e.target.value as CaregiverContact['how'])}
                >
                  {CAREGIVER_REACHED_BY.map((how) => (
                    <option key={how} value={how}>
                      {REACHED_BY_WORDS[how]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
            <p className="muted small-text">
              {t({
                defaultMessage:
                  'The family’s history will say only that the nurse contacted the family about a health matter.',
                id: 'nti1lP',
              })}
            </p>
          </>
        )}
        <FormActions
          error={error}
          onCancel={() => onDone(null)}
          submitLabel={
            ending
              ? t({ defaultMessage: 'End the visit', id: 'Wj/duc' })
              : t({ defaultMessage: 'Log the arrival', id: '38MxUd' })
          }
          busy={busy}
        />
      </form>
    </Dialog>
  );
}
