/**
 * Insights narrowed to a grade or language reads the chosen families' strengths, voice items
 * and home visits family by family (db/insights/gather.ts `byChosenFamily`), through indexes
 * led by the family that hold all that is counted, instead of testing every row of the school
 * against the chosen families. The family leaves the strengths' category index again (0016
 * put it there for the old way), so the whole school's count by category reads a smaller one.
 */
export const sql = `
DROP INDEX strengths_by_kind_for_insights;
CREATE INDEX strengths_by_kind_for_insights ON strengths
  (school_id, consent, category, recorded_at, invited_at, contributed_at);
DROP INDEX strengths_by_family_for_insights;
CREATE INDEX strengths_by_family_for_insights ON strengths
  (school_id, consent, household_id, recorded_at, category, invited_at, contributed_at);
CREATE INDEX voice_items_by_family_for_insights ON voice_items
  (school_id, household_id, raised_at, heard_at, acted_at, told_at);
CREATE INDEX home_visits_by_family_for_insights ON home_visits
  (school_id, household_id, scheduled_at, status);
`;
