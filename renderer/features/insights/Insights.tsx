import { FileDown, Printer } from 'lucide-react';
import { useState } from 'react';
import {
  PERIOD_KINDS,
  insightsRows,
  toCsv,
  presetPeriod,
  type Period,
  type PeriodKind,
} from '../../../contract';
import { errorMessage } from '../../api/client';
import { useCall } from '../../api/useCall';
import { downloadCsv } from '../../ui/download';
import { dayWords, gradeLabel, languageName, schoolToday } from '../../ui/format';
import { LanguagePicker } from '../../ui/LanguagePicker';
import { GradeOptions } from '../../ui/options';
import { Goals } from './Goals';
import { InsightsSummary } from './InsightsSummary';
import { Everyone, PositiveFirst, Reach, StrengthsAndVisits, TwoWay } from './Sections';
import { t } from '../../i18n/intl';
import { defineMessages } from 'react-intl';

const PERIOD_WORDS = defineMessages<PeriodKind>({
  year: { defaultMessage: 'This school year', id: 'oS1Asd' },
  term: { defaultMessage: 'This term', id: 'VXwyrJ' },
  month: { defaultMessage: 'This month', id: 'J3fNDZ' },
  custom: { defaultMessage: 'Choose the days…', id: 'm/i1Gi' },
});

/**
 * Insights: how the school's partnership with families is going, for a period, a grade and a
 * home language; every figure says what it counts and opens the families behind it. Loaded
 * only when opened (Shell.tsx), so the front desk's first load does not carry the charts.
 */
export default function Insights({
  timeZone,
  school,
  canSetGoals,
}: {
  timeZone: string;
  school: string;
  canSetGoals: boolean;
}) {
  const today = schoolToday(timeZone);
  const [kind, setKind] = useState<PeriodKind>('year');
  const [custom, setCustom] = useState<Period>(presetPeriod('term', today));
  const [grade, setGrade] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const period = kind === 'custom' ? custom : presetPeriod(kind, today);
  const valid = period.from <= period.to;
  const figures = useCall('insights.get', valid ? { period, grade, language } : null);
  const data = figures.data;
  // A period that ended before today bounds the drill-downs' gaps; one that reaches today needs
  // none (the families list then reads the latest contact, which is faster).
  const scope = { from: period.from, to: period.to < today ? period.to : null, grade, language };
  const [printing, setPrinting] = useState(false);
  const scopeWords = [
    grade ? gradeLabel(grade) : t({ defaultMessage: 'every grade', id: 'xQexZU' }),
    language
      ? (languageName(language) ?? language)
      : t({ defaultMessage: 'every home language', id: '0p/N+w' }),
  ].join(', ');
  if (printing && data)
    return (
      <InsightsSummary
        figures={data}
        school={school}
        scope={scopeWords}
        onClose={() => setPrinting(false)}
      />
    );

  return (
    <div className="insights">
      <div className="record-header">
        <h1>{t({ defaultMessage: 'Insights', id: 'xK7rmd' })}</h1>
        {data && data.families > 0 && (
          <div className="actions">
            <button type="button" className="button" onClick={() => setPrinting(true)}>
              <Printer size={16} aria-hidden="true" />{' '}
              {t({ defaultMessage: 'Print a summary', id: 'stFhaN' })}
            </button>
            <button
              type="button"
              className="button"
              onClick={() =>
                downloadCsv(
                  toCsv(insightsRows(data)),
                  `hearth-insights-${period.from}-to-${period.to}.csv`,
                )
              }
            >
              <FileDown size={16} aria-hidden="true" />{' '}
              {t({ defaultMessage: 'Download the figures (CSV)', id: 'v4hy96' })}
            </button>
          </div>
        )}
      </div>
      <p className="muted small-text">
        {t({
          defaultMessage:
            'Printed and downloaded figures may leave the school: counts from 1 to 4 are shown there as “fewer than 5”.',
          id: 'r2D49q',
        })}
      </p>
      <section
        className="card insights-filters"
        aria-label={t({ defaultMessage: 'What the figures cover', id: 'VpGGYl' })}
      >
        <div className="row">
          <label className="field">
            <span>{t({ defaultMessage: 'Period', id: 'jCNpEL' })}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
              {PERIOD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(PERIOD_WORDS[k])}
                </option>
              ))}
            </select>
          </label>
          {kind === 'custom' && (
            <>
              <label className="field">
                <span>{t({ defaultMessage: 'From', id: 'dM+p3/' })}</span>
                <input
                  type="date"
                  value={custom.from}
                  max={today}
                  onChange={(e) => e.target.value && setCustom({ ...custom, from: e.target.value })}
                />
              </label>
              <label className="field">
                <span>{t({ defaultMessage: 'To', id: '9j3hXO' })}</span>
                <input
                  type="date"
                  value={custom.to}
                  max={today}
                  aria-invalid={!valid}
                  aria-describedby={valid ? undefined : 'period-error'}
                  onChange={(e) => e.target.value && setCustom({ ...custom, to: e.target.value })}
                />
              </label>
            </>
          )}
          <label className="field">
            <span>{t({ defaultMessage: 'Grade', id: 'qXTiEd' })}</span>
            <select value={grade ?? ''} onChange={(e) => setGrade(e.target.value || null)}>
              <option value="">{t({ defaultMessage: 'Every grade', id: 'CezX38' })}</option>
              <GradeOptions />
            </select>
          </label>
          <LanguagePicker
            label={t({ defaultMessage: 'Home language', id: 'ItVlvf' })}
            value={language ?? ''}
            onChange={(code) => setLanguage(code || null)}
            emptyLabel={t({ defaultMessage: 'Every language', id: '2wb8dk' })}
          />
        </div>
        {valid ? (
          <p className="muted small-text" aria-live="polite">
            {t(
              { defaultMessage: '{from} to {to}', id: 'tXYVJd' },
              { from: dayWords(period.from), to: dayWords(period.to) },
            )}
            {data &&
              ` · ${t(
                {
                  defaultMessage: '{count, plural, one {# family} other {# families}}',
                  id: 'd/sMKK',
                },
                { count: data.families },
              )}`}
          </p>
        ) : (
          <p id="period-error" role="alert" className="error-text">
            {t({ defaultMessage: 'The period must start before it ends.', id: 'ZWzU5u' })}
          </p>
        )}
      </section>
      <Goals canSet={canSetGoals} today={today} />
      {figures.error !== undefined && (
        <p role="alert" className="error-text">
          {errorMessage(figures.error)}
        </p>
      )}
      {!data && figures.error === undefined && (
        <p className="muted">{t({ defaultMessage: 'Counting…', id: 'jrdovp' })}</p>
      )}
      {data && data.families === 0 && (
        <p className="empty">
          {t({
            defaultMessage:
              'No families yet: the figures come once families are added and contacts are logged.',
            id: 'w8XqNO',
          })}
        </p>
      )}
      {data && data.families > 0 && (
        <>
          <PositiveFirst figures={data} scope={scope} />
          <TwoWay figures={data} scope={scope} />
          <Reach figures={data} scope={scope} />
          <Everyone figures={data} />
          <StrengthsAndVisits figures={data} />
        </>
      )}
    </div>
  );
}
