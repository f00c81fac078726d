import { subDays } from 'date-fns';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { DayRange, hasFieldProblems, type Days } from '../../ui/DayRange';
import { gradeLabel, schoolToday, timeOfDay } from '../../ui/format';
import { DOSE_OUTCOME_WORDS, HEALTH_REASON_WORDS } from './healthWords';

/** One small table of counts: what, how many. */
function Counts<K>({
  title,
  rows,
  words,
}: {
  title: string;
  rows: { key: K; count: number }[];
  words: (key: K) => ReactNode;
}) {
  return (
    <table className="log-table report-table">
      <caption>{title}</caption>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td className="muted">{t({ defaultMessage: 'None', id: '450Fty' })}</td>
          </tr>
        )}
        {rows.map((row) => (
          <tr key={String(row.key)}>
            <th scope="row">{words(row.key)}</th>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The health team's report over the days chosen (the last 30 by default): office visits by
 * reason, hour of arrival and grade, and medication entries by what happened. Counts only.
 */
export function HealthOfficeReport({ timeZone, refresh }: { timeZone: string; refresh: number }) {
  const today = schoolToday(timeZone);
  const [days, setDays] = useState<Days>({
    from: schoolToday(timeZone, subDays(new Date(), 29)),
    to: today,
  });
  const report = useCall('health.report', days, refresh);
  const fieldProblems = hasFieldProblems(report.error);
  const data = fieldProblems ? undefined : report.data;

  return (
    <section className="card" aria-labelledby="health-report-title">
      <h2 id="health-report-title">
        {t({ defaultMessage: 'Health office report', id: 'FiGv4K' })}
      </h2>
      <div className="row wrap">
        <DayRange
          idPrefix="health-report"
          days={days}
          today={today}
          error={report.error}
          onChange={(change) => setDays((d) => ({ ...d, ...change }))}
        />
      </div>
      {report.error !== undefined && !fieldProblems && (
        <p role="alert" className="error-text">
          {errorMessage(report.error)}
        </p>
      )}
      {data && (
        <>
          <p>
            {t(
              {
                defaultMessage:
                  '{visits, plural, =0 {No office visits} one {# office visit} other {# office visits}} over these days.',
                id: 'hBJBgn',
              },
              { visits: data.visits },
            )}
            {data.unreadable > 0 &&
              ` ${t(
                {
                  defaultMessage:
                    '{count, plural, one {# visit is} other {# visits are}} not counted by reason: the health team’s key has not arrived on this computer yet.',
                  id: 'ssgFzG',
                },
                { count: data.unreadable },
              )}`}
          </p>
          <div className="report-grid">
            <Counts
              title={t({ defaultMessage: 'Visits by reason', id: 'PzLHRS' })}
              rows={data.byReason}
              words={(key) => HEALTH_REASON_WORDS[key]}
            />
            <Counts
              title={t({ defaultMessage: 'Visits by hour of arrival', id: 'qxONFN' })}
              rows={data.byHour}
              words={(hour) => timeOfDay(`${String(hour).padStart(2, '0')}:00`)}
            />
            <Counts
              title={t({ defaultMessage: 'Visits by grade', id: 'jLIKUV' })}
              rows={data.byGrade}
              words={gradeLabel}
            />
            <Counts
              title={t({ defaultMessage: 'Medication entries', id: 'JSPLGG' })}
              rows={data.doses}
              words={(key) => DOSE_OUTCOME_WORDS[key]}
            />
          </div>
        </>
      )}
    </section>
  );
}
