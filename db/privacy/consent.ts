/**
 * The family's consent on a strength, in SQL: staff see strengths shared with staff, and the
 * recorder also sees the ones the family asked to keep with them. Bind `@viewer`. Every
 * query that reads strengths (profile, timeline, directory) must include it.
 */
export const strengthVisibleSql = (alias: string) =>
  `(${alias}.consent = 'staff' OR ${alias}.recorded_by = @viewer)`;
