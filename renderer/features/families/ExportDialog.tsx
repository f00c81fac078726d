import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { API, type FamilyRecord } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { downloadCsv } from '../../ui/download';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

const sharingSchema = API['family.export'].input.pick({
  format: true,
  recipient: true,
  purpose: true,
});
type Sharing = z.infer<typeof sharingSchema>;

/** One student's record, or a whole family's (each of its students', each disclosed). */
export type ExportTarget =
  { studentId: string; name: string } | { householdId: string; name: string };

async function exportRecords(target: ExportTarget, sharing: Sharing) {
  if ('studentId' in target) {
    const { record, csv } = await call('family.export', {
      studentId: target.studentId,
      ...sharing,
    });
    return { records: [record], csv };
  }
  return call('family.exportHousehold', { householdId: target.householdId, ...sharing });
}

/**
 * FERPA: nothing leaves without a record of who, to whom, what and why. The core writes the
 * disclosure in the same step that prepares the export.
 */
export function ExportDialog({
  target,
  onPrint,
  onDone,
}: {
  target: ExportTarget;
  onPrint: (records: FamilyRecord[]) => void;
  onDone: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<Sharing>({
    resolver: zodResolver(sharingSchema),
    defaultValues: { format: 'print', recipient: '', purpose: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const whole = 'householdId' in target;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const { records, csv } = await exportRecords(target, values);
      if (csv !== null) {
        const safeName = target.name.replace(/[^\p{L}\p{N}]+/gu, '-');
        const day = records[0]?.preparedAt.slice(0, 10) ?? '';
        downloadCsv(csv, `hearth-record-${safeName}-${day}.csv`);
      } else {
        onPrint(records);
      }
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  return (
    <Dialog
      title={t(
        { defaultMessage: 'Print or export {name}’s record', id: '9n6Hz+' },
        { name: target.name },
      )}
      onCancel={onDone}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>
          {whole
            ? t({
                defaultMessage:
                  'Sharing a family’s record shares each of its students’ records, and each is a disclosure. Hearth keeps a record of each with the student: who shared it, with whom, what, why and when.',
                id: 'UdtzSs',
              })
            : t({
                defaultMessage:
                  'Sharing a student’s record is a disclosure. Hearth keeps a record of it with the family: who shared it, with whom, what, why and when.',
                id: 'E4ceg+',
              })}
        </p>
        <label className="field">
          <span>{t({ defaultMessage: 'Shared with (person or organisation)', id: 'iWi6Fn' })}</span>
          <input {...form.register('recipient')} aria-invalid={!!errors.recipient} data-autofocus />
          <FieldError
            field={t({ defaultMessage: 'Recipient', id: '8Rkoyb' })}
            message={errors.recipient?.message}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'Why (purpose, consent)', id: 'RM8Svf' })}</span>
          <input {...form.register('purpose')} aria-invalid={!!errors.purpose} />
          <FieldError
            field={t({ defaultMessage: 'Purpose', id: 'm0RdHL' })}
            message={errors.purpose?.message}
          />
        </label>
        <fieldset className="field">
          <legend>{t({ defaultMessage: 'Format', id: 'zQLEfz' })}</legend>
          <label className="check">
            <input type="radio" value="print" {...form.register('format')} />{' '}
            {t({ defaultMessage: 'Printable page', id: 'qrjKBc' })}
          </label>
          <label className="check">
            <input type="radio" value="csv" {...form.register('format')} />{' '}
            {t({ defaultMessage: 'Spreadsheet (CSV file)', id: '0fQuTq' })}
          </label>
        </fieldset>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button small" onClick={onDone}>
            {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
          </button>
          <button type="submit" className="button" disabled={isSubmitting}>
            {t({ defaultMessage: 'Record and export', id: 'Hj84UI' })}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
