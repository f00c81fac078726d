import type { Staff, VisitView } from '../../../contract';
import { Dialog } from '../../ui/Dialog';
import { fullName } from '../../ui/format';
import { FollowUpForm } from '../follow-ups/FollowUpForm';
import { t } from '../../i18n/intl';

/** Something a walk-in needs done later, kept with the visit it came from. */
export function WalkInFollowUpDialog({
  visit,
  viewer,
  timeZone,
  onDone,
}: {
  visit: VisitView;
  viewer: Staff;
  timeZone: string;
  onDone: (saved: boolean) => void;
}) {
  return (
    <Dialog
      size="wide"
      title={t(
        { defaultMessage: 'Follow-up from {name}’s visit', id: 'GJPadi' },
        { name: visit.visitorName },
      )}

      onCancel={() => onDone(false)}
    >
      <FollowUpForm
        students={visit.students.map((s) => ({ id: s.id, name: fullName(s) }))}
        origin={{
          personId: visit.personId,
          householdId: null,
          originKind: 'walk_in',
          originId: visit.id,
        }}
        viewer={viewer}
        timeZone={timeZone}
        onSaved={() => onDone(true)}
        onCancel={() => onDone(false)}
      />
    </Dialog>
  );
}
