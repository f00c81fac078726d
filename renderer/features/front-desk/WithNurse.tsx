import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { clockTime, gradeLabel } from '../../ui/format';

/**
 * Students at the health office now, and those the nurse sent home, for the desk: nothing
 * clinical, only where they are and that a caregiver may take them. A pickup signed in for
 * the student (checked against the pickup list as any pickup is) takes them off this list.
 */
export function WithNurse({ refreshKey }: { refreshKey: number }) {
  const students = useCall('health.withNurse', {}, refreshKey).data ?? [];
  if (students.length === 0) return null;
  return (
    <section className="card with-nurse" aria-labelledby="with-nurse-title">
      <h2 id="with-nurse-title">
        {t({ defaultMessage: 'With the nurse', id: 'BqX2D+' })}{' '}
        <span className="count">{students.length}</span>
      </h2>
      <ul className="visit-list">
        {students.map((s) => (
          <li key={s.studentId} className="visit">
            <div className="visit-main">
              <strong>{s.studentName}</strong>{' '}
              <span className="muted">· {gradeLabel(s.grade)}</span>{' '}
              {s.releaseToCaregiver ? (
                <span className="pickup-mark pickup-see_office">
                  {t({
                    defaultMessage: 'Nurse: release to a caregiver on the pickup list',
                    id: 'eNOfg9',
                  })}
                </span>
              ) : (
                <span className="muted">
                  {t(
                    { defaultMessage: 'Since {time}', id: 'l0x89Q' },
                    { time: clockTime(s.arrivedAt) },
                  )}
                </span>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
