import { subDays } from 'date-fns';
import { FileDown } from 'lucide-react';
import { useState } from 'react';
import { VISITOR_LOG_SHOWN, type VisitPurpose, type VisitorLogQuery } from '../../../contract';
import { call, errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { t } from '../../i18n/intl';
import { Outcome, type OutcomeMessage } from '../../ui/Outcome';
import { DayRange, hasFieldProblems } from '../../ui/DayRange';
import { downloadCsv } from '../../ui/download';
import {
  clockTime,
  fullName,
  gradeLabel,
  PURPOSES,
  purposeLabel,
  schoolDay,
  schoolToday,
} from '../../ui/format';
import { CautionIcon } from '../../ui/icons';

/**
 * The visitor log: every visit over the days chosen, by purpose or by a name (visitor,
 * student, whom they came to see), how long people stayed, and each student's late arrivals
 * and early dismissals. The CSV export is audited, as the families list's is.
 */
export function VisitorLog({ timeZone }: { timeZone: string }) {
  const today = schoolToday(timeZone);
  const [query, setQuery] = useState<VisitorLogQuery>({
    from: schoolToday(timeZone, subDays(new Date(), 6)),
    to: today,
    purpose: null,
    text: '',
  });
  const log = useCall('visit.log', query);
  const [exported, setExported] = useState<OutcomeMessage | null>(null);
  const fieldProblems = hasFieldProblems(log.error);
  const set = (change: Partial<VisitorLogQuery>) => {
    setExported(null);
    setQuery((q) => ({ ...q, ...change }));
  };
  const data = fieldProblems ? undefined : log.data;

  const exportLog = () =>
    call('visit.exportLog', query).then(
      ({ csv, count }) => {
        downloadCsv(csv, `visitor-log-${query.from}-to-${query.to}.csv`);
        setExported({
          ok: true,
          text: t(
            {
              defaultMessage:
                'Exported {count, plural, one {# visit} other {# visits}}. The audit log records this export.',
              id: 'pfqegz',
            },
            { count },
          ),
        });
      },
      (e: unknown) => setExported({ ok: false, text: errorMessage(e) }),
    );

  return (
    <div className="visitor-log">
      <h1>{t({ defaultMessage: 'Visitor log', id: 'R9c8qb' })}</h1>
      <section className="card" aria-labelledby="visitor-log-filters">
        <h2 id="visitor-log-filters" className="visually-hidden">
          {t({ defaultMessage: 'Which visits', id: '9puuy3' })}
        </h2>
        <div className="row wrap">
          <DayRange
            idPrefix="visitor-log"
            days={query}
            today={today}
            error={log.error}
            onChange={set}
          />
          <label className="field">
            <span>{t({ defaultMessage: 'Purpose', id: 'm0RdHL' })}</span>
            <select
              value={query.purpose ?? ''}
              onChange={(event) =>
                set({ purpose: (event.target.value || null) as VisitPurpose | null })
              }
            >
              <option value="">{t({ defaultMessage: 'Any purpose', id: 'xTSDIV' })}</option>
              {PURPOSES.map((p) => (
                <option key={p.value} value={p.value}>
                  {p.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span>{t({ defaultMessage: 'Visitor, student or whom they saw', id: 'F/boyR' })}</span>
            <input
              type="search"
              value={query.text}
              onChange={(event) => set({ text: event.target.value })}
            />
          </label>
        </div>
        <div className="row compact wrap">
          <button
            type="button"
            className="button small"
            onClick={() => void exportLog()}
            disabled={!data || data.total === 0}
          >
            <FileDown size={16} aria-hidden="true" />{' '}
            {t({ defaultMessage: 'Export these visits (CSV)', id: 'SFVgQL' })}
          </button>
          <Outcome message={exported} />
        </div>
      </section>

      {log.error !== undefined && !fieldProblems && (
        <p role="alert" className="error-text">
          {errorMessage(log.error)}
        </p>
      )}
      {data && (
        <>
          <p className="visitor-log-summary" aria-live="polite">
            {t(
              {
                defaultMessage:
                  '{total, plural, =0 {No visits} one {# visit} other {# visits}}{median, select, none {} other {; half of the visitors stayed {median} minutes or less}}.',
                id: '8Px8rR',
              },
              {
                total: data.total,
                median: data.medianMinutes === null ? 'none' : String(data.medianMinutes),
              },
            )}
            {data.total > data.rows.length &&
              ` ${t(
                {
                  defaultMessage: 'Showing the newest {shown}; narrow the days or export them all.',
                  id: 'VGkQBt',
                },
                { shown: VISITOR_LOG_SHOWN },
              )}`}
          </p>
          <div className="visitor-log-columns">
            <section className="card" aria-labelledby="visitor-log-visits">
              <h2 id="visitor-log-visits">{t({ defaultMessage: 'Visits', id: 'AqRInY' })}</h2>
              {data.total === 0 ? (
                <p className="empty">
                  {t({
                    defaultMessage:
                      'No visits match. Try more days, another purpose, or fewer words.',
                    id: 'cmpOl7',
                  })}
                </p>
              ) : (
                <table className="log-table">
                  <thead>
                    <tr>
                      <th scope="col">
                        {t({
                          defaultMessage: 'In',
                          id: 'XR7dOz',
                          description: 'when a visitor came in',
                        })}
                      </th>
                      <th scope="col">{t({ defaultMessage: 'Visitor', id: 'OGqTOQ' })}</th>
                      <th scope="col">{t({ defaultMessage: 'Purpose', id: 'm0RdHL' })}</th>
                      <th scope="col">{t({ defaultMessage: 'Students', id: 'uhwf+D' })}</th>
                      <th scope="col">{t({ defaultMessage: 'To see', id: 'ozr0R3' })}</th>
                      <th scope="col">{t({ defaultMessage: 'Stayed', id: 'MpC4rB' })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.rows.map((row) => (
                      <tr key={row.id}>
                        <td>
                          {schoolDay(row.signedInAt)}, {clockTime(row.signedInAt)}
                        </td>
                        <td>
                          {row.visitorName}
                          {row.warned && (
                            <span
                              className="warned-mark"
                              title={t({
                                defaultMessage: 'The desk was warned about this visit',
                                id: 'kCCyyL',
                              })}
                            >
                              {' '}
                              <CautionIcon />
                              <span className="visually-hidden">
                                {t({ defaultMessage: '(warned)', id: 'Y02JLg' })}
                              </span>
                            </span>
                          )}
                        </td>
                        <td>{purposeLabel(row.purpose)}</td>
                        <td>{row.students.map((s) => fullName(s)).join(', ')}</td>
                        <td>{row.seeing}</td>
                        <td>
                          {row.minutesStayed === null
                            ? t({ defaultMessage: 'Still in', id: 'mEKa3S' })
                            : t(
                                { defaultMessage: '{minutes} min', id: 'Rt7ew6' },
                                { minutes: row.minutesStayed },
                              )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section className="card" aria-labelledby="visitor-log-students">
              <h2 id="visitor-log-students">
                {t({ defaultMessage: 'Late arrivals and early dismissals', id: 'e3nwGc' })}
              </h2>
              {data.byStudent.length === 0 ? (
                <p className="empty">
                  {t({
                    defaultMessage:
                      'No drop-offs or pickups in these days. Students signed in late or out early show here.',
                    id: 'nfGwZh',
                  })}
                </p>
              ) : (
                <table className="log-table">
                  <thead>
                    <tr>
                      <th scope="col">{t({ defaultMessage: 'Student', id: 'UvFUuq' })}</th>
                      <th scope="col">{t({ defaultMessage: 'Late arrivals', id: 'iXmpKD' })}</th>
                      <th scope="col">{t({ defaultMessage: 'Early dismissals', id: 'dtckum' })}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.byStudent.map((s) => (
                      <tr key={s.student.id}>
                        <td>
                          {fullName(s.student)}{' '}
                          <span className="muted">· {gradeLabel(s.student.grade)}</span>
                        </td>
                        <td>{s.lateArrivals}</td>
                        <td>{s.earlyDismissals}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
