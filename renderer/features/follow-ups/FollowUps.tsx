import { useState, type ReactNode } from 'react';
import type { FollowUpView } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { schoolToday } from '../../ui/format';
import { FollowUpItem } from '../families/FollowUpsPanel';
import { t } from '../../i18n/intl';

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
      <h1>{t({ defaultMessage: 'My follow-ups', id: 'KL0ZIF' })}</h1>
      {mine.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(mine.error)}
        </p>
      )}
      {mine.data?.length === 0 && (
        <section className="card">
          <p className="empty">
            {t({ defaultMessage: 'Nothing assigned to you. Well done.', id: 'uOe1q7' })}
          </p>
        </section>
      )}
      <FollowUpSection
        id="overdue-title"
        title={
          <>
            <span aria-hidden="true">! </span>
            {t({ defaultMessage: 'Overdue ({count})', id: 'SjPXVM' }, { count: overdue.length })}
          </>
        }
        followUps={overdue}
        today={today}
        onOpenStudent={onOpenStudent}
        onChanged={refresh}
      />
      <FollowUpSection
        id="coming-title"
        title={t({ defaultMessage: 'Coming up ({count})', id: 'sxm0BL' }, { count: rest.length })}

        followUps={rest}
        today={today}
        onOpenStudent={onOpenStudent}
        onChanged={refresh}
      />
    </div>
  );
}

/** One titled list of follow-ups; nothing at all when the list is empty. */
function FollowUpSection({
  id,
  title,
  followUps,
  today,
  onOpenStudent,
  onChanged,
}: {
  id: string;
  title: ReactNode;
  followUps: FollowUpView[];
  today: string;
  onOpenStudent: (studentId: string) => void;
  onChanged: () => void;
}) {
  if (followUps.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="note-list">
        {followUps.map((f) => (
          <FollowUpItem
            key={f.id}
            followUp={f}
            today={today}
            showStudent={onOpenStudent}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </section>
  );
}
