import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { API, type CallInput, type NoteView, type Staff } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { exactDate } from '../../ui/format';
import { defaultVisibility } from '../../ui/visibility';
import { RestrictedItem, VisibilityMark } from './VisibilityMark';
import { VisibilitySelect } from './VisibilitySelect';
import { t } from '../../i18n/intl';
import { FieldError } from '../../ui/FieldError';

type NewNote = CallInput<'note.create'>;
type OpenNote = Extract<NoteView, { access: 'open' }>;

function NoteForm({
  studentId,
  viewer,
  onSaved,
}: {
  studentId: string;
  viewer: Staff;
  onSaved: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<NewNote>({
    resolver: zodResolver(API['note.create'].input),
    defaultValues: {
      studentId,
      personId: null,
      visibility: defaultVisibility(viewer),
      subject: '',
      body: '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('note.create', values);
      form.reset({ ...values, subject: '', body: '' });
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
      aria-label={t({ defaultMessage: 'New note', id: 'CfJyjp' })}
    >
      <div className="row">
        <label className="field grow">
          <span>{t({ defaultMessage: 'Subject', id: 'LLtKhp' })}</span>
          <input {...form.register('subject')} aria-invalid={!!errors.subject} />
          <FieldError
            field={t({ defaultMessage: 'Subject', id: 'LLtKhp' })}
            message={errors.subject?.message}
          />
        </label>
        <VisibilitySelect viewer={viewer} registration={form.register('visibility')} />
      </div>
      <label className="field">
        <span>{t({ defaultMessage: 'Note', id: 'qMePPG' })}</span>
        <textarea rows={3} dir="auto" {...form.register('body')} aria-invalid={!!errors.body} />
        <FieldError
          field={t({ defaultMessage: 'Note', id: 'qMePPG' })}
          message={errors.body?.message}
        />
      </label>
      <button type="submit" className="button" disabled={isSubmitting}>
        {t({ defaultMessage: 'Save note', id: 'mFRqx3' })}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </form>
  );
}

function ReviseForm({ note, onDone }: { note: OpenNote; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<CallInput<'note.revise'>>({
    resolver: zodResolver(API['note.revise'].input),
    defaultValues: { revisionId: note.revisionId, subject: note.subject, body: note.body },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      await call('note.revise', values);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  });
  return (
    <form
      className="note-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={t({ defaultMessage: 'Edit note', id: 'v+W2VX' })}
    >
      <label className="field">
        <span>{t({ defaultMessage: 'Subject', id: 'LLtKhp' })}</span>
        <input {...form.register('subject')} aria-invalid={!!errors.subject} autoFocus />
        <FieldError
          field={t({ defaultMessage: 'Subject', id: 'LLtKhp' })}
          message={errors.subject?.message}
        />
      </label>
      <label className="field">
        <span>{t({ defaultMessage: 'Note', id: 'qMePPG' })}</span>
        <textarea rows={4} dir="auto" {...form.register('body')} aria-invalid={!!errors.body} />
        <FieldError
          field={t({ defaultMessage: 'Note', id: 'qMePPG' })}
          message={errors.body?.message}
        />
      </label>
      <p className="hint">
        {t({
          defaultMessage: 'Saving keeps the earlier version in the note’s history.',
          id: '/OH+9P',
        })}
      </p>
      <div className="actions">
        <button type="submit" className="button" disabled={isSubmitting}>
          {t({ defaultMessage: 'Save new version', id: 'qPk8Xx' })}
        </button>
        <button type="button" className="button small" onClick={onDone}>
          {t({ defaultMessage: 'Cancel', id: '47FYwb' })}
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </form>
  );
}

function History({ noteId, onClose }: { noteId: string; onClose: () => void }) {
  const history = useCall('note.history', { noteId });
  return (
    <Dialog title={t({ defaultMessage: 'Note history', id: '8F4nFu' })} onCancel={onClose}>
      {history.error !== undefined && <p role="alert">{errorMessage(history.error)}</p>}
      <ol className="history">
        {history.data
          ?.slice()
          .reverse()
          .map((r) => (
            <li key={r.revisionId}>
              <p className="muted small-text">
                {exactDate(r.createdAt)} · {r.authorName}
              </p>
              <strong>{r.subject}</strong>
              <p className="note-body" dir="auto">
                {r.body}
              </p>
            </li>
          ))}
      </ol>
      <div className="dialog-actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t({ defaultMessage: 'Close', id: 'rbrahO' })}
        </button>
      </div>
    </Dialog>
  );
}

function NoteItem({ note, onChanged }: { note: NoteView; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  if (note.access === 'restricted') {
    return (
      <RestrictedItem
        visibility={note.visibility}
        what="note"
        createdAt={note.createdAt}
        waitingForKey={note.waitingForKey}
      />
    );
  }
  if (editing) {
    return (
      <li className="note">
        <ReviseForm
          note={note}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      </li>
    );
  }
  return (
    <li className="note">
      <div className="note-head">
        <strong>{note.subject}</strong>
        <VisibilityMark visibility={note.visibility} />
      </div>
      <p className="note-body" dir="auto">
        {note.body}
      </p>
      <p className="muted small-text">
        {note.authorName} · {exactDate(note.createdAt)}
        {note.revisionCount > 1 &&
          ` · ${t({ defaultMessage: 'edited ({count} versions)', id: 'n47jJo' }, { count: note.revisionCount })}`}
      </p>
      {note.conflict && (
        <p className="notice notice-error">
          {t({
            defaultMessage:
              'This note was changed on two computers at once; both versions are shown.',
            id: 'pTxeUW',
          })}
        </p>
      )}
      <div className="actions">
        <button type="button" className="button small" onClick={() => setEditing(true)}>
          {t({ defaultMessage: 'Edit', id: 'wEQDC6' })}
        </button>
        {note.revisionCount > 1 && (
          <button type="button" className="button small" onClick={() => setShowHistory(true)}>
            {t({ defaultMessage: 'History', id: 'djJp6c' })}
          </button>
        )}
      </div>
      {showHistory && <History noteId={note.noteId} onClose={() => setShowHistory(false)} />}
    </li>
  );
}

/** Notes about a student and their family, as the signed-in staff member may see them. */
export function NotesPanel({ studentId, viewer }: { studentId: string; viewer: Staff }) {
  const [version, setVersion] = useState(0);
  const notes = useCall('note.forStudent', { studentId }, version);
  const refresh = () => setVersion((n) => n + 1);
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">{t({ defaultMessage: 'Notes', id: '7+Domh' })}</h2>
      {notes.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(notes.error)}
        </p>
      )}
      {notes.data?.length === 0 && (
        <p className="empty">{t({ defaultMessage: 'No notes yet.', id: '7PEOXA' })}</p>
      )}
      <ul className="note-list">
        {notes.data?.map((n) => (
          <NoteItem
            key={n.access === 'open' ? n.revisionId : n.noteId}
            note={n}
            onChanged={refresh}
          />
        ))}
      </ul>
      <NoteForm studentId={studentId} viewer={viewer} onSaved={refresh} />
    </section>
  );
}
