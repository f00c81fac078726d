import { useState } from 'react';
import type { FamilyNote, HealthVisitView, StudentSummary } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { clockTime, gradeLabel } from '../../ui/format';
import { Outcome, type OutcomeMessage } from '../../ui/Outcome';
import { StudentFinder } from '../families/StudentFinder';
import { HEALTH_DISPOSITION_WORDS, HEALTH_REASON_WORDS } from './healthWords';
import { FamilyPaper } from '../../papers/FamilyPaper';
import { FamilyNoteDialog } from './FamilyNoteDialog';
import { OfficeVisitDialog } from './OfficeVisitDialog';

/**
 * Today's visits to the health office: find a student to log an arrival, end a visit when
 * the student leaves. Each visit shown is a read of health content, audited by the core.
 */
export function OfficeVisits({ school, timeZone }: { school: string; timeZone: string }) {
  const [refresh, setRefresh] = useState(0);
  const [arriving, setArriving] = useState<StudentSummary | null>(null);
  const [ending, setEnding] = useState<HealthVisitView | null>(null);
  const [message, setMessage] = useState<OutcomeMessage | null>(null);
  const [noting, setNoting] = useState<HealthVisitView | null>(null);
  const [note, setNote] = useState<FamilyNote | null>(null);
  // A fresh finder after each arrival: the last search's results do not linger.
  const [finder, setFinder] = useState(0);
  const today = useCall('health.today', {}, refresh);
  const here = today.data?.filter((v) => v.leftAt === null).length ?? 0;

  return (
    <section className="card office-visits" aria-labelledby="office-visits-title">
      <h2 id="office-visits-title">
        {t({ defaultMessage: 'Office visits today', id: 'Pr1nkH' })}{' '}
        <span className="count">{today.data?.length ?? 0}</span>
      </h2>
      <p className="muted">
        {t(
          {
            defaultMessage:
              '{here, plural, =0 {No one is with the nurse now.} one {# student is with the nurse now.} other {# students are with the nurse now.}}',
            id: 'PoYqCr',
          },
          { here },
        )}
      </p>
      <StudentFinder
        key={finder}
        label={t({ defaultMessage: 'Log an arrival: find a student', id: 'BTBPQ4' })}
        onOpen={(_id, student) => {
          setMessage(null);
          setArriving(student);
          setFinder((n) => n + 1);
        }}
      />
      <Outcome message={message} />
      {today.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(today.error)}
        </p>
      )}
      {today.data && today.data.length > 0 && (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">
                {t({ defaultMessage: 'In', id: 'XR7dOz', description: 'when a visitor came in' })}
              </th>
              <th scope="col">{t({ defaultMessage: 'Student', id: 'UvFUuq' })}</th>
              <th scope="col">{t({ defaultMessage: 'Why', id: 'iEhh6m' })}</th>
              <th scope="col">{t({ defaultMessage: 'Now', id: 'tgvES0' })}</th>
            </tr>
          </thead>
          <tbody>
            {today.data.map((v) => (
              <tr key={v.id}>
                <td>{clockTime(v.arrivedAt)}</td>
                <td>
                  {v.studentName} <span className="muted">· {gradeLabel(v.grade)}</span>
                </td>
                <td>{v.content ? HEALTH_REASON_WORDS[v.content.reason] : '…'}</td>
                <td>
                  {v.leftAt === null ? (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => setEnding(v)}
                      aria-label={t(
                        { defaultMessage: 'End the visit of {name}', id: 'SPBP/X' },
                        { name: v.studentName },
                      )}
                    >
                      {t({ defaultMessage: 'End the visit', id: 'Wj/duc' })}
                    </button>
                  ) : (
                    <>
                      {t(
                        { defaultMessage: 'Left at {time}: {how}', id: 'hIwAK4' },
                        {
                          time: clockTime(v.leftAt),
                          how: v.content?.disposition
                            ? HEALTH_DISPOSITION_WORDS[v.content.disposition]
                            : '…',
                        },
                      )}{' '}
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => {
                          setMessage(null);
                          setNoting(v);
                        }}
                        aria-label={t(
                          { defaultMessage: 'A note for the family of {name}', id: 'dYntRk' },
                          { name: v.studentName },
                        )}
                      >
                        {t({ defaultMessage: 'Note for the family', id: 'eOJQH0' })}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {(arriving || ending) && (
        <OfficeVisitDialog
          arriving={arriving}
          visit={ending}
          onDone={(saved) => {
            setArriving(null);
            setEnding(null);
            if (!saved) return;
            setMessage({
              ok: true,
              text:
                saved.leftAt === null
                  ? t(
                      { defaultMessage: '{name} is with the nurse.', id: 'YwvWxU' },
                      { name: saved.studentName },
                    )
                  : t(
                      { defaultMessage: '{name}’s visit has ended.', id: 'POb7zv' },
                      { name: saved.studentName },
                    ),
            });
            setRefresh((n) => n + 1);
          }}
        />
      )}
      {noting && (
        <FamilyNoteDialog
          visit={noting}
          onDone={(saved) => {
            setNoting(null);
            if (!saved) return;
            setNote(saved);
            setMessage({
              ok: true,
              text: saved.disclosureId
                ? t(
                    {
                      defaultMessage:
                        'The note is recorded in the family’s history, and as a disclosure to {name}.',
                      id: 'nIvOfW',
                    },
                    { name: saved.recipientName ?? '' },
                  )
                : t({
                    defaultMessage: 'The note is recorded in the family’s history.',
                    id: 'rgyxdO',
                  }),
            });
          }}
        />
      )}
      {note && (
        <FamilyPaper
          kind="nurse_visit"
          familyLanguage={note.language}
          values={{
            school,
            student: note.studentName,
            outcome: note.disposition,
            nurse: note.nurseName,
          }}
          texts={{ nurse: note.forFamily }}
          when={{ at: note.arrivedAt, timeZone }}
          onClose={() => setNote(null)}
        />
      )}
    </section>
  );
}
