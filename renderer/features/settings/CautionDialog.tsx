import { useState } from 'react';
import { HearthError, type CautionView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { fieldProblem } from '../../i18n/issues';
import { t } from '../../i18n/intl';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { cautionPhoto } from './cautionPhoto';

/** Phones as typed into one field, separated by commas or semicolons. */
const splitPhones = (typed: string) =>
  typed
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);

/** Add someone to the caution list, or change an entry: name, phones, reason, photo, last day. */
export function CautionDialog({
  entry,
  onDone,
}: {
  entry: CautionView | null;
  onDone: (saved: CautionView | null) => void;
}) {
  const [fullName, setFullName] = useState(entry?.fullName ?? '');
  const [phones, setPhones] = useState(entry?.phones.join(', ') ?? '');
  const [reason, setReason] = useState(entry?.reason ?? '');
  const [photo, setPhoto] = useState(entry?.photo ?? null);
  const [expiresOn, setExpiresOn] = useState(entry?.expiresOn ?? '');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const labels = {
    fullName: t({ defaultMessage: 'Full name', id: 'yk4PT9' }),
    phones: t({ defaultMessage: 'Phone numbers (separate with commas)', id: 'mp177r' }),
    reason: t({ defaultMessage: 'Reason the office sees', id: 'arAv0Z' }),
    photo: t({ defaultMessage: 'Photo (optional)', id: 'Dmyp/s' }),
    expiresOn: t({ defaultMessage: 'Last day (optional)', id: 'vUFkEV' }),
  };
  type Field = keyof typeof labels;

  const save = async () => {
    setBusy(true);
    setError(null);
    setProblems({});
    const fields = {
      fullName,
      phones: splitPhones(phones),
      reason,
      photo,
      expiresOn: expiresOn || null,
    };
    try {
      onDone(
        entry
          ? await call('caution.update', { id: entry.id, ...fields })
          : await call('caution.add', fields),
      );
    } catch (e) {
      const issues = e instanceof HearthError ? (e.issues ?? []) : [];
      if (issues.length > 0) {
        const found: Record<string, string> = {};
        for (const issue of issues) {
          const field = issue.path.split('.')[0] as Field;
          if (field in labels && !found[field])
            found[field] = fieldProblem(labels[field], issue.message);
        }
        setProblems(found);
      } else setError(errorMessage(e));
      setBusy(false);
    }
  };

  // A field's problem goes once the field is changed.
  const changed = (field: Field) =>
    setProblems((all) => Object.fromEntries(Object.entries(all).filter(([f]) => f !== field)));
  const problem = (field: Field) =>
    problems[field] && (
      <span id={`caution-${field}-problem`} className="error-text">
        {problems[field]}
      </span>
    );
  const describe = (field: Field) => ({
    'aria-invalid': problems[field] !== undefined,
    'aria-describedby': problems[field] ? `caution-${field}-problem` : undefined,
  });

  return (
    <Dialog
      title={
        entry
          ? t(
              { defaultMessage: 'Change the caution for {name}', id: '5pOQKa' },
              { name: entry.fullName },
            )
          : t({ defaultMessage: 'Add to the caution list', id: 'evCg59' })
      }
      onCancel={() => onDone(null)}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{labels.fullName}</span>
          <input
            value={fullName}
            onChange={(e) => {
              setFullName(e.target.value);
              changed('fullName');
            }}
            autoComplete="off"
            data-autofocus
            {...describe('fullName')}
          />
          {problem('fullName')}
        </label>
        <label className="field">
          <span>{labels.phones}</span>
          <input
            type="tel"
            value={phones}
            onChange={(e) => {
              setPhones(e.target.value);
              changed('phones');
            }}
            autoComplete="off"
            {...describe('phones')}
          />
          {problem('phones')}
        </label>
        <label className="field">
          <span>{labels.reason}</span>
          <textarea
            rows={3}
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              changed('reason');
            }}
            placeholder={t({
              defaultMessage: 'e.g. Trespass notice: do not admit; call the principal.',
              id: 'A3XaNN',
            })}
            {...describe('reason')}
          />
          {problem('reason')}
        </label>
        <div className="field">
          <label htmlFor="caution-photo">{labels.photo}</label>
          <div className="row compact">
            {photo && (
              <img
                className="caution-photo-preview"
                src={photo}
                alt={t({ defaultMessage: 'The photo chosen', id: 'gUYS7F' })}
              />
            )}
            <input
              id="caution-photo"
              type="file"
              accept="image/*"
              {...describe('photo')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                void cautionPhoto(file).then((url) => {
                  changed('photo');
                  if (url) setPhoto(url);
                  else
                    setProblems((p) => ({
                      ...p,
                      photo: t({
                        defaultMessage: 'That file is not a picture Hearth can read.',
                        id: 'kJtWCV',
                      }),
                    }));
                });
              }}
            />
            {photo && (
              <button type="button" className="button small" onClick={() => setPhoto(null)}>
                {t({ defaultMessage: 'Remove photo', id: 'qXIV9W' })}
              </button>
            )}
          </div>
          {problem('photo')}
        </div>
        <label className="field">
          <span>{labels.expiresOn}</span>
          <input
            type="date"
            value={expiresOn}
            onChange={(e) => {
              setExpiresOn(e.target.value);
              changed('expiresOn');
            }}
            {...describe('expiresOn')}
          />
          {problem('expiresOn')}
        </label>
        <FormActions
          error={error}
          onCancel={() => onDone(null)}
          submitLabel={t({ defaultMessage: 'Save', id: 'jvo0vs' })}
          busy={busy}
        />
      </form>
    </Dialog>
  );
}
