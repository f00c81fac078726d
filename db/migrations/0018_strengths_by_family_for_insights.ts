/**
 * Insights narrowed to a grade or language reads each chosen family's strengths through the
 * family index, which now holds all that is counted, instead of testing every strength of the
 * school against the chosen families (0016 put the family in the category index for that; it
 * leaves again, so the whole school's count by category reads a smaller index).
 */
export const sql = `
DROP INDEX strengths_by_kind_for_insights;
CREATE INDEX strengths_by_kind_for_insights ON strengths
  (school_id, consent, category, recorded_at, invited_at, contributed_at);
DROP INDEX strengths_by_family_for_insights;
CREATE INDEX strengths_by_family_for_insights ON strengths
  (school_id, consent, household_id, recorded_at, category, invited_at, contributed_at);
`;
