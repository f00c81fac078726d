/**
 * Changes the district acknowledged, kept for a while (db/sync/journal.ts) so that they can
 * be sent again if the district's database is restored from a backup taken before it
 * received them. Entries are change_log's, as they were when acknowledged.
 */
export const sql = `
CREATE TABLE sent_changes (
  seq INTEGER PRIMARY KEY,
  tbl TEXT NOT NULL,
  row_id TEXT NOT NULL,
  fields TEXT,
  hlc TEXT NOT NULL,
  staff_id TEXT,
  acknowledged_at TEXT NOT NULL
) STRICT;
CREATE INDEX sent_changes_by_time ON sent_changes (acknowledged_at);
`;
