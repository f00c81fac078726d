import { useState, type KeyboardEvent } from 'react';
import { DOSE_OUTCOMES, HearthError, type DoseOutcome, type DoseView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { fieldProblem } from '../../i18n/issues';
import { t } from '../../i18n/intl';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { timeOfDay } from '../../ui/format';
import { DOSE_OUTCOME_WORDS } from './healthWords';

/** The dose being recorded: which order and time, and the entry it corrects, if any. */
export interface DoseToRecord {
  orderId: string;
  studentName: string;
  medication: string;
  dose: string;
  slot: string | null;
  /** The times one may choose from (null: as needed); one time is not a choice. */
  slots: readonly (string | null)[];
  secondCheck: boolean;
  outcome: DoseOutcome;
  corrects: DoseView | null;
}

/**
 * Record one entry in the administration record. Digits 1–4 choose what happened, Enter
 * saves. Where the order asks for a second check of a dose given, a colleague at this
 * computer chooses their name and types their own password; the core checks it.
 */
export function RecordDoseDialog({
  dose,
  viewerId,
  onDone,
}: {
  dose: DoseToRecord;
  viewerId: string;
  onDone: (saved: DoseView | null) => void;
}) {
  const [outcome, setOutcome] = useState<DoseOutcome>(dose.outcome);
  const [slot, setSlot] = useState(dose.slot);
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const [atProblem, setAtProblem] = useState<string | null>(null);
  const [checkerId, setCheckerId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checkerProblem, setCheckerProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const needsCheck = dose.secondCheck && outcome === 'given';
  const staff = useCall('staff.list', {}).data?.filter((s) => s.id !== viewerId);
  const atLabel = t({ defaultMessage: 'When (empty: now)', id: 'ciKSbz' });
  const checkerLabel = t({ defaultMessage: 'Checked by', id: 'RyJu9z' });

  const save = async () => {
    if (needsCheck && (!checkerId || !password)) {
      setCheckerProblem(
        t({
          defaultMessage:
            'This order needs a second person: choose them and have them type their password.',
          id: 'zs/yy1',
        }),
      );
      return;
    }
    setBusy(true);
    setError(null);
    setCheckerProblem(null);
    setAtProblem(null);
    try {
      onDone(
        await call('health.recordDose', {
          orderId: dose.orderId,
          slot,
          outcome,
          note: note.trim() || null,
          at: at || null,
          checker: needsCheck ? { staffId: checkerId, password } : null,
          correctsId: dose.corrects?.id ?? null,
        }),
      );
    } catch (e) {
      const issue = e instanceof HearthError ? e.issues?.[0] : undefined;
      if (
        e instanceof HearthError &&
        (e.code === 'WRONG_PASSWORD' || e.code === 'TOO_MANY_ATTEMPTS')
      )
        setCheckerProblem(errorMessage(e));
      else if (issue?.path === 'checker')
        setCheckerProblem(fieldProblem(checkerLabel, issue.message));
      else if (issue?.path === 'at') setAtProblem(fieldProblem(atLabel, issue.message));
      else setError(errorMessage(e));
      setPassword('');
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    const typing =
      event.target instanceof HTMLInputElement &&
      ['text', 'password', 'time'].includes(event.target.type);
    if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
    const chosen = DOSE_OUTCOMES[Number(event.key) - 1];
    if (chosen) {
      event.preventDefault();
      setOutcome(chosen);
    }
  };

  return (
    <Dialog
      title={
        dose.corrects
          ? t(
              { defaultMessage: 'Correct an entry for {name}', id: 'qZClwL' },
              { name: dose.studentName },
            )
          : t(
              { defaultMessage: 'Record a dose for {name}', id: 'is+89t' },
              { name: dose.studentName },
            )
      }
      onCancel={() => onDone(null)}
    >
      <form
        className="stack"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <p>
          <strong>{dose.medication}</strong> · {dose.dose}
          {slot && dose.slots.length < 2 && (
            <span className="muted">
              {' · '}
              {t({ defaultMessage: 'for {time}', id: 'sH1q5P' }, { time: timeOfDay(slot) })}
            </span>
          )}
        </p>
        {dose.slots.length > 1 && (
          <label className="field">
            <span>{t({ defaultMessage: 'Which dose', id: 'O3xdF+' })}</span>
            <select value={slot ?? ''} onChange={(e) => setSlot(e.target.value || null)}>
              {dose.slots.map((s) => (
                <option key={s ?? ''} value={s ?? ''}>
                  {s ? timeOfDay(s) : t({ defaultMessage: 'As needed', id: 'l63rEa' })}
                </option>
              ))}
            </select>
          </label>
        )}
        {dose.corrects?.content && (
          <p className="muted">
            {t(
              {
                defaultMessage:
                  'This corrects “{outcome}”, recorded by {name}. That entry stays in the record, marked as corrected.',
                id: 'j8kNEf',
              },
              {
                outcome: DOSE_OUTCOME_WORDS[dose.corrects.content.outcome],
                name: dose.corrects.recordedByName,
              },
            )}
          </p>
        )}
        <fieldset className="field">
          <legend>{t({ defaultMessage: 'What happened (1 to 4)', id: 'XNukXk' })}</legend>
          <div className="row wrap">
            {DOSE_OUTCOMES.map((o, i) => (
              <label key={o} className="check">
                <input
                  type="radio"
                  name="outcome"
                  checked={outcome === o}
                  onChange={() => setOutcome(o)}
                  data-autofocus={outcome === o ? true : undefined}
                />
                {i + 1}. {DOSE_OUTCOME_WORDS[o]}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="row wrap">
          {!dose.corrects && (
            <label className="field">
              <span>{atLabel}</span>
              <input
                type="time"
                value={at}
                aria-invalid={atProblem !== null}
                onChange={(e) => {
                  setAt(e.target.value);
                  setAtProblem(null);
                }}
              />
              {atProblem && <span className="error-text">{atProblem}</span>}
            </label>
          )}
          <label className="field grow">
            <span>{t({ defaultMessage: 'Note (optional)', id: 'ysT8nU' })}</span>
            <input
              type="text"
              value={note}
              maxLength={500}
              onChange={(e) => setNote(e.target.value)}
            />
          </label>
        </div>
        {needsCheck && (
          <fieldset className="field">
            <legend>{t({ defaultMessage: 'Second check', id: 'u3fzEr' })}</legend>
            <div className="row wrap">
              <label className="field">
                <span>{checkerLabel}</span>
                <select
                  value={checkerId}
                  aria-invalid={checkerProblem !== null}
                  onChange={(e) => setCheckerId(e.target.value)}
                >
                  <option value="">
                    {t({ defaultMessage: 'Choose a colleague', id: 'SI9LNU' })}
                  </option>
                  {staff?.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.displayName}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span>{t({ defaultMessage: 'Their password', id: 'SKdgSp' })}</span>
                <input
                  type="password"
                  autoComplete="off"
                  value={password}
                  aria-invalid={checkerProblem !== null}
                  onChange={(e) => setPassword(e.target.value)}
                />
              </label>
            </div>
            {checkerProblem && (
              <p role="alert" className="error-text">
                {checkerProblem}
              </p>
            )}
          </fieldset>
        )}
        <FormActions
          error={error}
          busy={busy}
          onCancel={() => onDone(null)}
          submitLabel={t({ defaultMessage: 'Save the entry', id: 'rKwLsh' })}
        />
      </form>
    </Dialog>
  );
}
