import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, type CallInput, type Household } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { FormActions } from '../../ui/FormActions';
import { showIssues } from '../../ui/forms';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

type HouseholdPatch = CallInput<'household.update'>;

/** Rename a family or change its address; an emptied address is saved as "not recorded". */
export function HouseholdDialog({
  household,
  onDone,
}: {
  household: Household;
  onDone: (saved: boolean) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<HouseholdPatch>({
    resolver: zodResolver(API['household.update'].input),
    defaultValues: { id: household.id, name: household.name, address: household.address },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('household.update', values);
      onDone(true);
    } catch (e) {
      if (!showIssues(form, e)) setError(errorMessage(e));
    }
  });
  return (
    <Dialog
      title={t({ defaultMessage: 'Family name and address', id: 'cojTSQ' })}
      onCancel={() => onDone(false)}
    >
      <form className="stack" onSubmit={(e) => void submit(e)} noValidate>
        <label className="field">
          <span>{t({ defaultMessage: 'Family name', id: 'AeMjAR' })}</span>
          <input {...form.register('name')} data-autofocus aria-invalid={!!errors.name} />
          <FieldError
            field={t({ defaultMessage: 'Family name', id: 'AeMjAR' })}
            message={errors.name?.message}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Address (optional)', id: 'TeZhkE' })}</span>
          <input
            {...form.register('address', { setValueAs: (v: string | null) => v?.trim() || null })}
            aria-invalid={!!errors.address}
            autoComplete="off"
          />
          <FieldError
            field={t({ defaultMessage: 'Address', id: 'e6Ph5+' })}
            message={errors.address?.message}
          />
        </label>
        <FormActions
          error={error}
          onCancel={() => onDone(false)}
          submitLabel={t({ defaultMessage: 'Save', id: 'jvo0vs' })}

          busy={isSubmitting}
        />
      </form>
    </Dialog>
  );
}
