import { useState } from 'react';
import type { DoseDue, DoseView } from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { clockTime, gradeLabel, timeOfDay } from '../../ui/format';
import { Outcome, type OutcomeMessage } from '../../ui/Outcome';
import { DOSE_OUTCOME_WORDS, DOSE_STATE_WORDS, MED_ROUTE_WORDS } from './healthWords';
import { RecordDoseDialog, type DoseToRecord } from './RecordDoseDialog';

const toRecord = (d: DoseDue, corrects: DoseView | null = null): DoseToRecord => ({
  orderId: d.orderId,
  studentName: d.studentName,
  medication: d.medication,
  dose: d.dose,
  slot: d.slot,
  slots: [d.slot],
  secondCheck: d.secondCheck,
  outcome: 'given',
  corrects,
});

/** What was recorded, by whom and when: "Given 11:32 · Nia Nurse, checked by Omar Office". */
function recordedWords(d: DoseView): string {
  const what = d.content ? DOSE_OUTCOME_WORDS[d.content.outcome] : '…';
  const by = d.checkedByName
    ? t(
        { defaultMessage: '{name}, checked by {checker}', id: 'daO8gf' },
        { name: d.recordedByName, checker: d.checkedByName },
      )
    : d.recordedByName;
  return `${what} ${clockTime(d.content?.at ?? d.recordedAt)} · ${by}`;
}

/**
 * The nurse's day, medication side: today's scheduled doses (overdue first), the as-needed
 * orders, and students with a care plan known to be away. Each order shown is an audited read.
 */
export function MedicationsToday({
  viewerId,
  onOpenStudent,
  onRecorded,
}: {
  viewerId: string;
  onOpenStudent: (studentId: string) => void;
  /** A dose recorded may raise a follow-up (supply low): the screen's list reloads. */
  onRecorded: () => void;
}) {
  const [refresh, setRefresh] = useState(0);
  const [recording, setRecording] = useState<DoseToRecord | null>(null);
  const [message, setMessage] = useState<OutcomeMessage | null>(null);
  const day = useCall('health.day', {}, refresh);
  const waiting = day.data?.doses.filter((d) => d.state === 'overdue' || d.state === 'due').length;

  const studentButton = (d: { studentId: string; studentName: string }) => (
    <button type="button" className="link-button" onClick={() => onOpenStudent(d.studentId)}>
      {d.studentName}
    </button>
  );

  return (
    <>
      <section className="card" aria-labelledby="meds-today-title">
        <h2 id="meds-today-title">
          {t({ defaultMessage: 'Medications today', id: 'OsYU1U' })}{' '}
          {waiting !== undefined && waiting > 0 && <span className="count">{waiting}</span>}
        </h2>
        <Outcome message={message} />
        {day.error !== undefined && (
          <p role="alert" className="error-text">
            {errorMessage(day.error)}
          </p>
        )}
        {day.data?.doses.length === 0 && (
          <p className="empty">
            {t({ defaultMessage: 'No scheduled doses today.', id: '0dG7q/' })}
          </p>
        )}
        {day.data && day.data.doses.length > 0 && (
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t({ defaultMessage: 'Time', id: 'ug01Mk' })}</th>
                <th scope="col">{t({ defaultMessage: 'Student', id: 'UvFUuq' })}</th>
                <th scope="col">{t({ defaultMessage: 'Medication', id: 'venWl7' })}</th>
                <th scope="col">{t({ defaultMessage: 'Status', id: 'tzMNF3' })}</th>
                <th scope="col">
                  <span className="visually-hidden">
                    {t({ defaultMessage: 'Actions', id: 'wL7VAE' })}
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {day.data.doses.map((d) => (
                <tr key={`${d.orderId}-${d.slot}`} className={`dose-${d.state}`}>
                  <td>{d.slot && timeOfDay(d.slot)}</td>
                  <td>
                    {studentButton(d)} <span className="muted">{gradeLabel(d.grade)}</span>
                  </td>
                  <td>
                    {d.medication} · {d.dose}{' '}
                    <span className="muted">{MED_ROUTE_WORDS[d.route]}</span>
                  </td>
                  <td>
                    <span
                      className={`dose-state dose-state-${d.recorded?.content?.outcome ?? d.state}`}
                    >
                      {d.recorded ? recordedWords(d.recorded) : DOSE_STATE_WORDS[d.state]}
                    </span>
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button small"
                      onClick={() => {
                        setMessage(null);
                        setRecording(toRecord(d, d.recorded));
                      }}
                      aria-label={
                        d.recorded
                          ? t(
                              {
                                defaultMessage: 'Correct the {time} entry for {name}',
                                id: 'mHErbN',
                              },
                              { time: timeOfDay(d.slot ?? ''), name: d.studentName },
                            )
                          : t(
                              { defaultMessage: 'Record the {time} dose for {name}', id: 'i76vaq' },
                              { time: timeOfDay(d.slot ?? ''), name: d.studentName },
                            )
                      }
                    >
                      {d.recorded
                        ? t({ defaultMessage: 'Correct', id: '6NoIUl' })
                        : t({ defaultMessage: 'Record', id: '7Y6Yvq' })}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {day.data && day.data.asNeeded.length > 0 && (
          <>
            <h3>{t({ defaultMessage: 'As needed', id: 'l63rEa' })}</h3>
            <ul className="plain-list">
              {day.data.asNeeded.map((d) => (
                <li key={d.orderId} className="row wrap">
                  {studentButton(d)}
                  <span>
                    {d.medication} · {d.dose}
                  </span>
                  <span className="muted">
                    {t(
                      {
                        defaultMessage:
                          '{count, plural, =0 {none given today} one {# given today} other {# given today}}',
                        id: 'pyZauX',
                      },
                      { count: d.givenToday },
                    )}
                  </span>
                  <button
                    type="button"
                    className="button small"
                    onClick={() => {
                      setMessage(null);
                      setRecording(toRecord(d));
                    }}
                    aria-label={t(
                      { defaultMessage: 'Record a dose of {medication} for {name}', id: 'mZ4Vui' },
                      { medication: d.medication, name: d.studentName },
                    )}
                  >
                    {t({ defaultMessage: 'Record a dose', id: 'ZpcQyy' })}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      {day.data && day.data.carePlansAway.length > 0 && (
        <section className="card" aria-labelledby="care-plans-away-title">
          <h2 id="care-plans-away-title">
            {t({ defaultMessage: 'Students with a care plan who are away', id: 'waYL9j' })}
          </h2>
          <ul className="plain-list">
            {day.data.carePlansAway.map((a) => (
              <li key={a.studentId}>
                {studentButton(a)} <span className="muted">{gradeLabel(a.grade)}</span> ·{' '}
                {a.why === 'dismissed'
                  ? t(
                      { defaultMessage: 'signed out early at {time}', id: 'RKWLk+' },
                      { time: clockTime(a.since) },
                    )
                  : t({ defaultMessage: 'marked not in school at a dose', id: 'lt4I0O' })}
              </li>
            ))}
          </ul>
        </section>
      )}
      {recording && (
        <RecordDoseDialog
          dose={recording}
          viewerId={viewerId}
          onDone={(saved) => {
            setRecording(null);
            if (!saved) return;
            setMessage({
              ok: true,
              text: t(
                { defaultMessage: 'Recorded for {name}: {outcome}.', id: '1SkNuJ' },
                {
                  name: recording.studentName,
                  outcome: saved.content ? DOSE_OUTCOME_WORDS[saved.content.outcome] : '',
                },
              ),
            });
            setRefresh((n) => n + 1);
            onRecorded();
          }}
        />
      )}
    </>
  );
}
