import { useState } from 'react';
import { GOAL_MEASURE_WORDS, share } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { dayWords } from '../../ui/format';
import { percent } from './Figure';
import { GoalDialog } from './GoalDialog';

/**
 * The school's goals and how far each has come. Administrators and coordinators set and
 * retire them; everyone sees them, and the family page says when a family is one a goal is
 * still waiting for.
 */
export function Goals({ canSet, today }: { canSet: boolean; today: string }) {
  const [version, setVersion] = useState(0);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const goals = useCall('goal.list', {}, version);
  const retire = (id: string) =>
    call('goal.retire', { id }).then(
      () => setVersion((n) => n + 1),
      (e: unknown) => setError(errorMessage(e)),
    );
  return (
    <section className="card" aria-labelledby="goals-title">
      <div className="card-header">
        <h2 id="goals-title">School goals</h2>
        {canSet && (
          <button type="button" className="button small" onClick={() => setAdding(true)}>
            Set a goal
          </button>
        )}
      </div>
      {goals.data?.length === 0 && (
        <p className="empty">
          No goal yet. One doable goal at a time works best: “every family hears good news by 31
          October”.{canSet ? '' : ' An administrator or coordinator sets it.'}
        </p>
      )}
      <ul className="goal-list">
        {goals.data?.map((g) => {
          const reached = share(g.progress);
          return (
            <li key={g.id}>
              <div className="row compact">
                <strong className="grow">{g.title}</strong>
                {canSet && (
                  <button
                    type="button"
                    className="link-button small-text"
                    onClick={() => void retire(g.id)}
                  >
                    Retire
                  </button>
                )}
              </div>
              <label className="small-text goal-progress">
                <span>
                  {percent(g.progress)} of {GOAL_MEASURE_WORDS[g.measure]} ({g.progress.count} of{' '}
                  {g.progress.of}) since {dayWords(g.startsOn)}; the target is {g.target}% by{' '}
                  {dayWords(g.dueOn)}.
                </span>
                <progress
                  max={g.target}
                  value={Math.min(g.target, Math.round((reached ?? 0) * 100))}
                />
              </label>
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {adding && (
        <GoalDialog
          today={today}
          onDone={(saved) => {
            setAdding(false);
            if (saved) setVersion((n) => n + 1);
          }}
        />
      )}
    </section>
  );
}
