import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { GOAL_MEASURES, GOAL_MEASURE_WORDS, newGoalInput, type CallInput } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { showIssues } from '../../ui/forms';

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
    <Dialog title="Set a school goal" onCancel={() => onDone(false)}>
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>The goal, in the school’s words</span>
          <input
            {...form.register('title')}
            data-autofocus
            aria-invalid={!!errors.title}
            placeholder="Every family hears good news by the winter break"
          />
          {errors.title && <span className="field-error">The goal {errors.title.message}</span>}
        </label>
        <label className="field">
          <span>What it counts</span>
          <select {...form.register('measure')}>
            {GOAL_MEASURES.map((m) => (
              <option key={m} value={m}>
                {GOAL_MEASURE_WORDS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Target (percent)</span>
          <input
            type="number"
            min={1}
            max={100}
            {...form.register('target', { valueAsNumber: true })}
            aria-invalid={!!errors.target}
          />
          {errors.target && <span className="field-error">Target {errors.target.message}</span>}
        </label>
        <div className="row">
          <label className="field">
            <span>From</span>
            <input type="date" {...form.register('startsOn')} aria-invalid={!!errors.startsOn} />
            {errors.startsOn && <span className="field-error">From {errors.startsOn.message}</span>}
          </label>
          <label className="field">
            <span>By</span>
            <input type="date" {...form.register('dueOn')} aria-invalid={!!errors.dueOn} />
            {errors.dueOn && <span className="field-error">By {errors.dueOn.message}</span>}
          </label>
        </div>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel="Set the goal"
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
