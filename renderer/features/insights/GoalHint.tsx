import { Target } from 'lucide-react';
import { useCall } from '../../api/useCall';
import { dayWords } from '../../ui/format';
import { t } from '../../i18n/intl';

/**
 * A quiet line where staff meet a family (the family page, the front desk) when a current
 * school goal is still waiting for it: good news, a contact, a strength recorded.
 */
export function GoalHint({
  householdId,
  refresh = 0,
}: {
  householdId: string | null;
  /** Changed when something was logged for the family, to ask again. */
  refresh?: number;
}) {
  const waiting =
    useCall('goal.waitingFamily', householdId ? { householdId } : null, refresh).data ?? [];
  if (waiting.length === 0) return null;
  return (
    <p className="goal-hint small-text">
      <Target size={14} aria-hidden="true" />{' '}
      {t(
        { defaultMessage: 'School goal still waiting for this family: {goals}', id: 'uKmITE' },
        {
          goals: waiting
            .map((g) =>
              t(
                { defaultMessage: '“{title}” (by {day})', id: 'NcHK6q' },
                { title: g.title, day: dayWords(g.dueOn) },
              ),
            )
            .join('; '),
        },
      )}
    </p>
  );
}
