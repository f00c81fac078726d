import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  API,
  STRENGTH_CATEGORIES,
  STRENGTH_SOURCES,
  type CallInput,
  type Person,
} from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { fullName, STRENGTH_CATEGORY_WORDS, STRENGTH_SOURCE_WORDS } from '../../ui/format';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

type NewStrength = CallInput<'strength.create'>;

/** Record something the family knows, does or can share, with the family's consent. */
export function StrengthDialog({
  householdId,
  members,
  onDone,
}: {
  householdId: string;
  members: Person[];
  onDone: (saved: boolean) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<NewStrength>({
    resolver: zodResolver(API['strength.create'].input),
    defaultValues: {
      householdId,
      personId: members[0]?.id ?? null,
      category: 'skill',
      description: '',
      consent: 'staff',
      source: 'conference',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('strength.create', values);
      onDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  return (
    <Dialog
      size="wide"
      title={t({ defaultMessage: 'Record a strength', id: 'Sd6cHP' })}
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <label className="field">
            <span>{t({ defaultMessage: 'Whose', id: 'b8TaZQ' })}</span>
            <select
              {...form.register('personId', { setValueAs: (v: string) => v || null })}
              data-autofocus
            >
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {fullName(m)}
                </option>
              ))}
              <option value="">{t({ defaultMessage: 'The whole family', id: 'vIGCd+' })}</option>
            </select>
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'Kind of strength', id: 's7vpx9' })}</span>
            <select {...form.register('category')}>
              {STRENGTH_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {STRENGTH_CATEGORY_WORDS[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'Where we learned it', id: 'yk7xyt' })}</span>
            <select {...form.register('source')}>
              {STRENGTH_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {STRENGTH_SOURCE_WORDS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="field">
          <span>{t({ defaultMessage: 'What it is', id: 'gy4m8V' })}</span>
          <textarea
            rows={2}
            {...form.register('description')}
            placeholder={t({
              defaultMessage: 'e.g. Grows vegetables; happy to help with the school garden',
              id: 'sBsrAT',
            })}
            aria-invalid={!!errors.description}
          />
          <FieldError
            field={t({ defaultMessage: 'Description', id: 'Q8Qw5B' })}
            message={errors.description?.message}
          />
        </label>
        <fieldset className="choice-row">
          <legend>{t({ defaultMessage: 'The family’s consent', id: 'fYr9tH' })}</legend>
          <label className="choice">
            <input type="radio" value="staff" {...form.register('consent')} />{' '}
            {t({ defaultMessage: 'Share with staff', id: 'b7iJIs' })}
          </label>
          <label className="choice">
            <input type="radio" value="recorder_only" {...form.register('consent')} />{' '}
            {t({ defaultMessage: 'Keep with me only', id: 'UoSAu1' })}
          </label>
        </fieldset>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={t({ defaultMessage: 'Save strength', id: 'WdI7/e' })}

          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
