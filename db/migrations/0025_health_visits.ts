/**
 * Visits to the health office (contract/health.ts): who and when in the clear, what happened
 * sealed with the health team's key, synced like notes.
 */
export const sql = `
CREATE TABLE health_visits (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  visibility TEXT NOT NULL CHECK (visibility = 'team:health'),
  arrived_at TEXT NOT NULL,
  left_at TEXT,
  release_to_caregiver INTEGER NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff (id),
  sealed TEXT NOT NULL
) STRICT;
CREATE INDEX health_visits_by_day ON health_visits (school_id, arrived_at);
CREATE INDEX health_visits_by_student ON health_visits (student_id, left_at);
`;
