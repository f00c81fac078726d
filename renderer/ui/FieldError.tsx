import { fieldProblem } from '../i18n/issues';

/** A field's problem next to it, in the window's language; nothing when there is none. */
export function FieldError({ field, message }: { field: string; message: string | undefined }) {
  if (message === undefined) return null;
  return <span className="field-error">{fieldProblem(field, message)}</span>;
}
