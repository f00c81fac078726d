import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { schoolToday } from '../../ui/format';
import { FollowUpItem } from '../families/FollowUpsPanel';

/** My follow-ups: overdue ones first, then by due date. */
export function FollowUps({
  timeZone,
  onOpenStudent,
}: {
  timeZone: string;
  onOpenStudent: (studentId: string) => void;
}) {
  const [version, setVersion] = useState(0);
  const mine = useCall('followUp.mine', {}, version);
  const today = schoolToday(timeZone);
  const all = mine.data ?? [];
  const overdue = all.filter((f) => f.access === 'open' && f.dueOn < today);
  const rest = all.filter((f) => !overdue.includes(f));
  const refresh = () => setVersion((n) => n + 1);
  return (
    <div className="families">
      <h1>My follow-ups</h1>
      {mine.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(mine.error)}
        </p>
      )}
      {mine.data?.length === 0 && (
        <section className="card">
          <p className="empty">Nothing assigned to you. Well done.</p>
        </section>
      )}
      {overdue.length > 0 && (
        <section className="card" aria-labelledby="overdue-title">
          <h2 id="overdue-title">
            <span aria-hidden="true">! </span>Overdue ({overdue.length})
          </h2>
          <ul className="note-list">
            {overdue.map((f) => (
              <FollowUpItem
                key={f.id}
                followUp={f}
                today={today}
                showStudent={onOpenStudent}
                onChanged={refresh}
              />
            ))}
          </ul>
        </section>
      )}
      {rest.length > 0 && (
        <section className="card" aria-labelledby="coming-title">
          <h2 id="coming-title">Coming up ({rest.length})</h2>
          <ul className="note-list">
            {rest.map((f) => (
              <FollowUpItem
                key={f.id}
                followUp={f}
                today={today}
                showStudent={onOpenStudent}
                onChanged={refresh}
              />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
