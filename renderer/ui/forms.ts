import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { HearthError } from '../../contract/errors';

/** What a datetime-local input holds: a date and time with no zone (the school's is implied). */
export const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'must be a date and time');

/**
 * Put the core's field issues next to their fields (the core checks what a form cannot, such
 * as "not in the future" against its own clock). Returns whether any issue found its field.
 */
export function showIssues<T extends FieldValues>(
  form: { setError: UseFormSetError<T> },
  error: unknown,
  /** Core field names that a form shows under another name (e.g. occurredAt as "when"). */
  rename: Record<string, Path<T>> = {},
): boolean {
  if (!(error instanceof HearthError) || !error.issues) return false;
  let shown = false;
  for (const issue of error.issues) {
    if (!issue.path) continue;
    form.setError(rename[issue.path] ?? (issue.path as Path<T>), { message: issue.message });
    shown = true;
  }
  return shown;
}
