import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, type CallInput, type FamilyRecord } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { downloadCsv } from '../../ui/download';

type ExportInput = CallInput<'family.export'>;

/**
 * FERPA: nothing leaves without a record of who, to whom, what and why. The core writes the
 * disclosure in the same step that prepares the export.
 */
export function ExportDialog({
  studentId,
  studentName,
  onPrint,
  onDone,
}: {
  studentId: string;
  studentName: string;
  onPrint: (record: FamilyRecord) => void;
  onDone: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ExportInput>({
    resolver: zodResolver(API['family.export'].input),
    defaultValues: { studentId, format: 'print', recipient: '', purpose: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const result = await call('family.export', values);
      if (result.csv !== null) {
        const safeName = studentName.replace(/[^\p{L}\p{N}]+/gu, '-');
        downloadCsv(
          result.csv,
          `hearth-record-${safeName}-${result.disclosure.disclosedAt.slice(0, 10)}.csv`,
        );
      } else {
        onPrint(result.record);
      }
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  return (
    <Dialog title={`Print or export ${studentName}’s record`} onCancel={onDone}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p>
          Sharing a student’s record is a disclosure. Hearth keeps a record of it with the family:
          who shared it, with whom, what, why and when.
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
