import { HearthError } from '../../contract';
import { fieldProblem } from '../i18n/issues';
import { t } from '../i18n/intl';

export interface Days {
  from: string;
  to: string;
}

/** The core refused the days (a field problem): the screen shows it there, not its data. */
export const hasFieldProblems = (error: unknown): boolean =>
  error instanceof HearthError && (error.issues?.length ?? 0) > 0;

/**
 * A first and a last school day, never after today, each with the core's problem with it
 * (from `error`, the call's refusal) said next to it (the visitor log, the health report).
 */
export function DayRange({
  idPrefix,
  days,
  today,
  error,
  onChange,
}: {
  idPrefix: string;
  days: Days;
  today: string;
  error: unknown;
  onChange: (change: Partial<Days>) => void;
}) {
  const issues = error instanceof HearthError ? (error.issues ?? []) : [];
  const field = (which: keyof Days, label: string) => {
    const problem = issues.find((i) => i.path === which)?.message;
    return (
      <label className="field">
        <span>{label}</span>
        <input
          type="date"
          value={days[which]}
          max={today}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? `${idPrefix}-${which}-problem` : undefined}
          onChange={(event) => event.target.value && onChange({ [which]: event.target.value })}
        />
        {problem && (
          <span id={`${idPrefix}-${which}-problem`} className="error-text">
            {fieldProblem(label, problem)}
          </span>
        )}
      </label>
    );
  };
  return (
    <>
      {field('from', t({ defaultMessage: 'First day', id: 'Xs09vS' }))}
      {field('to', t({ defaultMessage: 'Last day', id: 'boa1qH' }))}
    </>
  );
}
