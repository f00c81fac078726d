/**
 * The first schema. Every synced table has an integer `pk` (stable rowid, used by the search
 * index; VACUUM may renumber implicit rowids) and a text `id` (UUIDv7, the identity that syncs).
 * JSON columns hold arrays that are always read and written whole.
 */
export const sql = `
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE schools (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE staff (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  active INTEGER NOT NULL
) STRICT;

CREATE TABLE households (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  name TEXT NOT NULL,
  address TEXT
) STRICT;

CREATE TABLE students (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  first_name TEXT NOT NULL,
  last_name TEXT NOT NULL,
  preferred_name TEXT,
  grade TEXT NOT NULL,
  homeroom TEXT,
  source TEXT NOT NULL,
  roster_id TEXT
) STRICT;

CREATE TABLE people (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  first_name TEXT NOT NULL,
  last_name TEXT,
  kind TEXT NOT NULL,
  phones TEXT NOT NULL,
  email TEXT,
  household_id TEXT REFERENCES households (id),
  home_language TEXT,
  interpreter TEXT NOT NULL,
  channels TEXT NOT NULL,
  best_times TEXT,
  do_not_contact TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE student_person_links (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  person_id TEXT NOT NULL REFERENCES people (id),
  relationship TEXT NOT NULL,
  legal_guardian INTEGER NOT NULL,
  lives_with INTEGER NOT NULL,
  emergency_contact INTEGER NOT NULL,
  pickup TEXT NOT NULL,
  office_note TEXT,
  UNIQUE (student_id, person_id)
) STRICT;
CREATE INDEX links_by_person ON student_person_links (person_id);

CREATE TABLE visits (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  person_id TEXT REFERENCES people (id),
  visitor_name TEXT NOT NULL,
  student_ids TEXT NOT NULL,
  purpose TEXT NOT NULL,
  seeing TEXT,
  language TEXT,
  interpreter_used INTEGER NOT NULL,
  signed_in_at TEXT NOT NULL,
  signed_out_at TEXT,
  greeted_by TEXT NOT NULL REFERENCES staff (id),
  pickup_warnings TEXT NOT NULL,
  pickup_acknowledged_at TEXT
) STRICT;
CREATE INDEX visits_by_sign_in ON visits (school_id, signed_in_at);
CREATE INDEX visits_open ON visits (school_id, signed_in_at) WHERE signed_out_at IS NULL;
CREATE INDEX visits_by_person ON visits (person_id);

CREATE TABLE contacts (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  person_id TEXT REFERENCES people (id),
  student_ids TEXT NOT NULL,
  kind TEXT NOT NULL,
  direction TEXT NOT NULL,
  tone TEXT NOT NULL,
  language TEXT,
  interpreter_used INTEGER NOT NULL,
  summary TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  occurred_at TEXT NOT NULL,
  visit_id TEXT REFERENCES visits (id)
) STRICT;
CREATE INDEX contacts_by_person ON contacts (person_id, occurred_at);

-- The outbox: one entry per write to a synced table, holding the fields it set. Sync sends
-- each field as its own message. seq is the device sequence number; (device id, seq) is the
-- op id, unique across devices and stable across retries, so it needs no column of its own.
-- The server's acknowledgements advance a cursor kept in meta.
CREATE TABLE change_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  fields TEXT NOT NULL,
  hlc TEXT NOT NULL
) STRICT;

-- Derived search indexes (not synced). rowid = pk of people / students. Text is folded
-- (accents, case) before it is stored; phones holds digit strings and their tails.
CREATE VIRTUAL TABLE people_fts USING fts5 (
  name, phones, tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE students_fts USING fts5 (
  name, tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);
`;
