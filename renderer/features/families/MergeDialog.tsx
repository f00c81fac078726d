import { useState } from 'react';
import type { Person } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { fullName } from '../../ui/format';

/**
 * Merge a duplicate record into this person: every visit, contact, link and strength moves
 * here, nothing is lost, and the merge is written to the audit log.
 */
export function MergeDialog({
  person,
  onDone,
}: {
  person: Person;
  onDone: (merged: boolean) => void;
}) {
  const candidates = useCall('person.findDuplicates', {
    firstName: person.firstName,
    lastName: person.lastName,
    phones: person.phones,
    email: person.email,
  });
  const others = (candidates.data ?? []).filter((c) => c.person.id !== person.id);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const merge = async (mergeId: string) => {
    try {
      await call('person.merge', { keepId: person.id, mergeId });
      onDone(true);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Dialog title={`Merge a duplicate into ${fullName(person)}`} onCancel={() => onDone(false)}>
      <p className="muted">
        Choose the record that is the same person. Its visits, contacts, links to students,
        strengths and notes move to {person.firstName}; the duplicate disappears from search.
      </p>
      {candidates.data && others.length === 0 && (
        <p className="empty">No likely duplicates of {person.firstName} were found.</p>
      )}
      <ul className="stack">
        {others.map((c) => (
          <li key={c.person.id} className="row compact">
            <span className="grow">
              <strong>{fullName(c.person)}</strong>
              <span className="muted">
                {' '}
                {[c.familyName, c.person.phones[0], c.reasons.join(', ')]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </span>
            {confirm === c.person.id ? (
              <button
                type="button"
                className="button danger small"
                onClick={() => void merge(c.person.id)}
              >
                Yes, merge into {person.firstName}
              </button>
            ) : (
              <button
                type="button"
                className="button small"
                onClick={() => setConfirm(c.person.id)}
              >
                Merge…
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onDone(false)} data-autofocus>
          Close
        </button>
      </div>
    </Dialog>
  );
}
