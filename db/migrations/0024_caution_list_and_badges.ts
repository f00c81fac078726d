/**
 * The school's caution list (contract/cautions.ts), synced like every school record; on a
 * visit, the caution entries the desk was shown at sign-in and the badge's code, looked up
 * when a badge is scanned. The audit log also takes entries about no one student or person
 * for the caution list shown and the visitor log exported (its CHECK names those kinds).
 */
export const sql = `
CREATE TABLE caution_entries (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  full_name TEXT NOT NULL,
  phones TEXT NOT NULL,
  reason TEXT NOT NULL,
  photo TEXT,
  expires_on TEXT,
  added_by TEXT NOT NULL REFERENCES staff (id),
  added_at TEXT NOT NULL,
  retired_at TEXT
) STRICT;
CREATE INDEX caution_entries_current ON caution_entries (school_id, retired_at);

ALTER TABLE visits ADD COLUMN caution_ids TEXT;
ALTER TABLE visits ADD COLUMN badge_code TEXT;
CREATE INDEX visits_by_badge ON visits (school_id, badge_code) WHERE badge_code IS NOT NULL;

CREATE TABLE audit_events_v24 (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL,
  at TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  device_id TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_ids BLOB NOT NULL CHECK (length(record_ids) % 16 = 0),
  student_id TEXT REFERENCES students (id),
  person_id TEXT REFERENCES people (id),
  CHECK (student_id IS NULL OR person_id IS NULL),
  CHECK ((record_type IN ('family_list', 'caution_list', 'visit_log')) = (student_id IS NULL AND person_id IS NULL))
) STRICT;
INSERT INTO audit_events_v24 SELECT * FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_v24 RENAME TO audit_events;
CREATE TRIGGER audit_events_never_updated BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
CREATE TRIGGER audit_events_never_deleted BEFORE DELETE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
`;
