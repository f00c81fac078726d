/**
 * The audit log, rebuilt to cost less per entry: every read of restricted records commits
 * one, so its size is what a nurse waits for on each page she opens. Record ids are kept as
 * 16 bytes each (db/privacy/audit.ts packs them) instead of JSON text, and `id` loses its
 * unique index: ids are UUIDv7 made on this device, and entries are found by `pk` and
 * filters, never by id. Existing entries are converted, not lost.
 */
export const sql = `
CREATE TABLE audit_events_v8 (
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
  CHECK ((student_id IS NULL) <> (person_id IS NULL))
) STRICT;
INSERT INTO audit_events_v8 (pk, id, at, staff_id, device_id, action, record_type, record_ids, student_id, person_id)
  SELECT e.pk, e.id, e.at, e.staff_id, e.device_id, e.action, e.record_type,
    coalesce(
      (SELECT unhex(group_concat(replace(j.value, '-', ''), '' ORDER BY j.key))
       FROM json_each(e.record_ids) j),
      x''),
    e.student_id, e.person_id
  FROM audit_events e;
DROP TABLE audit_events;
ALTER TABLE audit_events_v8 RENAME TO audit_events;
CREATE TRIGGER audit_events_never_updated BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
CREATE TRIGGER audit_events_never_deleted BEFORE DELETE ON audit_events
BEGIN SELECT RAISE (ABORT, 'The audit log cannot be changed.'); END;
`;
