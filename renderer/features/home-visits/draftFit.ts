import { HOME_VISIT_LIMITS, type HomeVisitDraft } from '../../../contract';

/** A part of the record typed past its limit: where, by how much, and the limit. */
export interface Overflow {
  path: string;
  over: number;
  max: number;
}

/**
 * The draft as it can be saved: each part typed past its limit is saved up to the limit
 * (the whole text stays on screen), and named, so autosave never stops for one long field
 * and the person learns at once which field to shorten.
 */
export function fitDraft(draft: HomeVisitDraft): { fitted: HomeVisitDraft; overflows: Overflow[] } {
  const overflows: Overflow[] = [];
  const fit = (path: string, value: string, max: number) => {
    if (value.length <= max) return value;
    overflows.push({ path, over: value.length - max, max });
    return value.slice(0, max);
  };
  return {
    fitted: {
      ...draft,
      present: fit('present', draft.present, HOME_VISIT_LIMITS.present),
      hopes: fit('hopes', draft.hopes, HOME_VISIT_LIMITS.hopes),
      concerns: fit('concerns', draft.concerns, HOME_VISIT_LIMITS.concerns),
      strengths: draft.strengths.map((s, i) => ({
        ...s,
        description: fit(
          `strengths.${i}.description`,
          s.description,
          HOME_VISIT_LIMITS.strengthDescription,
        ),
      })),
      followUps: draft.followUps.map((f, i) => ({
        ...f,
        title: fit(`followUps.${i}.title`, f.title, HOME_VISIT_LIMITS.followUpTitle),
      })),
    },
    overflows,
  };
}
