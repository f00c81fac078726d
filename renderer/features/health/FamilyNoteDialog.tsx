import { useState } from 'react';
import type { FamilyNote, HealthVisitView } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { Dialog } from '../../ui/Dialog';
import { fullName, languageName } from '../../ui/format';
import { FormActions } from '../../ui/FormActions';

/**
 * Before a note about a visit goes home: whom it is for (a caregiver, or the student takes it
 * home) and what the nurse wants the family to know. Saving records it (a contact, and a
 * disclosure when the core says FERPA asks for one); the note is printed after.
 */
export function FamilyNoteDialog({
  visit,
  onDone,
}: {
  visit: HealthVisitView;
  onDone: (note: FamilyNote | null) => void;
}) {
  const caregivers = useCall('student.get', { id: visit.studentId }).data?.caregivers;
  const [personId, setPersonId] = useState('');
  const [forFamily, setForFamily] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!forFamily.trim()) {
      setError(t({ defaultMessage: 'Write what the family should know.', id: 'vRNJKX' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onDone(
        await call('health.familyNote', {
          visitId: visit.id,
          personId: personId || null,
          forFamily,
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={t(
        { defaultMessage: 'A note for the family of {name}', id: 'dYntRk' },
        { name: visit.studentName },
      )}
      onCancel={() => onDone(null)}
    >
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          <span>{t({ defaultMessage: 'For', id: 'olByc0' })}</span>
          <select value={personId} onChange={(e) => setPersonId(e.target.value)} data-autofocus>
            <option value="">
              {t({ defaultMessage: 'The student takes it home', id: 'o0rkc4' })}
            </option>
            {caregivers?.map(({ person, relationship }) => (
              <option key={person.id} value={person.id}>
                {fullName(person)} ({relationship}
                {person.homeLanguage ? `, ${languageName(person.homeLanguage)}` : ''})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'What the family should know', id: '+Pbn19' })}</span>
          <textarea
            rows={4}
            maxLength={1000}
            value={forFamily}
            onChange={(e) => {
              setForFamily(e.target.value);
              setError(null);
            }}
          />
        </label>
        <p className="muted small-text">
          {t({
            defaultMessage:
              'The family’s history records that a note went home, not what it says. A note for someone who is not the student’s legal guardian is also recorded as a disclosure.',
            id: 'towAOh',
          })}
        </p>
        <FormActions
          error={error}
          busy={busy}
          onCancel={() => onDone(null)}
          submitLabel={t({ defaultMessage: 'Record and print the note', id: 'q+y637' })}
        />
      </form>
    </Dialog>
  );
}
