import { zodResolver } from '@hookform/resolvers/zod';
import { addDays, format } from 'date-fns';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { API, teamOf, type CallInput, type Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { FormActions } from '../../ui/FormActions';
import { schoolToday } from '../../ui/format';
import { showIssues } from '../../ui/forms';
import { defaultVisibility } from '../../ui/visibility';
import { VisibilitySelect } from '../families/VisibilitySelect';

type NewFollowUp = CallInput<'followUp.create'>;

export type FollowUpOrigin = Pick<
  NewFollowUp,
  'personId' | 'householdId' | 'originKind' | 'originId'
>;

interface FollowUpFormProps {
  /** The students it may be about; with more than one, the form asks which. */
  students: { id: string; name: string }[];
  /** Where it came from (a walk-in, a contact), kept with the follow-up. */
  origin?: FollowUpOrigin;
  viewer: Staff;
  timeZone: string;
  onSaved: () => void;
  /** Given inside a dialog: the title takes focus and the form ends with Cancel. */
  onCancel?: () => void;
}

const NO_ORIGIN: FollowUpOrigin = {
  personId: null,
  householdId: null,
  originKind: null,
  originId: null,
};

/** A new follow-up: what, about whom, by when, who does it, and who may read it. */
export function FollowUpForm({
  students,
  origin = NO_ORIGIN,
  viewer,
  timeZone,
  onSaved,
  onCancel,
}: FollowUpFormProps) {
  const [error, setError] = useState<string | null>(null);
  const staff = useCall('staff.list', {});
  const form = useForm<NewFollowUp>({
    resolver: zodResolver(API['followUp.create'].input),
    defaultValues: {
      ...origin,
      studentId: students[0]?.id ?? '',
      visibility: defaultVisibility(viewer),
      title: '',
      assigneeId: viewer.id,
      dueOn: format(addDays(new Date(`${schoolToday(timeZone)}T12:00:00`), 7), 'yyyy-MM-dd'),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const visibility = useWatch({ control: form.control, name: 'visibility' });
  const team = teamOf(visibility);
  // Only people who could read it may be given it. Until the list loads, the viewer alone is
  // offered, so the default (themselves) is an option from the first render and stays chosen.
  const assignees = (staff.data ?? [viewer]).filter((s) =>
    visibility === 'private' ? s.id === viewer.id : !team || s.teams.includes(team),
  );
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('followUp.create', values);
      form.reset({ ...values, title: '' });
      onSaved();
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });
  return (
    <form
      className={onCancel ? 'stack' : 'note-form'}
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="New follow-up"
    >
      {students.length > 1 && (
        <label className="field">
          <span>About</span>
          <select {...form.register('studentId')}>
            {students.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>Follow-up</span>
        <input
          {...form.register('title')}
          aria-invalid={!!errors.title}
          placeholder="What needs doing"
          data-autofocus={onCancel ? true : undefined}
        />
        {errors.title && <span className="field-error">Follow-up {errors.title.message}</span>}
      </label>
      <div className="row">
        <label className="field">
          <span>Due</span>
          <input type="date" {...form.register('dueOn')} aria-invalid={!!errors.dueOn} />
          {errors.dueOn && <span className="field-error">Due date {errors.dueOn.message}</span>}
        </label>
        <VisibilitySelect viewer={viewer} registration={form.register('visibility')} />
        <label className="field">
          <span>Assigned to</span>
          <select {...form.register('assigneeId')}>
            {assignees.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === viewer.id ? `${s.displayName} (me)` : s.displayName}
              </option>
            ))}
          </select>
        </label>
      </div>
      {onCancel ? (
        <FormActions
          error={error}
          onCancel={onCancel}
          submitLabel="Add follow-up"
          busy={isSubmitting}
        />
      ) : (
        <>
          <button type="submit" className="button" disabled={isSubmitting}>
            Add follow-up
          </button>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </>
      )}
    </form>
  );
}
