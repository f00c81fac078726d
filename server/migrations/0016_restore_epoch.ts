/**
 * What computers need to resync after the database is restored from a backup
 * (server/sync/epoch.ts): the log's `epoch`, which a restore changes, the last log entry
 * and, per computer, the last of its changes the restored database kept. `database_identity`
 * (the cluster's system identifier and the database's oid) is how a pg_dump restored into a
 * new database or onto another PostgreSQL is noticed without anyone saying so.
 */
export default `
CREATE TABLE sync_epoch (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  epoch uuid NOT NULL,
  database_identity text NOT NULL,
  restored_head bigint NOT NULL DEFAULT 0,
  restored_at timestamptz
);
-- Set as a restore would: computers hear this first epoch only to remember it, but if this
-- runs on a backup taken before it, restored into a server that has it, they must not send
-- again or pull again more than it lacks.
INSERT INTO sync_epoch (epoch, database_identity, restored_head)
SELECT gen_random_uuid(), c.system_identifier || ':' || d.oid,
  (SELECT coalesce(max(seq), 0) FROM sync_log)
FROM pg_control_system() c, pg_database d WHERE d.datname = current_database();

ALTER TABLE devices ADD COLUMN restored_seq bigint NOT NULL DEFAULT 0;
UPDATE devices SET restored_seq = pushed_seq;
`;
