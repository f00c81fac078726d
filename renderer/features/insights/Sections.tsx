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
import { defineMessages } from 'react-intl';
import { roleName } from '../../ui/roles';
import { BarChart } from './BarChart';
import { Figure, openFamilies, percent } from './Figure';
import { measureWords } from './measureWords';
import { t, uiLanguage } from '../../i18n/intl';

/** What the screen is narrowed to, carried into every drill-down. */
export interface Scope {
  from: string;
  /** The period's last day when it ended before today; null when it reaches today. */
  to: string | null;
  grade: string | null;
  language: string | null;
}

const monthLabel = (month: string) =>
  new Date(`${month}-15T12:00:00Z`).toLocaleDateString(uiLanguage(), {
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
      <h2 id="positive-title">{t({ defaultMessage: 'Positive contact first', id: 'gzm0o9' })}</h2>
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
            label: t(
              {
                defaultMessage:
                  'See the {count, plural, one {# family} other {# families}} without good news',
                id: '1d2Ror',
              },
              { count: noGoodNews },
            ),
            filter: { ...base, noGoodNewsSince: scope.from, noGoodNewsThrough: scope.to },
          }}
        />
        <Figure
          measure={figures.waiting}
          definition={WAITING}
          unit="families"
          drill={{
            label: t(
              {
                defaultMessage:
                  'See the {count, plural, one {# family} other {# families}} still waiting',
                id: 'CtsmjV',
              },
              { count: figures.waiting.count },
            ),
            filter: { ...base, noGoodNews: true },
          }}
        />
        <Figure
          measure={figures.contacted}
          definition={{
            title: t({ defaultMessage: 'Contacted in the period', id: 'uNrvtR' }),
            definition: t({
              defaultMessage:
                'Of all the school’s families, the share the school was in contact with in the period.',
              id: '5/n0tF',
            }),
          }}
          unit="families"
          lastYear={last?.contacted}
          drill={{
            label: t(
              {
                defaultMessage:
                  'See the {count, plural, one {# family} other {# families}} not contacted',
                id: 'd1Oy6F',
              },
              { count: notContacted },
            ),
            filter: { ...base, notContactedSince: scope.from, notContactedThrough: scope.to },
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
      <h2 id="two-way-title">{t({ defaultMessage: 'Two-way', id: 'IcxN3r' })}</h2>
      <BarChart
        title={t({ defaultMessage: 'Contacts by month and by who started them', id: 'KHhCOR' })}
        series={CONTACT_DIRECTIONS.map((d) => ({ key: d, label: DIRECTION_WORDS[d] }))}
        groups={twoWay.months.map((m) => ({ label: monthLabel(m.month), values: m.byDirection }))}
      />
      <div className="figures">
        <Figure
          measure={twoWay.startedByFamilies}
          definition={{
            title: t({ defaultMessage: 'Started by families', id: 'IShu+U' }),
            definition: measureWords(TWO_WAY).definition,
          }}
          unit="contacts"
          lastYear={figures.lastYear?.startedByFamilies}
        />
        <div className="figure">
          <h3>{measureWords(VOICE).title}</h3>
          <p className="small-text">{voiceSteps(voice)}</p>
          <p className="small-text">
            {voice.medianDaysToTold === null
              ? t({ defaultMessage: 'No family has been told yet.', id: 'KR2M+0' })
              : t(
                  {
                    defaultMessage:
                      'Told in {days, plural, one {# day} other {# days}} (the median).',
                    id: 'Xk+h9m',
                  },
                  { days: voice.medianDaysToTold },
                )}
          </p>
          <p className="small-text">
            {t(
              { defaultMessage: 'Still open: {ages}', id: '1HPF0t' },
              {
                ages: VOICE_AGES.map((age) =>
                  t(
                    {
                      defaultMessage:
                        '{count} {age, select, under_1_week {under 1 week} 1_to_4_weeks {1 to 4 weeks} 1_to_3_months {1 to 3 months} other {over 3 months}}',
                      id: '0ioUs6',
                    },
                    { count: voice.openByAge[age], age: age.replaceAll(' ', '_') },
                  ),
                ).join(' · '),
              },
            )}
          </p>
          <details className="small-text">
            <summary>{t({ defaultMessage: 'What this counts', id: 'xdk8zz' })}</summary>
            <p>{measureWords(VOICE).definition}</p>
          </details>
          <button
            type="button"
            className="link-button small-text"
            onClick={() =>
              openFamilies({ grade: scope.grade, language: scope.language, openVoice: true })
            }
          >
            {t({ defaultMessage: 'See the families with items still open', id: 'Y49M/i' })}
          </button>
        </div>
      </div>
    </section>
  );
}

/** "Raised 4 · heard 3 · acted on 2 · told 1". */
export const voiceSteps = (voice: Record<'raised' | 'heard' | 'acted' | 'told', string | number>) =>
  t(
    {
      defaultMessage: 'Raised {raised} · heard {heard} · acted on {acted} · told {told}',
      id: 'fAxZgd',
    },
    voice,
  );

const GROUP_WORDS = defineMessages<ReachGroup>({
  language: { defaultMessage: 'Home language', id: 'ItVlvf' },
  interpreter: { defaultMessage: 'Needs an interpreter', id: '4XkLNd' },
  grade: { defaultMessage: 'Grade', id: 'qXTiEd' },
  channel: { defaultMessage: 'Preferred channel', id: 'fTc71m' },
});

function groupValueWords(group: ReachGroup, value: string): string {
  if (value === '') return t({ defaultMessage: 'None recorded', id: '/rk7c5' });
  if (group === 'language') return languageName(value) ?? value;
  if (group === 'grade') return gradeLabel(value);
  if (group === 'channel') return CHANNEL_WORDS[value as Channel] ?? value;
  return value === 'yes'
    ? t({ defaultMessage: 'Yes', id: 'a5msuh' })
    : t({ defaultMessage: 'No', id: 'oUWADl' });
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
        <h2 id="reach-title">{measureWords(REACH).title}</h2>
        <label className="field inline">
          <span>{t({ defaultMessage: 'Group by', id: 'HWWSQ/' })}</span>
          <select value={group} onChange={(e) => setGroup(e.target.value as ReachGroup)}>
            {REACH_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(GROUP_WORDS[g])}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small-text">{measureWords(REACH).definition}</p>
      <div className="table-scroll">
        <table className="log-table">
          <caption className="visually-hidden">
            {t(
              { defaultMessage: 'Reach by {group}', id: '8mCw0h' },
              { group: t(GROUP_WORDS[group]) },
            )}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t(GROUP_WORDS[group])}</th>
              <th scope="col">{t({ defaultMessage: 'Families', id: 'bkeZ+E' })}</th>
              <th scope="col">{t({ defaultMessage: 'Contacted', id: '6O9OMe' })}</th>
              <th scope="col">{t({ defaultMessage: 'Good news', id: 'qz6BY+' })}</th>
              <th scope="col">
                {t({ defaultMessage: 'Days since last contact (median)', id: 'umYjiz' })}
              </th>
              <th scope="col">{t({ defaultMessage: 'Never contacted', id: 'AtPrZu' })}</th>
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
                            notContactedThrough: scope.to,
                          })
                        }
                      >
                        {t(
                          {
                            defaultMessage: '{count} not',
                            id: 'PVoI6A',
                            description: 'families not contacted',
                          },
                          { count: notContacted },
                        )}
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
          definition={{
            title: t({ defaultMessage: 'With an interpreter', id: '0bzoMl' }),
            definition: measureWords(INTERPRETERS).definition,
          }}
          unit="contactsNeedingInterpreter"
        />
        <Figure
          measure={{ count: languages.inFamilyLanguage, of: languages.withLanguage }}
          definition={{
            title: t({ defaultMessage: 'In the family’s language', id: 'vN2xZX' }),
            definition: measureWords(INTERPRETERS).definition,
          }}
          unit="contactsWithLanguage"
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
      <h2 id="everyone-title">{measureWords(EVERYONE).title}</h2>
      <p className="muted small-text">{measureWords(EVERYONE).definition}</p>
      <BarChart
        title={t({ defaultMessage: 'Contacts by staff role', id: 'RrCuWb' })}
        series={[{ key: 'contacts', label: t({ defaultMessage: 'Contacts', id: '4S241U' }) }]}
        groups={roles.map(([role, n]) => ({ label: roleName(role), values: { contacts: n } }))}
      />
      <BarChart
        title={t({
          defaultMessage: 'Different staff who contacted families, by month',
          id: 'Dy+k4m',
        })}
        series={[{ key: 'staff', label: t({ defaultMessage: 'Staff', id: 'gFJ4sU' }) }]}
        groups={everyone.months.map((m) => ({
          label: monthLabel(m.month),
          values: { staff: m.staff },
        }))}
      />
      <p>
        {t(
          {
            defaultMessage:
              'Liaisons and coordinators made {share} of the contacts ({count} of {of}).',
            id: 'FK34xF',
          },
          {
            share: percent(everyone.liaisonShare),
            count: everyone.liaisonShare.count,
            of: everyone.liaisonShare.of,
          },
        )}
        {everyone.trend === 'narrowing' &&
          ` ${t({
            defaultMessage:
              'Their share grew while everyone else made fewer contacts: partnership is resting on fewer shoulders.',
            id: 'ezpMLj',
          })}`}
      </p>
    </section>
  );
}

export function StrengthsAndVisits({ figures }: { figures: Insights }) {
  const { strengths, homeVisits } = figures;
  const categories = Object.entries(strengths.byCategory) as [StrengthCategory, number][];
  return (
    <section className="card" aria-labelledby="strengths-visits-title">
      <h2 id="strengths-visits-title">
        {t({ defaultMessage: 'Strengths and home visits', id: 'fFjj7M' })}
      </h2>
      <div className="figures">
        <Figure measure={strengths.withStrength} definition={STRENGTHS} unit="families" />
        <div className="figure">
          <h3>{t({ defaultMessage: 'Strengths by kind', id: 'dhSnzc' })}</h3>
          <p className="small-text">
            {t(
              {
                defaultMessage:
                  'Invited to share in the period: {invited} · contributed by families: {contributed}',
                id: 'cu9JRa',
              },
              { invited: strengths.invited, contributed: strengths.contributed },
            )}
          </p>
          {categories.length === 0 && (
            <p className="small-text">
              {t({ defaultMessage: 'None recorded yet.', id: 'TjdlM6' })}
            </p>
          )}
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
        <p className="empty">
          {t({ defaultMessage: 'No home visits were scheduled in the period.', id: 'Rp0WKD' })}
        </p>
      ) : (
        <BarChart
          title={t(
            { defaultMessage: '{measure} by grade', id: 'P5zIf2' },
            { measure: measureWords(HOME_VISITS).title },
          )}
          series={HOME_VISIT_STATUSES.map((s) => ({ key: s, label: HOME_VISIT_STATUS_WORDS[s] }))}
          groups={homeVisits.byGrade.map((g) => ({
            label: g.grade === '' ? t({ defaultMessage: 'No student', id: 'Uc/1YY' }) : g.grade,

            values: g.byStatus,
          }))}
        />
      )}
      <p className="small-text">
        {t(
          { defaultMessage: 'In all: {counts}.', id: '/unwRf' },
          {
            counts: HOME_VISIT_STATUSES.map((s) =>
              t(
                { defaultMessage: '{count} {status}', id: 'e6QlEr' },
                {
                  count: homeVisits.byStatus[s],
                  status: HOME_VISIT_STATUS_WORDS[s].toLocaleLowerCase(uiLanguage()),
                },
              ),
            ).join(' · '),
          },
        )}{' '}
        {measureWords(HOME_VISITS).definition}
      </p>
    </section>
  );
}
