/**
 * A school on its own: students gain a date of birth and pronouns, a contact can correct an
 * earlier one, and the families list gets what it sorts and filters by.
 *
 * `household_facts` is derived, not synced: each family's last contact (when and its tone),
 * its latest good news and how many of its voice items are still open. Triggers keep it in
 * step with every write (the write path, sync and merges alike), because computing it per
 * family for a page of the list would read every contact of the school. Invariant: a row's
 * values equal what the `refresh` statement below computes from contacts and voice_items.
 */
const refresh = (household: string) => `
  INSERT INTO household_facts (household_id, last_contact_at, last_tone, last_good_news_at, open_voice)
  SELECT ${household},
    (SELECT occurred_at FROM contacts WHERE household_id = ${household} ORDER BY occurred_at DESC LIMIT 1),
    (SELECT tone FROM contacts WHERE household_id = ${household} ORDER BY occurred_at DESC, id DESC LIMIT 1),
    (SELECT max(occurred_at) FROM contacts WHERE household_id = ${household} AND tone = 'good_news'),
    (SELECT count(*) FROM voice_items WHERE household_id = ${household} AND told_at IS NULL)
  WHERE ${household} IS NOT NULL
  ON CONFLICT (household_id) DO UPDATE SET
    last_contact_at = excluded.last_contact_at, last_tone = excluded.last_tone,
    last_good_news_at = excluded.last_good_news_at, open_voice = excluded.open_voice;`;

export const sql = `
ALTER TABLE students ADD COLUMN date_of_birth TEXT;
ALTER TABLE students ADD COLUMN pronouns TEXT;
ALTER TABLE contacts ADD COLUMN corrects_id TEXT;
CREATE INDEX contacts_by_correction ON contacts (corrects_id) WHERE corrects_id IS NOT NULL;

CREATE INDEX households_by_name ON households (school_id, name COLLATE NOCASE, id);

CREATE TABLE household_facts (
  household_id TEXT PRIMARY KEY,
  last_contact_at TEXT,
  last_tone TEXT,
  last_good_news_at TEXT,
  open_voice INTEGER NOT NULL
) STRICT;
CREATE INDEX household_facts_by_last_contact
  ON household_facts (coalesce(last_contact_at, ''), household_id);
CREATE INDEX household_facts_by_tone ON household_facts (last_tone) WHERE last_tone IS NOT NULL;
CREATE INDEX household_facts_open_voice ON household_facts (open_voice) WHERE open_voice > 0;

INSERT INTO household_facts (household_id, last_contact_at, last_tone, last_good_news_at, open_voice)
  SELECT h.id,
    (SELECT occurred_at FROM contacts WHERE household_id = h.id ORDER BY occurred_at DESC LIMIT 1),
    (SELECT tone FROM contacts WHERE household_id = h.id ORDER BY occurred_at DESC, id DESC LIMIT 1),
    (SELECT max(occurred_at) FROM contacts WHERE household_id = h.id AND tone = 'good_news'),
    (SELECT count(*) FROM voice_items WHERE household_id = h.id AND told_at IS NULL)
  FROM households h;

CREATE TRIGGER household_facts_contact_added AFTER INSERT ON contacts
BEGIN ${refresh('new.household_id')} END;
CREATE TRIGGER household_facts_contact_changed
AFTER UPDATE OF household_id, occurred_at, tone ON contacts
BEGIN ${refresh('old.household_id')} ${refresh('new.household_id')} END;
CREATE TRIGGER household_facts_contact_removed AFTER DELETE ON contacts
BEGIN ${refresh('old.household_id')} END;

CREATE TRIGGER household_facts_voice_added AFTER INSERT ON voice_items
BEGIN ${refresh('new.household_id')} END;
CREATE TRIGGER household_facts_voice_changed AFTER UPDATE OF household_id, told_at ON voice_items
BEGIN ${refresh('old.household_id')} ${refresh('new.household_id')} END;
CREATE TRIGGER household_facts_voice_removed AFTER DELETE ON voice_items
BEGIN ${refresh('old.household_id')} END;

-- A new household's row is added by the write path (db/derived.ts): a trigger here cost a
-- quarter of bulk-load throughput.
CREATE TRIGGER household_facts_household_removed AFTER DELETE ON households
BEGIN DELETE FROM household_facts WHERE household_id = old.id; END;

CREATE TABLE audit_events_v10 (
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
  CHECK ((record_type = 'family_list') = (student_id IS NULL AND person_id IS NULL))
) STRICT;
INSERT INTO audit_events_v10 SELECT * FROM audit_events;
DROP TABLE audit_events;
ALTER TABLE audit_events_v10 RENAME TO audit_events;
CREATE TRIGGER audit_events_never_updated BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
CREATE TRIGGER audit_events_never_deleted BEFORE DELETE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
`;
