import { UserPlus } from 'lucide-react';
import { useState } from 'react';
import type { Household, Staff, VisitView } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { Dialog } from '../../ui/Dialog';
import { fullName } from '../../ui/format';
import { NewFamilyDialog } from '../families/NewFamilyDialog';
import { FollowUpForm } from '../follow-ups/FollowUpForm';
import { t } from '../../i18n/intl';

interface EnrollmentProps {
  visit: VisitView;
  viewer: Staff;
  timeZone: string;
  onOpenFamily: (householdId: string) => void;
  /** The family was started (or not), and the office's follow-up made (or skipped). */
  onDone: (message: string | null) => void;
}

/**
 * Someone came in to enroll: start their family in place. The visitor becomes a caregiver of
 * a new household, the children being enrolled its students, and the visit part of its
 * history; then a follow-up for the office is offered. A visitor who already has a family is
 * sent to that family's page to add the new student there.
 */
export function Enrollment({ visit, viewer, timeZone, onOpenFamily, onDone }: EnrollmentProps) {
  const person = useCall('person.get', visit.personId ? { id: visit.personId } : null);
  const [stage, setStage] = useState<'offer' | 'family' | { created: Household }>('offer');
  const created = typeof stage === 'object' ? stage.created : null;
  const family = useCall('family.get', created ? { householdId: created.id } : null);

  if (person.error !== undefined)
    return (
      <p role="alert" className="error-text">
        {errorMessage(person.error)}
      </p>
    );
  const visitor = person.data?.person;
  if (!visitor) return null;

  if (created) {
    const added = t({ defaultMessage: '{family} added.', id: 'gcKhHZ' }, { family: created.name });
    return (
      <Dialog
        size="wide"
        title={t(
          { defaultMessage: '{family} added. A follow-up for the office?', id: 'cvl0jU' },
          { family: created.name },
        )}
        onCancel={() => onDone(added)}
      >
        {family.data && (
          <FollowUpForm
            students={family.data.students.map(({ student }) => ({
              id: student.id,
              name: fullName(student),
            }))}
            origin={{
              personId: visitor.id,
              householdId: created.id,
              originKind: 'walk_in',
              originId: visit.id,
            }}
            viewer={viewer}
            timeZone={timeZone}
            onSaved={() =>
              onDone(
                t(
                  {
                    defaultMessage: '{family} added, with a follow-up for the office.',
                    id: 'ONoLHW',
                  },
                  { family: created.name },
                ),
              )
            }
            onCancel={() => onDone(added)}
          />
        )}
      </Dialog>
    );
  }

  return (
    <div className="enrollment" role="region" aria-labelledby="enrollment-title">
      <h2 id="enrollment-title">
        <UserPlus size={18} aria-hidden="true" />{' '}
        {t({ defaultMessage: '{name} came to enroll', id: 'qtI8m9' }, { name: fullName(visitor) })}
      </h2>
      {visitor.householdId ? (
        <p>
          {t(
            {
              defaultMessage:
                '{name} already has a family in Hearth. Add the new student on the family’s page.',
              id: 'XpbraC',
            },
            { name: visitor.firstName },
          )}{' '}
          <button
            type="button"
            className="button small"
            onClick={() => visitor.householdId && onOpenFamily(visitor.householdId)}
          >
            {t({ defaultMessage: 'Open the family', id: 'Z0Lfia' })}
          </button>
        </p>
      ) : (
        <p>
          {t({
            defaultMessage:
              'Start their family’s record now: their details, and the children being enrolled.',
            id: 'ybbiNY',
          })}
        </p>
      )}
      <div className="row compact">
        {!visitor.householdId && (
          <button
            type="button"
            className="button primary"
            onClick={() => setStage('family')}
            data-autofocus
          >
            {t({ defaultMessage: 'Start the family record', id: '5syukC' })}
          </button>
        )}
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t({ defaultMessage: 'Not now', id: 'dUCA4K' })}
        </button>
      </div>
      {stage === 'family' && (
        <NewFamilyDialog
          first={{ id: visitor.id, name: fullName(visitor), lastName: visitor.lastName }}
          visitId={visit.id}
          onDone={(household) => setStage(household ? { created: household } : 'offer')}
        />
      )}
    </div>
  );
}
