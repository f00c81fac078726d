/**
 * A student's health profile (contract/health.ts): allergies, conditions and the care plan
 * and the family's consent sealed for the health team; the one flag others may see in the
 * clear. The profile's id is the student's, so there is one per student on every computer.
 */
export const sql = `
CREATE TABLE health_profiles (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  student_id TEXT NOT NULL UNIQUE REFERENCES students (id),
  visibility TEXT NOT NULL CHECK (visibility = 'team:health'),
  shared_flag INTEGER NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff (id),
  updated_at TEXT NOT NULL,
  sealed TEXT NOT NULL
) STRICT;
`;
