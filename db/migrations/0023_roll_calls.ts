/** Emergency roll calls (contract/roll-call.ts), synced like every school record. */
export const sql = `
CREATE TABLE roll_calls (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  kind TEXT NOT NULL,
  started_at TEXT NOT NULL,
  started_by TEXT NOT NULL REFERENCES staff (id),
  visit_ids TEXT NOT NULL,
  accounted_ids TEXT NOT NULL,
  ended_at TEXT,
  ended_by TEXT REFERENCES staff (id)
) STRICT;
CREATE INDEX roll_calls_open ON roll_calls (school_id, ended_at);
`;
