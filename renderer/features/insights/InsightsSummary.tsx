import { SMALL, shownCount, shownShare, type Insights, type Measure } from '../../../contract';
import { dayWords, HOME_VISIT_STATUS_WORDS, languageName } from '../../ui/format';
import { Printable } from '../../ui/Printable';

function Line({ label, measure, unit }: { label: string; measure: Measure; unit: string }) {
  return (
    <tr>
      <th scope="row">{label}</th>
      <td>{shownShare(measure)}</td>
      <td>
        {shownCount(measure.count)} of {shownCount(measure.of)} {unit}
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
    <Printable label="Printable summary" onClose={onClose}>
      <article className="printable-page insights-summary">
        <header>
          <p className="muted">{school}</p>
          <h1>Our partnership with families</h1>
          <p>
            {dayWords(f.period.from)} to {dayWords(f.period.to)} · {scope} ·{' '}
            {shownCount(f.families)} families
          </p>
        </header>
        <table className="log-table">
          <caption className="visually-hidden">The figures</caption>
          <tbody>
            <Line label="Good news first" measure={f.positiveFirst} unit="students" />
            <Line label="Good news in the period" measure={f.goodNews} unit="families" />
            <Line label="Still waiting for good news" measure={f.waiting} unit="families" />
            <Line label="Contacted in the period" measure={f.contacted} unit="families" />
            <Line
              label="Started by families"
              measure={f.twoWay.startedByFamilies}
              unit="contacts"
            />
            <Line
              label="With an interpreter, where one is needed"
              measure={{ count: f.languages.interpreterUsed, of: f.languages.needInterpreter }}
              unit="contacts"
            />
            <Line
              label="Carried by liaisons and coordinators"
              measure={f.everyone.liaisonShare}
              unit="contacts"
            />
            <Line
              label="Families with a strength recorded"
              measure={f.strengths.withStrength}
              unit="families"
            />
          </tbody>
        </table>
        <h2>Family voice</h2>
        <p>
          Raised {shownCount(f.voice.raised)} · heard {shownCount(f.voice.heard)} · acted on{' '}
          {shownCount(f.voice.acted)} · told {shownCount(f.voice.told)}
          {f.voice.medianDaysToTold !== null && f.voice.told > 4
            ? ` · told in ${f.voice.medianDaysToTold} days (median)`
            : ''}
        </p>
        <h2>Reach by home language</h2>
        <table className="log-table">
          <thead>
            <tr>
              <th scope="col">Home language</th>
              <th scope="col">Families</th>
              <th scope="col">Contacted</th>
              <th scope="col">Good news</th>
            </tr>
          </thead>
          <tbody>
            {f.reach.language.map((r) => (
              <tr key={r.value}>
                <th scope="row">
                  {r.value ? (languageName(r.value) ?? r.value) : 'None recorded'}
                </th>
                <td>{shownCount(r.families)}</td>
                <td>{shownShare({ count: r.contacted, of: r.families })}</td>
                <td>{shownShare({ count: r.goodNews, of: r.families })}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h2>Home visits</h2>
        <p>
          {Object.entries(HOME_VISIT_STATUS_WORDS)
            .map(
              ([status, words]) =>
                `${words}: ${shownCount(f.homeVisits.byStatus[status as keyof typeof HOME_VISIT_STATUS_WORDS])}`,
            )
            .join(' · ')}
        </p>
        <footer className="small-text muted">
          Counts from 1 to 4 are shown as “{SMALL}”, and a share that would reveal one is withheld,
          so that no family can be recognised from this page.
        </footer>
      </article>
    </Printable>
  );
}
