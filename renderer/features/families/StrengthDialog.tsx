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
    <Dialog size="wide" title="Record a strength" onCancel={() => onDone(false)}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <label className="field">
            <span>Whose</span>
            <select
              {...form.register('personId', { setValueAs: (v: string) => v || null })}
              data-autofocus
            >
              {members.map((m) => (
                <option key={m.id} value={m.id}>
                  {fullName(m)}
                </option>
              ))}
              <option value="">The whole family</option>
            </select>
          </label>
          <label className="field">
            <span>Kind of strength</span>
            <select {...form.register('category')}>
              {STRENGTH_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {STRENGTH_CATEGORY_WORDS[c]}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Where we learned it</span>
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
          <span>What it is</span>
          <textarea
            rows={2}
            {...form.register('description')}
            placeholder="e.g. Grows vegetables; happy to help with the school garden"
            aria-invalid={!!errors.description}
          />
          {errors.description && (
            <span className="field-error">Description {errors.description.message}</span>
          )}
        </label>
        <fieldset className="choice-row">
          <legend>The family’s consent</legend>
          <label className="choice">
            <input type="radio" value="staff" {...form.register('consent')} /> Share with staff
          </label>
          <label className="choice">
            <input type="radio" value="recorder_only" {...form.register('consent')} /> Keep with me
            only
          </label>
        </fieldset>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={'Save strength'}
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
