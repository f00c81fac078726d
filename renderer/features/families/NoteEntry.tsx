import { teamOf, type Staff, type TimelineEntry } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { schoolDateTime } from '../../ui/format';
import { restrictedLabel } from '../../ui/visibility';
import { t } from '../../i18n/intl';

/**
 * A note opened from the timeline: its revisions, oldest first, where the viewer may read
 * it (note.history checks again and audits a restricted read); otherwise only whom to ask.
 */
export function NoteEntry({
  entry,
  viewer,
  timeZone,
}: {
  entry: TimelineEntry;
  viewer: Staff;
  timeZone: string;
}) {
  const team = entry.visibility ? teamOf(entry.visibility) : null;
  // The timeline lists another staff member's private note not at all, so a private one is ours.
  const readable =
    entry.visibility === 'staff' ||
    entry.visibility === 'private' ||
    (team !== null && viewer.teams.includes(team));
  const history = useCall(
    'note.history',
    readable && entry.noteId ? { noteId: entry.noteId } : null,
  );
  if (!readable && entry.visibility)
    return <p className="notice">{restrictedLabel(entry.visibility, 'note')}</p>;
  if (history.error !== undefined)
    return (
      <p role="alert" className="error-text">
        {errorMessage(history.error)}
      </p>
    );
  const revisions = history.data ?? [];
  return (
    <div className="stack">
      {revisions.map((r, i) => (
        <section
          key={r.revisionId}
          aria-label={
            i === 0
              ? t({ defaultMessage: 'The note', id: '6BNR5D' })
              : t({ defaultMessage: 'Revision {number}', id: 'wphGL6' }, { number: i + 1 })
          }
        >
          <h3>
            {i === 0
              ? r.subject
              : t(
                  { defaultMessage: 'Revised: {subject}', id: 'ixeIj5' },
                  { subject: r.subject },
                )}{' '}
            <span className="muted small-text">
              {r.authorName}, {schoolDateTime(r.createdAt, timeZone)}
            </span>
          </h3>
          <p className="full-text" dir="auto">
            {r.body}
          </p>
        </section>
      ))}
    </div>
  );
}
