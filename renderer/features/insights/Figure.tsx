import type { FamilyListFilter, Measure, MeasureDefinition } from '../../../contract';
import { share } from '../../../contract';
import { goTo } from '../../app/location';
import { EMPTY_FILTER, filterToParams } from '../families/familyFilter';
import { formatNumber, t } from '../../i18n/intl';
import { measureWords } from './measureWords';

/** "45%" ("45 %" in Spanish), or a dash when there is nothing to count. */
export const percent = (m: Measure): string => {
  const s = share(m);
  return s === null ? '—' : formatNumber(Math.round(s * 100) / 100, { style: 'percent' });
};

/** What a figure counts, after "12 of 40". */
export type FigureUnit =
  'students' | 'families' | 'contacts' | 'contactsNeedingInterpreter' | 'contactsWithLanguage';

/** Open the families list with a filter: every figure's worklist. */
export function openFamilies(filter: Partial<FamilyListFilter>): void {
  goTo('families', filterToParams({ ...EMPTY_FILTER, ...filter }).toString());
}

export interface Drill {
  label: string;
  filter: Partial<FamilyListFilter>;
}

/**
 * One figure: its share, what it is out of, the same days last year where there were any,
 * its definition (the measure's own words) and, where families are behind it, a way to them.
 */
export function Figure({
  measure,
  definition,
  unit,
  lastYear,
  drill,
}: {
  measure: Measure;
  definition: MeasureDefinition;
  unit: FigureUnit;

  lastYear?: Measure | null;
  drill?: Drill | null;
}) {
  const words = measureWords(definition);
  return (
    <div className="figure">
      <h3>{words.title}</h3>
      <p className="figure-number">{percent(measure)}</p>
      <p className="small-text">
        {t(
          {
            defaultMessage:
              '{count, number} of {of, number} {unit, select, students {students} families {families} contacts {contacts} contactsNeedingInterpreter {contacts with families who need one} other {contacts whose language was recorded}}',
            id: 'jwewsO',
          },
          { count: measure.count, of: measure.of, unit },
        )}
        {lastYear && lastYear.of > 0 && (
          <span className="muted">
            {' · '}
            {t(
              { defaultMessage: 'same days last year {share}', id: 'yDjSAN' },
              { share: percent(lastYear) },
            )}
          </span>
        )}
      </p>
      <details className="small-text">
        <summary>{t({ defaultMessage: 'What this counts', id: 'xdk8zz' })}</summary>
        <p>{words.definition}</p>
      </details>
      {drill && (
        <button
          type="button"
          className="link-button small-text"
          onClick={() => openFamilies(drill.filter)}
        >
          {drill.label}
        </button>
      )}
    </div>
  );
}
