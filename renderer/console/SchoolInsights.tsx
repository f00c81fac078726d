import { format } from 'date-fns';
import { useEffect, useState } from 'react';
import { toCsv } from '../../contract/csv';
import { schoolYearOf } from '../../contract/insights/periods';
import { SMALL } from '../../contract/insights/share';
import {
  districtInsightsSchema,
  periodSchema,
  type DistrictInsights,
} from '../../contract/insights/view';
import type { ServerStaff } from '../../contract/server';
import { t } from '../i18n/intl';
import { errorMessage } from '../i18n/said';
import { downloadCsv } from '../ui/download';
import { FieldError } from '../ui/FieldError';
import { request } from './api';
import { useSchools } from './SchoolPicker';

/** A figure of the district's rows (contract/insights/share.ts) by section, row and column. */
function figure(insights: DistrictInsights, section: string, row: string, column: string) {
  return insights.rows.find((r) => r[0] === section && r[1] === row && r[2] === column)?.[3];
}

/** A shared figure in the window's language: small counts and shares stay withheld. */
function shownWords(value: string | undefined): string {
  if (value === undefined || value === '—') return '—';
  if (value === SMALL) return t({ defaultMessage: 'fewer than 5', id: 'CUpGIp' });
  if (value === 'withheld') return t({ defaultMessage: 'withheld', id: 'GR/WXl' });
  return value;
}

/** The headline measures of the Insights screen, one column each. */
const COLUMNS: {
  heading: () => string;
  section: string;
  row: string;
}[] = [
  {
    heading: () => t({ defaultMessage: 'Good news first', id: 'BHwNGy' }),
    section: 'Positive contact first',
    row: 'Good news first (students)',
  },
  {
    heading: () => t({ defaultMessage: 'Families contacted', id: 'IT/aPE' }),
    section: 'Positive contact first',
    row: 'Contacted in the period',
  },
  {
    heading: () => t({ defaultMessage: 'Started by families', id: 'IShu+U' }),
    section: 'Two-way',
    row: 'Started by families',
  },
];

/**
 * The partnership picture per school over a period: each school's headline figures, counted
 * by the server from school-wide records, with small counts withheld as in every shared copy;
 * each school's full table as CSV.
 */
export function SchoolInsights({ admin }: { admin: ServerStaff }) {
  const { schools, error: schoolsError } = useSchools(admin);
  const [period, setPeriod] = useState(() => schoolYearOf(format(new Date(), 'yyyy-MM-dd')));
  const [figures, setFigures] = useState<Record<string, DistrictInsights | string>>({});

  // Figures are kept by period and school, so a changed period never shows the last one's.
  const keyOf = (schoolId: string) => `${period.from}|${period.to}|${schoolId}`;
  const periodProblem = periodSchema.safeParse(period).error?.issues[0]?.message;

  useEffect(() => {
    if (!schools || !periodSchema.safeParse(period).success) return;
    for (const school of schools) {
      const key = `${period.from}|${period.to}|${school.id}`;
      const query = new URLSearchParams({ schoolId: school.id, ...period });
      request('GET', `/v1/admin/insights?${query.toString()}`, districtInsightsSchema).then(
        (insights) => setFigures((all) => ({ ...all, [key]: insights })),
        (e: unknown) => setFigures((all) => ({ ...all, [key]: errorMessage(e) })),
      );
    }
  }, [schools, period]);

  return (
    <>
      <h1>{t({ defaultMessage: 'Insights by school', id: 'od3wiY' })}</h1>
      <p className="muted">
        {t({
          defaultMessage:
            'How each school’s partnership with families is going: shares of students whose families heard good news first, of families contacted, and of contacts families started. Counts under 5 are withheld so that no family can be recognised.',
          id: 'EvoP61',
        })}
      </p>
      <div className="toolbar">
        <label className="field">
          <span>{t({ defaultMessage: 'From', id: 'dM+p3/' })}</span>
          <input
            type="date"
            value={period.from}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, from: e.target.value }))}
          />
        </label>
        <label className="field">
          <span>{t({ defaultMessage: 'To', id: '9j3hXO' })}</span>
          <input
            type="date"
            value={period.to}
            onChange={(e) => e.target.value && setPeriod((p) => ({ ...p, to: e.target.value }))}
            aria-invalid={periodProblem !== undefined}
          />
          <FieldError
            field={t({ defaultMessage: 'The period', id: 'dc8QgJ' })}
            message={periodProblem}
          />
        </label>
      </div>
      {schoolsError && (
        <p role="alert" className="error-text">
          {schoolsError}
        </p>
      )}
      {schools && !periodProblem && (
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">{t({ defaultMessage: 'School', id: 'c9n6Sh' })}</th>
              <th scope="col">{t({ defaultMessage: 'Families', id: 'bkeZ+E' })}</th>
              {COLUMNS.map((c) => (
                <th scope="col" key={c.row}>
                  {c.heading()}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">
                  {t({ defaultMessage: 'Download', id: '5q3qC0' })}
                </span>
              </th>
            </tr>
          </thead>
          <tbody>
            {schools.map((school) => {
              const found = figures[keyOf(school.id)];
              return (
                <tr key={school.id}>
                  <th scope="row">{school.name}</th>
                  {typeof found === 'string' ? (
                    <td colSpan={COLUMNS.length + 2} className="error-text">
                      {found}
                    </td>
                  ) : found ? (
                    <>
                      <td>{shownWords(figure(found, 'Families', '', 'count'))}</td>
                      {COLUMNS.map((c) => (
                        <td key={c.row}>{shownWords(figure(found, c.section, c.row, 'share'))}</td>
                      ))}
                      <td>
                        <button
                          type="button"
                          className="button small"
                          aria-label={t(
                            { defaultMessage: 'Download {school}’s figures as CSV', id: 'jCtz2Z' },
                            { school: school.name },
                          )}
                          onClick={() =>
                            downloadCsv(
                              toCsv(found.rows),
                              `hearth-insights-${period.from}-${period.to}.csv`,
                            )
                          }
                        >
                          {t({ defaultMessage: 'CSV', id: '8UzT6d' })}
                        </button>
                      </td>
                    </>
                  ) : (
                    <td colSpan={COLUMNS.length + 2} className="muted">
                      {t({ defaultMessage: 'Counting…', id: 'jrdovp' })}
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
