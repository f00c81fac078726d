/**
 * Sync with a district server (db/sync). The change log learns who made each change (the
 * server accepts changes only from staff who signed in on this device through it). What
 * the server refused, and local values that lost to newer ones, are kept for people to see.
 * Existing entries have no author; they were made before the device joined a district.
 */
export const sql = `
ALTER TABLE change_log ADD COLUMN staff_id TEXT;

-- Changes the server refused, with its reason; shown until someone dismisses them.
CREATE TABLE sync_rejections (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  -- What this device had sent (JSON of field -> value), so the person can redo it.
  sent TEXT NOT NULL,
  at TEXT NOT NULL,
  dismissed_at TEXT
) STRICT;

-- A field changed on this device and on another at the same time: both values kept (JSON),
-- and which one the record now holds (kept: 'mine' or 'theirs').
CREATE TABLE sync_conflicts (
  id INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field TEXT NOT NULL,
  mine TEXT NOT NULL,
  theirs TEXT NOT NULL,
  kept TEXT NOT NULL,
  at TEXT NOT NULL,
  resolved_at TEXT
) STRICT;
CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, at);
`;
