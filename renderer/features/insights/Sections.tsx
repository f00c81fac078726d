import { useState } from 'react';
import {
  CONTACT_DIRECTIONS,
  EVERYONE,
  GOOD_NEWS,
  HOME_VISIT_STATUSES,
  HOME_VISITS,
  INTERPRETERS,
  POSITIVE_FIRST,
  REACH,
  REACH_GROUPS,
  STRENGTHS,
  TWO_WAY,
  VOICE,
  VOICE_AGES,
  WAITING,
  type Channel,
  type FamilyListFilter,
  type Insights,
  type ReachGroup,
  type StaffRole,
  type StrengthCategory,
} from '../../../contract';
import {
  CHANNEL_WORDS,
  DIRECTION_WORDS,
  gradeLabel,
  HOME_VISIT_STATUS_WORDS,
  languageName,
  STRENGTH_CATEGORY_WORDS,
} from '../../ui/format';
import { plural } from '../../../contract';
import { roleName } from '../../ui/roles';
import { BarChart } from './BarChart';
import { Figure, openFamilies, percent } from './Figure';

/** What the screen is narrowed to, carried into every drill-down. */
export interface Scope {
  from: string;
  grade: string | null;
  language: string | null;
}

const monthLabel = (month: string) =>
  new Date(`${month}-15T12:00:00Z`).toLocaleDateString(undefined, {
    month: 'short',
    year: '2-digit',
  });

export function PositiveFirst({ figures, scope }: { figures: Insights; scope: Scope }) {
  const base = { grade: scope.grade, language: scope.language };
  const last = figures.lastYear;
  const notContacted = figures.contacted.of - figures.contacted.count;
  const noGoodNews = figures.goodNews.of - figures.goodNews.count;
  return (
    <section className="card" aria-labelledby="positive-title">
      <h2 id="positive-title">Positive contact first</h2>
      <div className="figures">
        <Figure
          measure={figures.positiveFirst}
          definition={POSITIVE_FIRST}
          unit="students"
          lastYear={last?.positiveFirst}
        />
        <Figure
          measure={figures.goodNews}
          definition={GOOD_NEWS}
          unit="families"
          lastYear={last?.goodNews}
          drill={{
            label: `See the ${plural(noGoodNews, 'family', 'families')} without good news`,
            filter: { ...base, noGoodNewsSince: scope.from },
          }}
        />
        <Figure
          measure={figures.waiting}
          definition={WAITING}
          unit="families"
          drill={{
            label: `See the ${plural(figures.waiting.count, 'family', 'families')} still waiting`,
            filter: { ...base, noGoodNews: true },
          }}
        />
        <Figure
          measure={figures.contacted}
          definition={{
            title: 'Contacted in the period',
            definition:
              'Of all the school’s families, the share the school was in contact with in the period.',
          }}
          unit="families"
          lastYear={last?.contacted}
          drill={{
            label: `See the ${plural(notContacted, 'family', 'families')} not contacted`,
            filter: { ...base, notContactedSince: scope.from },
          }}
        />
      </div>
    </section>
  );
}

export function TwoWay({ figures, scope }: { figures: Insights; scope: Scope }) {
  const { twoWay, voice } = figures;
  return (
    <section className="card" aria-labelledby="two-way-title">
      <h2 id="two-way-title">Two-way</h2>
      <BarChart
        title="Contacts by month and by who started them"
        series={CONTACT_DIRECTIONS.map((d) => ({ key: d, label: DIRECTION_WORDS[d] }))}
        groups={twoWay.months.map((m) => ({ label: monthLabel(m.month), values: m.byDirection }))}
      />
      <div className="figures">
        <Figure
          measure={twoWay.startedByFamilies}
          definition={{ title: 'Started by families', definition: TWO_WAY.definition }}
          unit="contacts"
          lastYear={figures.lastYear?.startedByFamilies}
        />
        <div className="figure">
          <h3>{VOICE.title}</h3>
          <p className="small-text">
            Raised {voice.raised} · heard {voice.heard} · acted on {voice.acted} · told {voice.told}
          </p>
          <p className="small-text">
            {voice.medianDaysToTold === null
              ? 'No family has been told yet.'
              : `Told in ${voice.medianDaysToTold} days (the median).`}
          </p>
          <p className="small-text">
            Still open: {VOICE_AGES.map((age) => `${voice.openByAge[age]} ${age}`).join(' · ')}
          </p>
          <details className="small-text">
            <summary>What this counts</summary>
            <p>{VOICE.definition}</p>
          </details>
          <button
            type="button"
            className="link-button small-text"
            onClick={() =>
              openFamilies({ grade: scope.grade, language: scope.language, openVoice: true })
            }
          >
            See the families with items still open
          </button>
        </div>
      </div>
    </section>
  );
}

const GROUP_WORDS: Record<ReachGroup, string> = {
  language: 'Home language',
  interpreter: 'Needs an interpreter',
  grade: 'Grade',
  channel: 'Preferred channel',
};

function groupValueWords(group: ReachGroup, value: string): string {
  if (value === '') return 'None recorded';
  if (group === 'language') return languageName(value) ?? value;
  if (group === 'grade') return gradeLabel(value);
  if (group === 'channel') return CHANNEL_WORDS[value as Channel] ?? value;
  return value === 'yes' ? 'Yes' : 'No';
}

function groupFilter(group: ReachGroup, value: string): Partial<FamilyListFilter> | null {
  if (value === '') return null;
  if (group === 'language') return { language: value };
  if (group === 'grade') return { grade: value };
  if (group === 'channel') return { channel: value as Channel };
  return value === 'yes' ? { interpreter: true } : null;
}

export function Reach({ figures, scope }: { figures: Insights; scope: Scope }) {
  const [group, setGroup] = useState<ReachGroup>('language');
  const { languages } = figures;
  return (
    <section className="card" aria-labelledby="reach-title">
      <div className="card-header">
        <h2 id="reach-title">{REACH.title}</h2>
        <label className="field inline">
          <span>Group by</span>
          <select value={group} onChange={(e) => setGroup(e.target.value as ReachGroup)}>
            {REACH_GROUPS.map((g) => (
              <option key={g} value={g}>
                {GROUP_WORDS[g]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small-text">{REACH.definition}</p>
      <div className="table-scroll">
        <table className="log-table">
          <caption className="visually-hidden">Reach by {GROUP_WORDS[group].toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">{GROUP_WORDS[group]}</th>
              <th scope="col">Families</th>
              <th scope="col">Contacted</th>
              <th scope="col">Good news</th>
              <th scope="col">Days since last contact (median)</th>
              <th scope="col">Never contacted</th>
            </tr>
          </thead>
          <tbody>
            {figures.reach[group].map((row) => {
              const filter = groupFilter(group, row.value);
              const notContacted = row.families - row.contacted;
              return (
                <tr key={row.value}>
                  <th scope="row">{groupValueWords(group, row.value)}</th>
                  <td>{row.families}</td>
                  <td>
                    {percent({ count: row.contacted, of: row.families })}{' '}
                    {filter && notContacted > 0 && (
                      <button
                        type="button"
                        className="link-button small-text"
                        onClick={() =>
                          openFamilies({
                            grade: scope.grade,
                            language: scope.language,
                            ...filter,
                            notContactedSince: scope.from,
                          })
                        }
                      >
                        {notContacted} not
                      </button>
                    )}
                  </td>
                  <td>{percent({ count: row.goodNews, of: row.families })}</td>
                  <td>{row.medianDaysSinceContact ?? '—'}</td>
                  <td>{row.neverContacted}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="figures">
        <Figure
          measure={{ count: languages.interpreterUsed, of: languages.needInterpreter }}
          definition={{ title: 'With an interpreter', definition: INTERPRETERS.definition }}
          unit="contacts with families who need one"
        />
        <Figure
          measure={{ count: languages.inFamilyLanguage, of: languages.withLanguage }}
          definition={{ title: 'In the family’s language', definition: INTERPRETERS.definition }}
          unit="contacts whose language was recorded"
        />
      </div>
    </section>
  );
}

export function Everyone({ figures }: { figures: Insights }) {
  const { everyone } = figures;
  const roles = (Object.entries(everyone.byRole) as [StaffRole, number][]).sort(
    ([, a], [, b]) => b - a,
  );
  return (
    <section className="card" aria-labelledby="everyone-title">
      <h2 id="everyone-title">{EVERYONE.title}</h2>
      <p className="muted small-text">{EVERYONE.definition}</p>
      <BarChart
        title="Contacts by staff role"
        series={[{ key: 'contacts', label: 'Contacts' }]}
        groups={roles.map(([role, n]) => ({ label: roleName(role), values: { contacts: n } }))}
      />
      <BarChart
        title="Different staff who contacted families, by month"
        series={[{ key: 'staff', label: 'Staff' }]}
        groups={everyone.months.map((m) => ({
          label: monthLabel(m.month),
          values: { staff: m.staff },
        }))}
      />
      <p>
        Liaisons and coordinators made {percent(everyone.liaisonShare)} of the contacts (
        {everyone.liaisonShare.count} of {everyone.liaisonShare.of}).
        {everyone.trend === 'narrowing' &&
          ' Their share grew while everyone else made fewer contacts: partnership is resting on fewer shoulders.'}
      </p>
    </section>
  );
}

export function StrengthsAndVisits({ figures }: { figures: Insights }) {
  const { strengths, homeVisits } = figures;
  const categories = Object.entries(strengths.byCategory) as [StrengthCategory, number][];
  return (
    <section className="card" aria-labelledby="strengths-visits-title">
      <h2 id="strengths-visits-title">Strengths and home visits</h2>
      <div className="figures">
        <Figure measure={strengths.withStrength} definition={STRENGTHS} unit="families" />
        <div className="figure">
          <h3>Strengths by kind</h3>
          <p className="small-text">
            Invited to share in the period: {strengths.invited} · contributed by families:{' '}
            {strengths.contributed}
          </p>
          {categories.length === 0 && <p className="small-text">None recorded yet.</p>}
          <ul className="small-text">
            {categories.map(([category, n]) => (
              <li key={category}>
                {STRENGTH_CATEGORY_WORDS[category]}: {n}
              </li>
            ))}
          </ul>
        </div>
      </div>
      {homeVisits.byGrade.length === 0 ? (
        <p className="empty">No home visits were scheduled in the period.</p>
      ) : (
        <BarChart
          title={`${HOME_VISITS.title} by grade`}
          series={HOME_VISIT_STATUSES.map((s) => ({ key: s, label: HOME_VISIT_STATUS_WORDS[s] }))}
          groups={homeVisits.byGrade.map((g) => ({
            label: g.grade === '' ? 'No student' : g.grade,
            values: g.byStatus,
          }))}
        />
      )}
      <p className="small-text">
        In all:{' '}
        {HOME_VISIT_STATUSES.map(
          (s) => `${homeVisits.byStatus[s]} ${HOME_VISIT_STATUS_WORDS[s].toLowerCase()}`,
        ).join(' · ')}
        . {HOME_VISITS.definition}
      </p>
    </section>
  );
}
