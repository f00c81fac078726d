/**
 * Insights narrowed to a grade or language counts the chosen families' strengths by kind
 * from the same index as the whole school's: with the family in the index, SQLite tests each
 * strength against the chosen families without reading its row.
 */
export const sql = `
DROP INDEX strengths_by_kind_for_insights;
CREATE INDEX strengths_by_kind_for_insights ON strengths
  (school_id, consent, category, recorded_at, invited_at, contributed_at, household_id);
`;
