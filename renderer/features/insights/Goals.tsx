import { useState } from 'react';
import { share } from '../../../contract';
import { goalMeasureWords } from './measureWords';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { dayWords } from '../../ui/format';
import { percent } from './Figure';
import { GoalDialog } from './GoalDialog';
import { t } from '../../i18n/intl';

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
        <h2 id="goals-title">{t({ defaultMessage: 'School goals', id: '+qFRNN' })}</h2>
        {canSet && (
          <button type="button" className="button small" onClick={() => setAdding(true)}>
            {t({ defaultMessage: 'Set a goal', id: 'hJ3NNi' })}
          </button>
        )}
      </div>
      {goals.data?.length === 0 && (
        <p className="empty">
          {t({
            defaultMessage:
              'No goal yet. One doable goal at a time works best: “every family hears good news by 31 October”.',
            id: '9IlHA4',
          })}
          {canSet
            ? ''
            : ` ${t({ defaultMessage: 'An administrator or coordinator sets it.', id: '3wGKk9' })}`}
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
                    {t({ defaultMessage: 'Retire', id: 'CNpEW/' })}
                  </button>
                )}
              </div>
              <label className="small-text goal-progress">
                <span>
                  {t(
                    {
                      defaultMessage:
                        '{share} of {measure} ({count} of {of}) since {from}; the target is {target}% by {due}.',
                      id: 'dyZmGW',
                    },
                    {
                      share: percent(g.progress),
                      measure: goalMeasureWords(g.measure),
                      count: g.progress.count,
                      of: g.progress.of,
                      from: dayWords(g.startsOn),
                      target: g.target,
                      due: dayWords(g.dueOn),
                    },
                  )}
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
