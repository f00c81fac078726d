import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { exactDate, schoolToday } from '../../ui/format';
import { FollowUpItem } from '../families/FollowUpsPanel';
import { StudentFinder } from '../families/StudentFinder';
import { LockIcon } from '../../ui/icons';
import { HealthOfficeReport } from './HealthOfficeReport';
import { MedicationsToday } from './MedicationsToday';
import { OfficeVisits } from './OfficeVisits';
import { t } from '../../i18n/intl';

interface HealthScreenProps {
  viewerId: string;
  school: string;
  timeZone: string;
  onOpenStudent: (studentId: string) => void;
}

/**
 * The nurse's day: today's office visits, medications due, care-plan students away, the
 * team's follow-ups and confidential wellness notes.
 */
export function HealthScreen({ viewerId, school, timeZone, onOpenStudent }: HealthScreenProps) {
  const [version, setVersion] = useState(0);
  const mine = useCall('followUp.mine', {}, version);
  const notes = useCall('note.recent', { visibility: 'team:health', limit: 50 }, version);
  const today = schoolToday(timeZone);
  return (
    <div className="health">
      <h1>{t({ defaultMessage: 'Health', id: 'hlmkcL' })}</h1>
      <p className="confidential-banner">
        <LockIcon /> <strong>{t({ defaultMessage: 'Confidential.', id: 'MA0TU5' })}</strong>{' '}
        {t({
          defaultMessage:
            'Health notes and follow-ups are readable only by the health team. Each time one is opened, the audit log records who opened it.',
          id: 'adPpT6',
        })}
      </p>
      <OfficeVisits school={school} timeZone={timeZone} />
      <MedicationsToday
        viewerId={viewerId}
        onOpenStudent={onOpenStudent}
        onRecorded={() => setVersion((n) => n + 1)}
      />
      <section className="card">
        <StudentFinder
          onOpen={onOpenStudent}
          label={t({
            defaultMessage: 'Write or read a wellness note: find a student',
            id: 'gF0E55',
          })}
        />
      </section>
      <div className="record-columns">
        <section className="card" aria-labelledby="my-follow-ups-title">
          <h2 id="my-follow-ups-title">{t({ defaultMessage: 'My follow-ups', id: 'KL0ZIF' })}</h2>
          {mine.error !== undefined && <p role="alert">{errorMessage(mine.error)}</p>}
          {mine.data?.length === 0 && (
            <p className="empty">
              {t({ defaultMessage: 'Nothing due. Well done.', id: 'mGfUYu' })}
            </p>
          )}
          <ul className="note-list">
            {mine.data?.map((f) => (
              <FollowUpItem
                key={f.id}
                followUp={f}
                today={today}
                showStudent={onOpenStudent}
                onChanged={() => setVersion((n) => n + 1)}
              />
            ))}
          </ul>
        </section>
        <section className="card" aria-labelledby="health-notes-title">
          <h2 id="health-notes-title">
            {t({ defaultMessage: 'Recent health notes', id: 'Fxgfti' })}
          </h2>
          {notes.error !== undefined && <p role="alert">{errorMessage(notes.error)}</p>}
          {notes.data?.length === 0 && (
            <p className="empty">{t({ defaultMessage: 'No health notes yet.', id: 'RzNgVw' })}</p>
          )}
          <ul className="note-list">
            {notes.data?.map(
              (n) =>
                n.access === 'open' && (
                  <li key={n.revisionId} className="note">
                    <div className="note-head">
                      <strong>{n.subject}</strong>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onOpenStudent(n.studentId)}
                      >
                        {n.studentName}
                      </button>
                    </div>
                    <p className="note-body">{n.body}</p>
                    <p className="muted small-text">
                      {n.authorName} · {exactDate(n.createdAt)}
                    </p>
                  </li>
                ),
            )}
          </ul>
        </section>
      </div>
      <HealthOfficeReport timeZone={timeZone} refresh={version} />
    </div>
  );
}
