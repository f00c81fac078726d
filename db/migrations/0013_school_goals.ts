/** School goals (contract/insights/goals.ts), synced like every school record. */
export const sql = `
CREATE TABLE school_goals (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  title TEXT NOT NULL,
  measure TEXT NOT NULL,
  target INTEGER NOT NULL,
  starts_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff (id),
  created_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;
`;
