import { zodResolver } from '@hookform/resolvers/zod';
import { addDays, format } from 'date-fns';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { API, teamOf, type CallInput, type FollowUpView, type Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { dueWords, schoolToday } from '../../ui/format';
import { defaultVisibility } from '../../ui/visibility';
import { CompleteFollowUpDialog } from '../follow-ups/CompleteFollowUpDialog';
import { RestrictedItem, VisibilityMark } from './VisibilityMark';
import { VisibilitySelect } from './VisibilitySelect';

type NewFollowUp = CallInput<'followUp.create'>;

function FollowUpForm({
  studentId,
  viewer,
  timeZone,
  onSaved,
}: {
  studentId: string;
  viewer: Staff;
  timeZone: string;
  onSaved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const staff = useCall('staff.list', {});
  const form = useForm<NewFollowUp>({
    resolver: zodResolver(API['followUp.create'].input),
    defaultValues: {
      studentId,
      personId: null,
      visibility: defaultVisibility(viewer),
      title: '',
      assigneeId: viewer.id,
      dueOn: format(addDays(new Date(`${schoolToday(timeZone)}T12:00:00`), 7), 'yyyy-MM-dd'),
    },
  });
  const { errors, isSubmitting } = form.formState;
  const visibility = useWatch({ control: form.control, name: 'visibility' });
  const team = teamOf(visibility);
  // Only people who could read it may be given it.
  const assignees = (staff.data ?? []).filter((s) =>
    visibility === 'private' ? s.id === viewer.id : !team || s.teams.includes(team),
  );
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('followUp.create', values);
      form.reset({ ...values, title: '' });
      onSaved();
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  return (
    <form
      className="note-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="New follow-up"
    >
      <label className="field">
        <span>Follow-up</span>
        <input
          {...form.register('title')}
          aria-invalid={!!errors.title}
          placeholder="What needs doing"
        />
        {errors.title && <span className="field-error">Follow-up {errors.title.message}</span>}
      </label>
      <div className="row">
        <label className="field">
          <span>Due</span>
          <input type="date" {...form.register('dueOn')} aria-invalid={!!errors.dueOn} />
          {errors.dueOn && <span className="field-error">Due date {errors.dueOn.message}</span>}
        </label>
        <VisibilitySelect viewer={viewer} registration={form.register('visibility')} />
        <label className="field">
          <span>Assigned to</span>
          <select {...form.register('assigneeId')}>
            {assignees.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id === viewer.id ? `${s.displayName} (me)` : s.displayName}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button type="submit" className="button" disabled={isSubmitting}>
        Add follow-up
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </form>
  );
}

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
              ? 'Done'
              : 'Cancelled'}
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
        {open ? 'Mark done…' : 'Reopen'}
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
  studentId,
  viewer,
  timeZone,
}: {
  studentId: string;
  viewer: Staff;
  timeZone: string;
}) {
  const [version, setVersion] = useState(0);
  const followUps = useCall('followUp.forStudent', { studentId }, version);
  const refresh = () => setVersion((n) => n + 1);
  const today = schoolToday(timeZone);
  return (
    <section className="card" aria-labelledby="follow-ups-title">
      <h2 id="follow-ups-title">Follow-ups</h2>
      {followUps.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(followUps.error)}
        </p>
      )}
      {followUps.data?.length === 0 && <p className="empty">Nothing to follow up.</p>}
      <ul className="note-list">
        {followUps.data?.map((f) => (
          <FollowUpItem key={f.id} followUp={f} today={today} onChanged={refresh} />
        ))}
      </ul>
      <FollowUpForm studentId={studentId} viewer={viewer} timeZone={timeZone} onSaved={refresh} />
    </section>
  );
}
