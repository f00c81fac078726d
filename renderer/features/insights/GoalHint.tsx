import { Target } from 'lucide-react';
import { useCall } from '../../api/useCall';
import { dayWords } from '../../ui/format';

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
      <Target size={14} aria-hidden="true" /> School goal still waiting for this family:{' '}
      {waiting.map((g) => `“${g.title}” (by ${dayWords(g.dueOn)})`).join('; ')}
    </p>
  );
}
