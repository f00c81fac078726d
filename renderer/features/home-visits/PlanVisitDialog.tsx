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
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

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
      purpose: t({
        defaultMessage: 'Get to know the family and hear their hopes for the year',
        id: 'zPZV2y',
      }),

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
      title={t(
        { defaultMessage: 'Plan a home visit with the {family}', id: 'B42lk/' },
        { family: familyName },
      )}
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="row">
          <label className="field">
            <span>{t({ defaultMessage: 'When', id: 'McnLsx' })}</span>
            <input
              type="datetime-local"
              {...form.register('when')}
              data-autofocus
              aria-invalid={!!errors.when}
            />
            <FieldError
              field={t({ defaultMessage: 'When', id: 'McnLsx' })}
              message={errors.when?.message}
            />
          </label>
          <label className="field">
            <span>{t({ defaultMessage: 'Where', id: 'ujaB7H' })}</span>
            <select {...form.register('place')}>
              {HOME_VISIT_PLACES.map((p) => (
                <option key={p} value={p}>
                  {PLACE_WORDS[p]}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span>{t({ defaultMessage: 'Place details (optional)', id: 'fgKfOq' })}</span>
            <input
              {...form.register('placeDetail', {
                setValueAs: (v: string) => (v?.trim() ? v : null),
              })}
              placeholder={t({ defaultMessage: 'e.g. the public library, Room B', id: 'QHPWfN' })}
            />
          </label>
        </div>
        <label className="field">
          <span>{t({ defaultMessage: 'Purpose', id: 'm0RdHL' })}</span>
          <input {...form.register('purpose')} aria-invalid={!!errors.purpose} />
          <FieldError
            field={t({ defaultMessage: 'Purpose', id: 'm0RdHL' })}
            message={errors.purpose?.message}
          />
        </label>
        <fieldset className="choice-row">
          <legend>{t({ defaultMessage: 'Who is going', id: '2Kts3h' })}</legend>
          {(staff.data ?? [viewer]).map((s) => (
            <label key={s.id} className="choice">
              <input type="checkbox" value={s.id} {...form.register('staffIds')} /> {s.displayName}
            </label>
          ))}
        </fieldset>
        <FieldError
          field={t({ defaultMessage: 'Staff:', id: 'KRUcal' })}
          message={errors.staffIds?.message}
        />
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={t({ defaultMessage: 'Plan visit', id: 'JhXbql' })}

          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
