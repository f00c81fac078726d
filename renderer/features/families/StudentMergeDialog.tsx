import { call } from '../../api/client';
import { useCall } from '../../api/useCall';
import { fullName, gradeLabel } from '../../ui/format';
import { MergeChooser } from './MergeChooser';
import { t } from '../../i18n/intl';

/**
 * Merge a student added here by hand with the record the roster brought (or two records
 * added here): the roster's record is always the one kept, since its next import updates it.
 */
export function StudentMergeDialog({
  studentId,
  onDone,
}: {
  studentId: string;
  onDone: (merged: boolean) => void;
}) {
  const detail = useCall('student.get', { id: studentId });
  const candidates = useCall('student.findDuplicates', { id: studentId });
  const student = detail.data?.student;
  if (!student) return null;
  const fromRoster = student.source === 'roster';
  return (
    <MergeChooser
      title={t(
        { defaultMessage: 'Merge a duplicate of {name}', id: '1JAkRi' },
        { name: fullName(student) },
      )}
      intro={t({
        defaultMessage:
          'Choose the record that is the same student. Links to caregivers, contacts, notes and follow-ups move to the record kept (the roster’s, where one came from the roster); the other disappears from lists and search.',
        id: 'fBIiQT',
      })}
      candidates={candidates.data?.map((c) => ({
        id: c.id,
        name: fullName(c),
        details: [
          gradeLabel(c.grade),
          c.source === 'roster'
            ? t({ defaultMessage: 'from the roster', id: 'El3WTq' })
            : t({ defaultMessage: 'added here', id: 'Vazg/Q' }),
        ]
          .filter(Boolean)
          .join(' · '),
        blocked:
          fromRoster && c.source === 'roster'
            ? t({
                defaultMessage:
                  'Both records come from the district’s roster; the district office corrects a doubled student there.',
                id: 'M6i6JR',
              })
            : null,
      }))}
      none={t(
        { defaultMessage: 'No likely duplicates of {name} were found.', id: '05hMu6' },
        { name: student.firstName },
      )}
      confirmLabel={t({ defaultMessage: 'Yes, they are the same student', id: 'dORhsS' })}

      onMerge={async (otherId) => {
        const keepOther =
          !fromRoster && candidates.data?.find((c) => c.id === otherId)?.source === 'roster';
        await call(
          'student.merge',
          keepOther
            ? { keepId: otherId, mergeId: studentId }
            : { keepId: studentId, mergeId: otherId },
        );
        onDone(true);
      }}
      onClose={() => onDone(false)}
    />
  );
}
