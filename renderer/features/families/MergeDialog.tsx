import type { Person } from '../../../contract';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { fullName } from '../../ui/format';
import { MergeChooser } from './MergeChooser';

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
  return (
    <MergeChooser
      title={`Merge a duplicate into ${fullName(person)}`}
      intro={`Choose the record that is the same person. Its visits, contacts, links to students, strengths and notes move to ${person.firstName}; the duplicate disappears from search.`}
      candidates={candidates.data
        ?.filter((c) => c.person.id !== person.id)
        .map((c) => ({
          id: c.person.id,
          name: fullName(c.person),
          details: [c.familyName, c.person.phones[0], c.reasons.join(', ')]
            .filter(Boolean)
            .join(' · '),
          blocked: null,
        }))}
      none={`No likely duplicates of ${person.firstName} were found.`}
      confirmLabel={`Yes, merge into ${person.firstName}`}
      onMerge={async (mergeId) => {
        await call('person.merge', { keepId: person.id, mergeId });
        onDone(true);
      }}
      onClose={() => onDone(false)}
    />
  );
}
