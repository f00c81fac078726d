import { fieldProblem } from '../i18n/issues';
import { t } from '../i18n/intl';

export interface Days {
  from: string;
  to: string;
}

/**
 * A first and a last school day, never after today, each with the core's problem with it
 * said next to it (the visitor log, the health office report).
 */
export function DayRange({
  idPrefix,
  days,
  today,
  problems,
  onChange,
}: {
  idPrefix: string;
  days: Days;
  today: string;
  problems: Partial<Record<keyof Days, string>>;
  onChange: (change: Partial<Days>) => void;
}) {
  const field = (which: keyof Days, label: string) => {
    const problem = problems[which];
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
