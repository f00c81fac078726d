import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { MED_ROUTES, type MedOrderView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { t } from '../../i18n/intl';
import { Dialog } from '../../ui/Dialog';
import { FieldError } from '../../ui/FieldError';
import { FormActions } from '../../ui/FormActions';
import { showIssues } from '../../ui/forms';
import { MED_ROUTE_WORDS } from './healthWords';

interface OrderForm {
  medication: string;
  dose: string;
  route: (typeof MED_ROUTES)[number];
  /** "08:00, 11:30": the order's times as typed. */
  times: string;
  asNeeded: boolean;
  instructions: string;
  startOn: string;
  endOn: string;
  supplyCount: string;
  lowSupplyAt: string;
  authorisedBy: string;
  secondCheck: boolean;
}

/** A problem with the second time typed is shown at the one times field. */
const TIMES_AT_FIELD = Object.fromEntries(
  [0, 1, 2, 3, 4, 5].map((i) => [`times.${i}`, 'times' as const]),
);

const orNull = (value: string) => value.trim() || null;
/** An empty box is no number at all (the core says so at the field), not zero. */
const asCount = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** A medication order, new or changed: what, how much, when, for how long, and the supply. */
export function MedOrderDialog({
  studentId,
  studentName,
  order,
  today,
  onDone,
}: {
  studentId: string;
  studentName: string;
  order: MedOrderView | null;
  today: string;
  onDone: (saved: MedOrderView | null) => void;
}) {
  const content = order?.content;
  const [error, setError] = useState<string | null>(null);
  const form = useForm<OrderForm>({
    defaultValues: {
      medication: content?.medication ?? '',
      dose: content?.dose ?? '',
      route: content?.route ?? 'oral',
      times: content?.times.join(', ') ?? '',
      asNeeded: content?.asNeeded ?? false,
      instructions: content?.instructions ?? '',
      startOn: content?.startOn ?? today,
      endOn: content?.endOn ?? '',
      supplyCount: String(order?.supplyLeft ?? ''),
      lowSupplyAt: String(content?.lowSupplyAt ?? 5),
      authorisedBy: content?.authorisedBy ?? '',
      secondCheck: content?.secondCheck ?? false,
    },
  });
  const asNeeded = useWatch({ control: form.control, name: 'asNeeded' });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      onDone(
        await call('health.saveMedOrder', {
          id: order?.id ?? null,
          studentId,
          medication: values.medication,
          dose: values.dose,
          route: values.route,
          times: values.times
            .split(/[,\s]+/)
            .map((time) => time.trim())
            .filter(Boolean),
          asNeeded: values.asNeeded,
          instructions: orNull(values.instructions),
          startOn: values.startOn,
          endOn: orNull(values.endOn),
          supplyCount: asCount(values.supplyCount),
          lowSupplyAt: asCount(values.lowSupplyAt),
          authorisedBy: values.authorisedBy,
          secondCheck: values.secondCheck,
        }),
      );
    } catch (e) {
      if (!showIssues(form, e, TIMES_AT_FIELD)) setError(errorMessage(e));
    }
  });

  const labels = {
    medication: t({ defaultMessage: 'Medication', id: 'venWl7' }),
    dose: t({ defaultMessage: 'Dose', id: 'rzSkHr' }),
    times: t({ defaultMessage: 'Times (24-hour, such as 08:00, 11:30)', id: 'Igs8kl' }),
    startOn: t({ defaultMessage: 'First day', id: 'Xs09vS' }),
    endOn: t({ defaultMessage: 'Last day (optional)', id: 'vUFkEV' }),
    supplyCount: t({ defaultMessage: 'Doses on hand now', id: 'iNfrjR' }),
    lowSupplyAt: t({ defaultMessage: 'Ask the family for more at', id: '7tuDTI' }),
    authorisedBy: t({ defaultMessage: 'Authorised by (prescriber or parent)', id: 'aqXTf3' }),
  };
  const text = (field: keyof typeof labels, type = 'text', autofocus = false) => (
    <label className="field">
      <span>{labels[field]}</span>
      <input
        type={type}
        {...form.register(field)}
        aria-invalid={!!errors[field]}
        data-autofocus={autofocus ? true : undefined}
        {...(type === 'number' ? { min: 0, inputMode: 'numeric' as const } : {})}
      />
      <FieldError field={labels[field]} message={errors[field]?.message} />
    </label>
  );

  return (
    <Dialog
      title={
        order
          ? t(
              { defaultMessage: 'Change the order for {name}', id: 'KApwaK' },
              { name: studentName },
            )
          : t(
              { defaultMessage: 'New medication order for {name}', id: 'KYZ5IR' },
              { name: studentName },
            )
      }
      size="wide"
      onCancel={() => onDone(null)}
    >
      <form className="stack" noValidate onSubmit={(e) => void submit(e)}>
        <div className="row wrap">
          {text('medication', 'text', true)}
          {text('dose')}
          <label className="field">
            <span>{t({ defaultMessage: 'How it is given', id: '3wQsf1' })}</span>
            <select {...form.register('route')}>
              {MED_ROUTES.map((r) => (
                <option key={r} value={r}>
                  {MED_ROUTE_WORDS[r]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="row wrap">
          {text('times')}
          <label className="check">
            <input type="checkbox" {...form.register('asNeeded')} />
            {t({ defaultMessage: 'Also as needed', id: 'vbRL1D' })}
          </label>
        </div>
        {asNeeded && (
          <p className="muted small-text">
            {t({
              defaultMessage: 'Leave the times empty for a medicine given only as needed.',
              id: 'iJRTjd',
            })}
          </p>
        )}
        <label className="field">
          <span>{t({ defaultMessage: 'Instructions (optional)', id: 'ayk/+r' })}</span>
          <input type="text" {...form.register('instructions')} />
        </label>
        <div className="row wrap">
          {text('startOn', 'date')}
          {text('endOn', 'date')}
          {text('supplyCount', 'number')}
          {text('lowSupplyAt', 'number')}
        </div>
        {text('authorisedBy')}
        <label className="check">
          <input type="checkbox" {...form.register('secondCheck')} />
          {t({
            defaultMessage: 'A second staff member checks each dose given',
            id: 'cy/IO5',
          })}
        </label>
        <FormActions
          error={error}
          busy={isSubmitting}
          onCancel={() => onDone(null)}
          submitLabel={t({ defaultMessage: 'Save the order', id: 'AuSFow' })}
        />
      </form>
    </Dialog>
  );
}
