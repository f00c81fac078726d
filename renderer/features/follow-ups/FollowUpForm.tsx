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
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

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
      aria-label={t({ defaultMessage: 'New follow-up', id: 'Uy8zYt' })}
    >
      {students.length > 1 && (
        <label className="field">
          <span>{t({ defaultMessage: 'About', id: 'g5pX+a' })}</span>
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
        <span>{t({ defaultMessage: 'Follow-up', id: 'CzkhrD' })}</span>
        <input
          {...form.register('title')}
          aria-invalid={!!errors.title}
          placeholder={t({ defaultMessage: 'What needs doing', id: 'UOwFUz' })}
          data-autofocus={onCancel ? true : undefined}
        />
        <FieldError
          field={t({ defaultMessage: 'Follow-up', id: 'CzkhrD' })}
          message={errors.title?.message}
        />
      </label>
      <div className="row">
        <label className="field">
          <span>{t({ defaultMessage: 'Due', id: 'g9pEhE' })}</span>
          <input type="date" {...form.register('dueOn')} aria-invalid={!!errors.dueOn} />
          <FieldError
            field={t({ defaultMessage: 'Due date', id: 'l3AfOI' })}
            message={errors.dueOn?.message}
          />
        </label>
        <VisibilitySelect viewer={viewer} registration={form.register('visibility')} />
        <label className="field">
          <span>{t({ defaultMessage: 'Assigned to', id: 'ONVN5F' })}</span>
          <select {...form.register('assigneeId')}>
            {assignees.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === viewer.id
                  ? t({ defaultMessage: '{name} (me)', id: 'zd3uOY' }, { name: s.displayName })
                  : s.displayName}
              </option>
            ))}
          </select>
        </label>
      </div>
      {onCancel ? (
        <FormActions
          error={error}
          onCancel={onCancel}
          submitLabel={t({ defaultMessage: 'Add follow-up', id: 'WURucT' })}
          busy={isSubmitting}
        />
      ) : (
        <>
          <button type="submit" className="button" disabled={isSubmitting}>
            {t({ defaultMessage: 'Add follow-up', id: 'WURucT' })}
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
