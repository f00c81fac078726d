import type { FamilyRecord } from '../../../contract';
import {
  dayWords,
  exactDate,
  FOLLOW_UP_STATUS_WORDS,
  fullName,
  gradeLabel,
  PICKUP_WORDS,
} from '../../ui/format';
import { Printable } from '../../ui/Printable';
import { visibilityName } from '../../ui/visibility';
import { t, tRich } from '../../i18n/intl';

/**
 * The printable pages of one student's record or a whole family's (a page per student). On
 * screen it covers the app with Print and Close; the print style sheet prints only this.
 */
export function PrintableRecord({
  records,
  onClose,
}: {
  records: FamilyRecord[];
  onClose: () => void;
}) {
  return (
    <Printable label={t({ defaultMessage: 'Printable record', id: 'Hx7ULj' })} onClose={onClose}>
      {records.map((record) => (
        <StudentPage key={record.student.id} record={record} />
      ))}
    </Printable>
  );
}

function StudentPage({ record }: { record: FamilyRecord }) {
  const { student } = record;
  return (
    <article className="printable-page">
      <header>
        <p className="muted">{record.school}</p>
        <h1>{fullName(student)}</h1>
        <p>
          {gradeLabel(student.grade)}
          {student.homeroom ? ` · ${student.homeroom}` : ''}
        </p>
      </header>
      <h2>{t({ defaultMessage: 'Family', id: 'rzCvRt' })}</h2>
      {record.caregivers.length === 0 && (
        <p>{t({ defaultMessage: 'No caregivers on file.', id: 'Gm6RxK' })}</p>
      )}
      <ul>
        {record.caregivers.map((c) => (
          <li key={c.person.id}>
            <strong>{fullName(c.person)}</strong> — {c.relationship}
            {c.legalGuardian
              ? `, ${t({ defaultMessage: 'legal guardian', id: 'aHhgWX' })}`
              : ''} · {PICKUP_WORDS[c.pickup]}
            {c.person.phones.length > 0 && ` · ${c.person.phones.join(', ')}`}
          </li>
        ))}
      </ul>
      <h2>{t({ defaultMessage: 'Notes', id: '7+Domh' })}</h2>
      {record.notes.length === 0 && <p>{t({ defaultMessage: 'No notes.', id: '9WwYJD' })}</p>}
      {record.notes.map(
        (n) =>
          n.access === 'open' && (
            <section key={n.revisionId} className="printable-note">
              <h3>{n.subject}</h3>
              <p className="muted">
                {exactDate(n.createdAt)} · {n.authorName} · {visibilityName(n.visibility)}
              </p>
              <p className="note-body">{n.body}</p>
            </section>
          ),
      )}
      <h2>{t({ defaultMessage: 'Follow-ups', id: 'k26pcw' })}</h2>
      {record.followUps.length === 0 && (
        <p>{t({ defaultMessage: 'No follow-ups.', id: 'p9L8hR' })}</p>
      )}
      <ul>
        {record.followUps.map(
          (f) =>
            f.access === 'open' && (
              <li key={f.id}>
                {t(
                  { defaultMessage: '{title} — due {day}, {status}, {assignee}', id: '1zEDxV' },
                  {
                    title: f.title,
                    day: dayWords(f.dueOn),
                    status: FOLLOW_UP_STATUS_WORDS[f.status],
                    assignee: f.assigneeName,
                  },
                )}
              </li>
            ),
        )}
      </ul>
      <footer className="small-text">
        <p>
          {tRich(
            { defaultMessage: '<b>Given to {recipient}</b> for: {purpose}.', id: 'FwyvWT' },
            {
              recipient: record.recipient,
              purpose: record.purpose,
              b: (chunks) => <strong>{chunks}</strong>,
            },
          )}
        </p>
        <p className="muted">
          {t(
            {
              defaultMessage:
                'Prepared by {name} on {time}. This disclosure is recorded with the student’s record.',
              id: '+i0aN+',
            },
            { name: record.preparedBy, time: exactDate(record.preparedAt) },
          )}
        </p>
      </footer>
    </article>
  );
}
