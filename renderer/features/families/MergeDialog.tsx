import type { Person } from '../../../contract';
import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { fullName } from '../../ui/format';
import { MergeChooser } from './MergeChooser';
import { t } from '../../i18n/intl';
import { DUPLICATE_REASON_WORDS } from '../../ui/format';

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
      title={t(
        { defaultMessage: 'Merge a duplicate into {name}', id: 'r9g3E9' },
        { name: fullName(person) },
      )}
      intro={t(
        {
          defaultMessage:
            'Choose the record that is the same person. Its visits, contacts, links to students, strengths and notes move to {name}; the duplicate disappears from search.',
          id: 'hArxII',
        },
        { name: person.firstName },
      )}
      candidates={candidates.data
        ?.filter((c) => c.person.id !== person.id)
        .map((c) => ({
          id: c.person.id,
          name: fullName(c.person),
          details: [
            c.familyName,
            c.person.phones[0],
            c.reasons.map((r) => DUPLICATE_REASON_WORDS[r]).join(', '),
          ]
            .filter(Boolean)
            .join(' · '),
          blocked: null,
        }))}
      none={t(
        { defaultMessage: 'No likely duplicates of {name} were found.', id: '05hMu6' },
        { name: person.firstName },
      )}
      confirmLabel={t(
        { defaultMessage: 'Yes, merge into {name}', id: 'NItcFO' },
        { name: person.firstName },
      )}

      onMerge={async (mergeId) => {
        await call('person.merge', { keepId: person.id, mergeId });
        onDone(true);
      }}
      onClose={() => onDone(false)}
    />
  );
}
