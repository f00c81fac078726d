/**
 * Restricted notes and follow-ups, the keys that seal them, the audit log and the FERPA
 * record of disclosures.
 *
 * Sign-in moves from a password hash to key material (db/privacy/keys.ts): version 0004 was
 * only ever in development builds, so its password hashes are dropped rather than converted
 * (a hash cannot be turned into keys without the password). Staff of such a database need an
 * administrator to set their password again.
 */
export const sql = `
DROP TABLE staff_credentials;

-- Nothing here gives up a password or a key without the password's argon2id run, so the
-- district server can store these rows as they are.
CREATE TABLE staff_keys (
  staff_id TEXT PRIMARY KEY REFERENCES staff (id),
  kdf TEXT NOT NULL,
  verifier BLOB NOT NULL,
  public_key BLOB NOT NULL,
  sealed_private_key BLOB NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- Wrong-password throttle: this device only, never synced.
CREATE TABLE sign_in_throttle (
  staff_id TEXT PRIMARY KEY REFERENCES staff (id),
  failed_attempts INTEGER NOT NULL,
  blocked_until TEXT
) STRICT;

-- Each version of a team's key, sealed to each member's public key. A removed member's
-- rows are deleted and the team gets a new version (see team_key_rotations).
CREATE TABLE team_keys (
  team TEXT NOT NULL,
  version INTEGER NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  sealed_key BLOB NOT NULL,
  sealed_by TEXT NOT NULL REFERENCES staff (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (team, version, staff_id)
) STRICT;

-- Teams that lost a member and need a new key; the next member who signs in makes it.
CREATE TABLE team_key_rotations (
  team TEXT PRIMARY KEY,
  requested_at TEXT NOT NULL
) STRICT;

CREATE TABLE notes (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  note_id TEXT NOT NULL,
  replaces_id TEXT REFERENCES notes (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  person_id TEXT REFERENCES people (id),
  visibility TEXT NOT NULL,
  author_id TEXT NOT NULL REFERENCES staff (id),
  subject TEXT,
  body TEXT,
  sealed TEXT,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX notes_by_student ON notes (student_id, created_at);
CREATE INDEX notes_by_visibility ON notes (visibility, created_at);
CREATE INDEX notes_by_note ON notes (note_id);
CREATE INDEX notes_by_replaced ON notes (replaces_id) WHERE replaces_id IS NOT NULL;

CREATE TABLE follow_ups (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  person_id TEXT REFERENCES people (id),
  visibility TEXT NOT NULL,
  title TEXT,
  sealed TEXT,
  assignee_id TEXT NOT NULL REFERENCES staff (id),
  due_on TEXT NOT NULL,
  status TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff (id),
  created_at TEXT NOT NULL,
  closed_at TEXT
) STRICT;
CREATE INDEX follow_ups_by_assignee ON follow_ups (assignee_id, status, due_on);
CREATE INDEX follow_ups_by_student ON follow_ups (student_id);

CREATE TABLE disclosures (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  disclosed_by TEXT NOT NULL REFERENCES staff (id),
  recipient TEXT NOT NULL,
  purpose TEXT NOT NULL,
  description TEXT NOT NULL,
  format TEXT NOT NULL,
  disclosed_at TEXT NOT NULL
) STRICT;
CREATE INDEX disclosures_by_student ON disclosures (student_id, disclosed_at);

-- Append only: the triggers refuse every change, whatever code or tool tries it. One entry
-- per call and student: a family page that shows twelve health notes logs one read of those
-- twelve (record_ids, a JSON array), not twelve rows.
CREATE TABLE audit_events (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  device_id TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_ids TEXT NOT NULL,
  student_id TEXT NOT NULL REFERENCES students (id)
) STRICT;
-- No secondary indexes: every restricted read writes here, and each index costs that write
-- about a third more on an encrypted file. Entries are appended in time order (pk), and the
-- administrator's filters scan, which stays fast for years of one device's entries.
CREATE TRIGGER audit_events_never_updated BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
CREATE TRIGGER audit_events_never_deleted BEFORE DELETE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
`;
