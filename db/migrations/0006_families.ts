/**
 * Families: strengths, home visits (with drafts kept on this computer), family voice, contacts
 * placed in a family's timeline, follow-ups tied to a family and to what prompted them, and
 * person merges. The audit log is rebuilt so an entry may be about a person (a merge) as well
 * as a student; its rows are copied unchanged.
 */
export const sql = `
ALTER TABLE people ADD COLUMN merged_into_id TEXT REFERENCES people (id);
CREATE INDEX people_by_household ON people (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX people_by_email ON people (lower(email)) WHERE email IS NOT NULL;

ALTER TABLE contacts ADD COLUMN household_id TEXT REFERENCES households (id);
ALTER TABLE contacts ADD COLUMN home_visit_id TEXT;
-- Contacts logged before families had timelines belong to their person's household.
UPDATE contacts SET household_id = (SELECT household_id FROM people WHERE people.id = contacts.person_id);
CREATE INDEX contacts_by_household ON contacts (household_id, occurred_at);

ALTER TABLE follow_ups ADD COLUMN household_id TEXT REFERENCES households (id);
ALTER TABLE follow_ups ADD COLUMN origin_kind TEXT;
ALTER TABLE follow_ups ADD COLUMN origin_id TEXT;
ALTER TABLE follow_ups ADD COLUMN closed_by_contact_id TEXT REFERENCES contacts (id);
CREATE INDEX follow_ups_by_household ON follow_ups (household_id) WHERE household_id IS NOT NULL;

CREATE TABLE strengths (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  household_id TEXT NOT NULL REFERENCES households (id),
  person_id TEXT REFERENCES people (id),
  category TEXT NOT NULL,
  description TEXT NOT NULL,
  consent TEXT NOT NULL,
  source TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff (id),
  recorded_at TEXT NOT NULL,
  home_visit_id TEXT
) STRICT;
CREATE INDEX strengths_by_household ON strengths (household_id, recorded_at);
CREATE INDEX strengths_by_category ON strengths (category, recorded_at);
CREATE INDEX strengths_by_time ON strengths (school_id, recorded_at);
CREATE INDEX strengths_by_person ON strengths (person_id) WHERE person_id IS NOT NULL;

-- Derived, not synced: folded words of each strength's description (rowid = strengths.pk).
CREATE VIRTUAL TABLE strengths_fts USING fts5 (
  words, tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1, detail = 'none'
);

CREATE TABLE home_visits (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  household_id TEXT NOT NULL REFERENCES households (id),
  status TEXT NOT NULL,
  scheduled_at TEXT NOT NULL,
  place TEXT NOT NULL,
  place_detail TEXT,
  purpose TEXT NOT NULL,
  staff_ids TEXT NOT NULL,
  present TEXT,
  hopes TEXT,
  concerns TEXT,
  outcome_note TEXT,
  created_by TEXT NOT NULL REFERENCES staff (id),
  created_at TEXT NOT NULL,
  closed_by TEXT REFERENCES staff (id),
  closed_at TEXT
) STRICT;
CREATE INDEX home_visits_by_household ON home_visits (household_id, scheduled_at);
CREATE INDEX home_visits_planned ON home_visits (school_id, scheduled_at) WHERE status = 'planned';

-- Not synced: a staff member's record of a visit as they type it, on this computer only.
-- Written on every autosave, so it survives the app closing or crashing mid-sentence.
CREATE TABLE home_visit_drafts (
  home_visit_id TEXT NOT NULL REFERENCES home_visits (id),
  staff_id TEXT NOT NULL REFERENCES staff (id),
  draft TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (home_visit_id, staff_id)
) STRICT;

CREATE TABLE voice_items (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  household_id TEXT NOT NULL REFERENCES households (id),
  person_id TEXT REFERENCES people (id),
  kind TEXT NOT NULL,
  summary TEXT NOT NULL,
  raised_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff (id),
  heard_by TEXT REFERENCES staff (id),
  heard_at TEXT,
  acted_by TEXT REFERENCES staff (id),
  acted_at TEXT,
  acted_note TEXT,
  told_by TEXT REFERENCES staff (id),
  told_at TEXT,
  told_note TEXT
) STRICT;
CREATE INDEX voice_items_by_household ON voice_items (household_id, raised_at);
CREATE INDEX voice_items_open ON voice_items (school_id, raised_at) WHERE told_at IS NULL;

CREATE TABLE audit_events_v6 (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  device_id TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_ids TEXT NOT NULL,
  student_id TEXT REFERENCES students (id),
  person_id TEXT REFERENCES people (id),
  CHECK ((student_id IS NULL) <> (person_id IS NULL))
) STRICT;
INSERT INTO audit_events_v6 (pk, id, at, staff_id, device_id, action, record_type, record_ids, student_id)
  SELECT pk, id, at, staff_id, device_id, action, record_type, record_ids, student_id FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_v6 RENAME TO audit_events;
CREATE TRIGGER audit_events_never_updated BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
CREATE TRIGGER audit_events_never_deleted BEFORE DELETE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
`;
