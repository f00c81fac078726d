import { useState } from 'react';
import type { FollowUpView, Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { dueWords, schoolToday } from '../../ui/format';
import { CompleteFollowUpDialog } from '../follow-ups/CompleteFollowUpDialog';
import { FollowUpForm } from '../follow-ups/FollowUpForm';
import { RestrictedItem, VisibilityMark } from './VisibilityMark';
import { t } from '../../i18n/intl';

/** One follow-up in a list; a button marks it done (or reopens it). */
export function FollowUpItem({
  followUp,
  today,
  showStudent,
  onChanged,
}: {
  followUp: FollowUpView;
  today: string;
  showStudent?: (studentId: string) => void;
  onChanged: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [completing, setCompleting] = useState(false);
  if (followUp.access === 'restricted') {
    return (
      <RestrictedItem
        visibility={followUp.visibility}
        what="follow-up"
        waitingForKey={followUp.waitingForKey}
      />
    );
  }
  const open = followUp.status === 'open';
  const overdue = open && followUp.dueOn < today;
  const reopen = async () => {
    setError(null);
    try {
      await call('followUp.setStatus', { id: followUp.id, status: 'open' });
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <li className={`note follow-up${open ? '' : ' follow-up-closed'}`}>
      <div className="note-head">
        <strong>{followUp.title}</strong>
        <VisibilityMark visibility={followUp.visibility} />
      </div>
      <p className="small-text">
        <span className={overdue ? 'overdue' : 'muted'}>
          {open
            ? dueWords(followUp.dueOn, today)
            : followUp.status === 'done'
              ? t({ defaultMessage: 'Done', id: 'JXdbo8' })
              : t({ defaultMessage: 'Cancelled', id: '3wsVWF' })}
        </span>
        <span className="muted"> · {followUp.assigneeName}</span>
        {showStudent && (
          <>
            <span className="muted"> · </span>
            <button
              type="button"
              className="link-button"
              onClick={() => showStudent(followUp.studentId)}
            >
              {followUp.studentName}
            </button>
          </>
        )}
      </p>
      <button
        type="button"
        className="button small"
        onClick={() => (open ? setCompleting(true) : void reopen())}
      >
        {open
          ? t({ defaultMessage: 'Mark done…', id: 'QJSEbb' })
          : t({ defaultMessage: 'Reopen', id: '8ujEro' })}
      </button>
      {completing && (
        <CompleteFollowUpDialog
          id={followUp.id}
          title={followUp.title}
          onDone={(saved) => {
            setCompleting(false);
            if (saved) onChanged();
          }}
        />
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </li>
  );
}

export function FollowUpsPanel({
  student,
  viewer,
  timeZone,
}: {
  student: { id: string; name: string };
  viewer: Staff;
  timeZone: string;
}) {
  const [version, setVersion] = useState(0);
  const followUps = useCall('followUp.forStudent', { studentId: student.id }, version);
  const refresh = () => setVersion((n) => n + 1);
  const today = schoolToday(timeZone);
  return (
    <section className="card" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">{t({ defaultMessage: 'Follow-ups', id: 'k26pcw' })}</h2>
      {followUps.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(followUps.error)}
        </p>
      )}
      {followUps.data?.length === 0 && (
        <p className="empty">{t({ defaultMessage: 'Nothing to follow up.', id: 'XEbIzh' })}</p>
      )}

      <ul className="note-list">
        {followUps.data?.map((f) => (
          <FollowUpItem key={f.id} followUp={f} today={today} onChanged={refresh} />
        ))}
      </ul>
      <FollowUpForm students={[student]} viewer={viewer} timeZone={timeZone} onSaved={refresh} />
    </section>
  );
}
