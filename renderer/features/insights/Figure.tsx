import type { FamilyListFilter, Measure, MeasureDefinition } from '../../../contract';
import { share } from '../../../contract';
import { goTo } from '../../app/location';
import { EMPTY_FILTER, filterToParams } from '../families/familyFilter';

/** "45%", or a dash when there is nothing to count. */
export const percent = (m: Measure): string => {
  const s = share(m);
  return s === null ? '—' : `${Math.round(s * 100)}%`;
};

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
  unit: string;
  lastYear?: Measure | null;
  drill?: Drill | null;
}) {
  return (
    <div className="figure">
      <h3>{definition.title}</h3>
      <p className="figure-number">{percent(measure)}</p>
      <p className="small-text">
        {measure.count.toLocaleString()} of {measure.of.toLocaleString()} {unit}
        {lastYear && lastYear.of > 0 && (
          <span className="muted"> · same days last year {percent(lastYear)}</span>
        )}
      </p>
      <details className="small-text">
        <summary>What this counts</summary>
        <p>{definition.definition}</p>
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
