import type { FamilyRecord } from '../../../contract';
import { exactDate, fullName, gradeLabel, PICKUP_WORDS } from '../../ui/format';
import { Printable } from '../../ui/Printable';
import { visibilityName } from '../../ui/visibility';

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
    <Printable label="Printable record" onClose={onClose}>
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
      <h2>Family</h2>
      {record.caregivers.length === 0 && <p>No caregivers on file.</p>}
      <ul>
        {record.caregivers.map((c) => (
          <li key={c.person.id}>
            <strong>{fullName(c.person)}</strong> — {c.relationship}
            {c.legalGuardian ? ', legal guardian' : ''} · {PICKUP_WORDS[c.pickup]}
            {c.person.phones.length > 0 && ` · ${c.person.phones.join(', ')}`}
          </li>
        ))}
      </ul>
      <h2>Notes</h2>
      {record.notes.length === 0 && <p>No notes.</p>}
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
      <h2>Follow-ups</h2>
      {record.followUps.length === 0 && <p>No follow-ups.</p>}
      <ul>
        {record.followUps.map(
          (f) =>
            f.access === 'open' && (
              <li key={f.id}>
                {f.title} — due {f.dueOn}, {f.status}, {f.assigneeName}
              </li>
            ),
        )}
      </ul>
      <footer className="small-text">
        <p>
          <strong>Given to {record.recipient}</strong> for: {record.purpose}.
        </p>
        <p className="muted">
          Prepared by {record.preparedBy} on {exactDate(record.preparedAt)}. This disclosure is
          recorded with the student’s record.
        </p>
      </footer>
    </article>
  );
}
