import { t } from '../i18n/intl';

/** The end of a dialog's form: what went wrong, if anything, then Cancel and the main action. */
export function FormActions({
  error,
  onCancel,
  submitLabel,
  busy,
}: {
  error: string | null;
  onCancel: () => void;
  submitLabel: string;
  busy: boolean;
}) {
  return (
    <>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
