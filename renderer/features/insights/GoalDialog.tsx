import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { GOAL_MEASURES, newGoalInput, type CallInput } from '../../../contract';
import { goalMeasureWords } from './measureWords';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { showIssues } from '../../ui/forms';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

type NewGoal = CallInput<'goal.set'>;

/** One doable goal: what to count, the share to reach, from when and by when. */
export function GoalDialog({ today, onDone }: { today: string; onDone: (saved: boolean) => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<NewGoal>({
    resolver: zodResolver(newGoalInput),
    defaultValues: { title: '', measure: 'goodNews', target: 100, startsOn: today, dueOn: today },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('goal.set', values);
      onDone(true);
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });
  return (
    <Dialog
      title={t({ defaultMessage: 'Set a school goal', id: '9SEbCp' })}
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t({ defaultMessage: 'The goal, in the school’s words', id: 'es5y4K' })}</span>
          <input
            {...form.register('title')}
            data-autofocus
            aria-invalid={!!errors.title}
            placeholder={t({
              defaultMessage: 'Every family hears good news by the winter break',
              id: 'ym/SH6',
            })}
          />
          <FieldError
            field={t({ defaultMessage: 'The goal', id: 'ctdPbK' })}
            message={errors.title?.message}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'What it counts', id: 'TBTyHa' })}</span>
          <select {...form.register('measure')}>
            {GOAL_MEASURES.map((m) => (
              <option key={m} value={m}>
                {goalMeasureWords(m)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Target (percent)', id: 'a0N7Z/' })}</span>
          <input
            type="number"
            min={1}
            max={100}
            {...form.register('target', { valueAsNumber: true })}
            aria-invalid={!!errors.target}
          />
          <FieldError
            field={t({ defaultMessage: 'Target', id: 'rzbYbE' })}
            message={errors.target?.message}
          />
        </label>
        <div className="row">
          <label className="field">
            <span>{t({ defaultMessage: 'From', id: 'dM+p3/' })}</span>
            <input type="date" {...form.register('startsOn')} aria-invalid={!!errors.startsOn} />
            <FieldError
              field={t({ defaultMessage: 'From', id: 'dM+p3/' })}
              message={errors.startsOn?.message}
            />
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'By', id: 'SgToND' })}</span>
            <input type="date" {...form.register('dueOn')} aria-invalid={!!errors.dueOn} />
            <FieldError
              field={t({ defaultMessage: 'By', id: 'SgToND' })}
              message={errors.dueOn?.message}
            />
          </label>
        </div>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={t({ defaultMessage: 'Set the goal', id: 'x21jWA' })}
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
