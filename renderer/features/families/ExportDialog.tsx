import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { API, type FamilyRecord } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { downloadCsv } from '../../ui/download';

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
    <Dialog title={`Print or export ${target.name}’s record`} onCancel={onDone}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>
          {whole
            ? 'Sharing a family’s record shares each of its students’ records, and each is a disclosure. Hearth keeps a record of each with the student: who shared it, with whom, what, why and when.'
            : 'Sharing a student’s record is a disclosure. Hearth keeps a record of it with the family: who shared it, with whom, what, why and when.'}
        </p>
        <label className="field">
          <span>Shared with (person or organisation)</span>
          <input {...form.register('recipient')} aria-invalid={!!errors.recipient} data-autofocus />
          {errors.recipient && (
            <span className="field-error">Recipient {errors.recipient.message}</span>
          )}
        </label>
        <label className="field">
          <span>Why (purpose, consent)</span>
          <input {...form.register('purpose')} aria-invalid={!!errors.purpose} />
          {errors.purpose && <span className="field-error">Purpose {errors.purpose.message}</span>}
        </label>
        <fieldset className="field">
          <legend>Format</legend>
          <label className="check">
            <input type="radio" value="print" {...form.register('format')} /> Printable page
          </label>
          <label className="check">
            <input type="radio" value="csv" {...form.register('format')} /> Spreadsheet (CSV file)
          </label>
        </fieldset>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button small" onClick={onDone}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={isSubmitting}>
            Record and export
          </button>
        </div>
      </form>
    </Dialog>
  );
}
