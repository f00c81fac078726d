import { useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import {
  ALLERGY_SEVERITIES,
  CONDITION_KINDS,
  HEALTH_FLAG_CONSENTS,
  type HealthProfileView,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { t } from '../../i18n/intl';
import { Dialog } from '../../ui/Dialog';
import { FieldError } from '../../ui/FieldError';
import { FormActions } from '../../ui/FormActions';
import { showIssues } from '../../ui/forms';
import { CONDITION_WORDS, FLAG_CONSENT_WORDS, SEVERITY_WORDS } from './healthWords';

/** The form's shape: the profile as saved, with the care plan's fields always present. */
interface ProfileForm {
  consent: (typeof HEALTH_FLAG_CONSENTS)[number];
  allergies: {
    allergen: string;
    severity: (typeof ALLERGY_SEVERITIES)[number];
    reaction: string;
  }[];
  conditions: { kind: (typeof CONDITION_KINDS)[number]; note: string }[];
  hasPlan: boolean;
  carePlan: { summary: string; keptAt: string; prescriber: string; reviewOn: string };
}

const orNull = (value: string) => value.trim() || null;

/** Allergies, conditions, the emergency care plan and the family's consent to the flag. */
export function HealthProfileDialog({
  studentId,
  studentName,
  profile,
  onDone,
}: {
  studentId: string;
  studentName: string;
  profile: HealthProfileView | null;
  onDone: (saved: HealthProfileView | null) => void;
}) {
  const content = profile?.content;
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ProfileForm>({
    defaultValues: {
      consent: content?.consent ?? 'not_asked',
      allergies: (content?.allergies ?? []).map((a) => ({ ...a, reaction: a.reaction ?? '' })),
      conditions: (content?.conditions ?? []).map((c) => ({ ...c, note: c.note ?? '' })),
      hasPlan: Boolean(content?.carePlan),
      carePlan: {
        summary: content?.carePlan?.summary ?? '',
        keptAt: content?.carePlan?.keptAt ?? '',
        prescriber: content?.carePlan?.prescriber ?? '',
        reviewOn: content?.carePlan?.reviewOn ?? '',
      },
    },
  });
  const allergies = useFieldArray({ control: form.control, name: 'allergies' });
  const conditions = useFieldArray({ control: form.control, name: 'conditions' });
  const hasPlan = useWatch({ control: form.control, name: 'hasPlan' });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onDone(
        await call('health.saveProfile', {
          studentId,
          consent: values.consent,
          allergies: values.allergies.map((a) => ({ ...a, reaction: orNull(a.reaction) })),
          conditions: values.conditions.map((c) => ({ ...c, note: orNull(c.note) })),
          carePlan: values.hasPlan
            ? {
                summary: values.carePlan.summary,
                keptAt: orNull(values.carePlan.keptAt),
                prescriber: orNull(values.carePlan.prescriber),
                reviewOn: orNull(values.carePlan.reviewOn),
              }
            : null,
        }),
      );
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });

  const labels = {
    allergen: t({ defaultMessage: 'Allergen', id: 'A0GieM' }),
    severity: t({ defaultMessage: 'Severity', id: 'vCAhII' }),
    reaction: t({ defaultMessage: 'Reaction (optional)', id: 'PThqB1' }),
    condition: t({ defaultMessage: 'Condition', id: 'XMpO69' }),
    note: t({ defaultMessage: 'Note (optional)', id: 'ysT8nU' }),
    summary: t({ defaultMessage: 'What to do in an emergency', id: 'I7Fqu9' }),
  };

  return (
    <Dialog
      title={t({ defaultMessage: 'Health profile of {name}', id: 'A4qFi/' }, { name: studentName })}
      size="wide"
      onCancel={() => onDone(null)}
    >
      <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset className="field">
          <legend>{t({ defaultMessage: 'Allergies', id: 'mWM48N' })}</legend>
          {allergies.fields.map((field, i) => (
            <div key={field.id} className="row">
              <label className="field grow">
                <span>{labels.allergen}</span>
                <input
                  {...form.register(`allergies.${i}.allergen`)}
                  aria-invalid={!!errors.allergies?.[i]?.allergen}
                  data-autofocus={i === 0 ? true : undefined}
                />
                <FieldError
                  field={labels.allergen}
                  message={errors.allergies?.[i]?.allergen?.message}
                />
              </label>
              <label className="field">
                <span>{labels.severity}</span>
                <select {...form.register(`allergies.${i}.severity`)}>
                  {ALLERGY_SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {SEVERITY_WORDS[s]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field grow">
                <span>{labels.reaction}</span>
                <input {...form.register(`allergies.${i}.reaction`)} />
              </label>
              <RemoveRow
                name={t({ defaultMessage: 'Remove allergy {n}', id: 'KRtuAn' }, { n: i + 1 })}
                onRemove={() => allergies.remove(i)}
              />
            </div>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() => allergies.append({ allergen: '', severity: 'moderate', reaction: '' })}
          >
            {t({ defaultMessage: 'Add an allergy', id: 'fCqU/5' })}
          </button>
        </fieldset>
        <fieldset className="field">
          <legend>{t({ defaultMessage: 'Conditions', id: 'S8kqP9' })}</legend>
          {conditions.fields.map((field, i) => (
            <div key={field.id} className="row">
              <label className="field">
                <span>{labels.condition}</span>
                <select {...form.register(`conditions.${i}.kind`)}>
                  {CONDITION_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {CONDITION_WORDS[k]}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field grow">
                <span>{labels.note}</span>
                <input {...form.register(`conditions.${i}.note`)} />
              </label>
              <RemoveRow
                name={t({ defaultMessage: 'Remove condition {n}', id: '/izbCE' }, { n: i + 1 })}
                onRemove={() => conditions.remove(i)}
              />
            </div>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() => conditions.append({ kind: 'asthma', note: '' })}
          >
            {t({ defaultMessage: 'Add a condition', id: 'TN+RNC' })}
          </button>
        </fieldset>
        <label className="check">
          <input type="checkbox" {...form.register('hasPlan')} />
          {t({ defaultMessage: 'Has an emergency care plan', id: 'Al93FK' })}
        </label>
        {hasPlan && (
          <div className="stack">
            <label className="field">
              <span>{labels.summary}</span>
              <textarea
                rows={3}
                {...form.register('carePlan.summary')}
                aria-invalid={!!errors.carePlan?.summary}
              />
              <FieldError field={labels.summary} message={errors.carePlan?.summary?.message} />
            </label>
            <div className="row">
              <label className="field grow">
                <span>{t({ defaultMessage: 'Where the full plan is kept', id: 't2p7+8' })}</span>
                <input {...form.register('carePlan.keptAt')} />
              </label>
              <label className="field grow">
                <span>{t({ defaultMessage: 'Prescriber', id: 'Y0Ivb4' })}</span>
                <input {...form.register('carePlan.prescriber')} />
              </label>
              <label className="field">
                <span>{t({ defaultMessage: 'Review by', id: 'DTTHD4' })}</span>
                <input type="date" {...form.register('carePlan.reviewOn')} />
              </label>
            </div>
          </div>
        )}
        <fieldset className="field">
          <legend>
            {t({
              defaultMessage:
                'May staff outside the health team see “Has an emergency care plan: see the nurse”?',
              id: '4BQXbc',
            })}
          </legend>
          {HEALTH_FLAG_CONSENTS.map((c) => (
            <label key={c} className="check">
              <input type="radio" value={c} {...form.register('consent')} />
              {FLAG_CONSENT_WORDS[c]}
            </label>
          ))}
        </fieldset>
        <FormActions
          error={error}
          onCancel={() => onDone(null)}
          submitLabel={t({ defaultMessage: 'Save', id: 'jvo0vs' })}
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}

/** A list row's "Remove", named for the row it removes so a screen reader tells them apart. */
function RemoveRow({ name, onRemove }: { name: string; onRemove: () => void }) {
  return (
    <button type="button" className="button small" onClick={onRemove} aria-label={name}>
      {t({ defaultMessage: 'Remove', id: 'G/yZLu' })}
    </button>
  );
}
