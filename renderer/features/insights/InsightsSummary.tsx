import {
  HOME_VISIT_STATUSES,
  SMALL,
  shownCount as safeCount,
  shownShare as safeShare,
  type Insights,
  type Measure,
} from '../../../contract';
import { dayWords, HOME_VISIT_STATUS_WORDS, languageName } from '../../ui/format';
import { Printable } from '../../ui/Printable';
import { formatNumber, t } from '../../i18n/intl';
import { percent } from './Figure';
import { voiceSteps } from './Sections';

// The contract decides what may leave the school (contract/insights/share.ts); this words it.
const shownCount = (n: number): string =>
  safeCount(n) === SMALL ? t({ defaultMessage: 'fewer than 5', id: 'CUpGIp' }) : formatNumber(n);
const shownShare = (m: Measure): string =>
  safeShare(m) === 'withheld' ? t({ defaultMessage: 'withheld', id: 'GR/WXl' }) : percent(m);

function Line({
  label,
  measure,
  unit,
}: {
  label: string;
  measure: Measure;
  unit: 'students' | 'families' | 'contacts';
}) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{shownShare(measure)}</td>
      <td>
        {t(
          {
            defaultMessage:
              '{count} of {of} {unit, select, students {students} families {families} other {contacts}}',
            id: 'pathEM',
          },
          { count: shownCount(measure.count), of: shownCount(measure.of), unit },
        )}
      </td>
    </tr>
  );
}

/**
 * The one-page summary for a staff meeting. It may leave the school, so every count from 1 to
 * 4 is "fewer than 5" and a share that would give one away is withheld (contract/insights/share.ts).
 */
export function InsightsSummary({
  figures,
  school,
  scope,
  onClose,
}: {
  figures: Insights;
  school: string;
  scope: string;
  onClose: () => void;
}) {
  const f = figures;
  return (
    <Printable label={t({ defaultMessage: 'Printable summary', id: '/yWkas' })} onClose={onClose}>
      <article className="printable-page insights-summary">
        <header>
          <p className="muted">{school}</p>
          <h1>{t({ defaultMessage: 'Our partnership with families', id: 'ZvRrm0' })}</h1>
          <p>
            {t(
              { defaultMessage: '{from} to {to} · {scope} · {families} families', id: 'HOAUqq' },
              {
                from: dayWords(f.period.from),
                to: dayWords(f.period.to),
                scope,
                families: shownCount(f.families),
              },
            )}
          </p>
        </header>
        <table className="log-table">
          <caption className="visually-hidden">
            {t({ defaultMessage: 'The figures', id: 'vzhzwd' })}
          </caption>
          <tbody>
            <Line
              label={t({ defaultMessage: 'Good news first', id: 'BHwNGy' })}
              measure={f.positiveFirst}
              unit="students"
            />
            <Line
              label={t({ defaultMessage: 'Good news in the period', id: 'vQ/3yj' })}
              measure={f.goodNews}
              unit="families"
            />
            <Line
              label={t({ defaultMessage: 'Still waiting for good news', id: 'AAtHwk' })}
              measure={f.waiting}
              unit="families"
            />
            <Line
              label={t({ defaultMessage: 'Contacted in the period', id: 'uNrvtR' })}
              measure={f.contacted}
              unit="families"
            />
            <Line
              label={t({ defaultMessage: 'Started by families', id: 'IShu+U' })}
              measure={f.twoWay.startedByFamilies}
              unit="contacts"
            />
            <Line
              label={t({
                defaultMessage: 'With an interpreter, where one is needed',
                id: 'iqA3+f',
              })}
              measure={{ count: f.languages.interpreterUsed, of: f.languages.needInterpreter }}
              unit="contacts"
            />
            <Line
              label={t({ defaultMessage: 'Carried by liaisons and coordinators', id: 'ZBsaH1' })}
              measure={f.everyone.liaisonShare}
              unit="contacts"
            />
            <Line
              label={t({ defaultMessage: 'Families with a strength recorded', id: 'yj5+cF' })}
              measure={f.strengths.withStrength}
              unit="families"
            />
          </tbody>
        </table>
        <h2>{t({ defaultMessage: 'Family voice', id: 'G5x1km' })}</h2>
        <p>
          {voiceSteps({
            raised: shownCount(f.voice.raised),
            heard: shownCount(f.voice.heard),
            acted: shownCount(f.voice.acted),
            told: shownCount(f.voice.told),
          })}
          {f.voice.medianDaysToTold !== null && f.voice.told > 4
            ? ` · ${t(
                {
                  defaultMessage: 'told in {days, plural, one {# day} other {# days}} (median)',
                  id: 'gPeSvD',
                },
                { days: f.voice.medianDaysToTold },
              )}`
            : ''}
        </p>
        <h2>{t({ defaultMessage: 'Reach by home language', id: 'pn9q/e' })}</h2>
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">{t({ defaultMessage: 'Home language', id: 'ItVlvf' })}</th>
              <th scope="col">{t({ defaultMessage: 'Families', id: 'bkeZ+E' })}</th>
              <th scope="col">{t({ defaultMessage: 'Contacted', id: '6O9OMe' })}</th>
              <th scope="col">{t({ defaultMessage: 'Good news', id: 'qz6BY+' })}</th>
            </tr>
          </thead>
          <tbody>
            {f.reach.language.map((r) => (
              <tr key={r.value}>
                <th scope="row">
                  {r.value
                    ? (languageName(r.value) ?? r.value)
                    : t({ defaultMessage: 'None recorded', id: '/rk7c5' })}
                </th>
                <td>{shownCount(r.families)}</td>
                <td>{shownShare({ count: r.contacted, of: r.families })}</td>
                <td>{shownShare({ count: r.goodNews, of: r.families })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>{t({ defaultMessage: 'Home visits', id: '6HvnFs' })}</h2>
        <p>
          {HOME_VISIT_STATUSES.map(
            (status) =>
              `${HOME_VISIT_STATUS_WORDS[status]}: ${shownCount(f.homeVisits.byStatus[status])}`,
          ).join(' · ')}
        </p>
        <footer className="small-text muted">
          {t({
            defaultMessage:
              'Counts from 1 to 4 are shown as “fewer than 5”, and a share that would reveal one is withheld, so that no family can be recognised from this page.',
            id: 'jtbBAJ',
          })}
        </footer>
      </article>
    </Printable>
  );
}
