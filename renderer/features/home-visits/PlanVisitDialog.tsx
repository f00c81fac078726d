import { zodResolver } from '@hookform/resolvers/zod';
import { addDays, format } from 'date-fns';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { API, HOME_VISIT_PLACES, type Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { fromSchoolLocal, PLACE_WORDS } from '../../ui/format';
import { localDateTime } from '../../ui/forms';

const planForm = API['homeVisit.plan'].input.omit({ scheduledAt: true }).extend({
  when: localDateTime,
});
type PlanForm = z.input<typeof planForm>;

/** Plan a home visit: when, who is going, where, and why. Works with no connection. */
export function PlanVisitDialog({
  householdId,
  familyName,
  viewer,
  timeZone,
  onDone,
}: {
  householdId: string;
  familyName: string;
  viewer: Staff;
  timeZone: string;
  onDone: (saved: boolean) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const staff = useCall('staff.list', {});
  const form = useForm<PlanForm>({
    resolver: zodResolver(planForm),
    defaultValues: {
      householdId,
      when: `${format(addDays(new Date(), 2), 'yyyy-MM-dd')}T16:00`,
      place: 'home',
      placeDetail: null,
      purpose: 'Get to know the family and hear their hopes for the year',
      staffIds: [viewer.id],
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async ({ when, ...values }) => {
    setError(null);
    const scheduledAt = fromSchoolLocal(when, timeZone);
    if (!scheduledAt) return form.setError('when', { message: 'must be a date and time' });
    try {
      await call('homeVisit.plan', { ...values, scheduledAt });
      onDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  return (
    <Dialog
      size="wide"
      title={`Plan a home visit with the ${familyName}`}
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <label className="field">
            <span>When</span>
            <input
              type="datetime-local"
              {...form.register('when')}
              data-autofocus
              aria-invalid={!!errors.when}
            />
            {errors.when && <span className="field-error">When {errors.when.message}</span>}
          </label>
          <label className="field">
            <span>Where</span>
            <select {...form.register('place')}>
              {HOME_VISIT_PLACES.map((p) => (
                <option key={p} value={p}>
                  {PLACE_WORDS[p]}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span>Place details (optional)</span>
            <input
              {...form.register('placeDetail', {
                setValueAs: (v: string) => (v?.trim() ? v : null),
              })}
              placeholder="e.g. the public library, Room B"
            />
          </label>
        </div>
        <label className="field">
          <span>Purpose</span>
          <input {...form.register('purpose')} aria-invalid={!!errors.purpose} />
          {errors.purpose && <span className="field-error">Purpose {errors.purpose.message}</span>}
        </label>
        <fieldset className="choice-row">
          <legend>Who is going</legend>
          {(staff.data ?? [viewer]).map((s) => (
            <label key={s.id} className="choice">
              <input type="checkbox" value={s.id} {...form.register('staffIds')} /> {s.displayName}
            </label>
          ))}
        </fieldset>
        {errors.staffIds && <span className="field-error">Staff: {errors.staffIds.message}</span>}
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={'Plan visit'}
          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
