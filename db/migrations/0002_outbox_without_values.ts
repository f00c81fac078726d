/**
 * The outbox keeps which fields a write set, not their values. Sync reads the values from
 * the row when it pushes (the row always holds the newest local value, because pulled
 * values never overwrite a field with an unacknowledged change), so a field edited many
 * times offline is sent once, and an insert costs one short log entry instead of a copy of
 * the whole record. `fields` is a JSON array of field names; NULL means every field (an
 * insert). Entries already written keep their field names; their values are dropped.
 */
export const sql = `
CREATE TABLE change_log_next (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  fields TEXT,
  hlc TEXT NOT NULL
) STRICT;
INSERT INTO change_log_next (seq, tbl, row_id, fields, hlc)
  SELECT seq, tbl, row_id, (SELECT json_group_array(key) FROM json_each(change_log.fields)), hlc
  FROM change_log ORDER BY seq;
DROP TABLE change_log;
ALTER TABLE change_log_next RENAME TO change_log;
`;
