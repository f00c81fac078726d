/**
 * Staff sign in with a password on shared devices, and belong to teams that may read
 * restricted notes. Credentials are local to the device and never synced: the hash of a
 * password and the throttle on wrong guesses.
 */
export const sql = `
ALTER TABLE staff ADD COLUMN teams TEXT NOT NULL DEFAULT '[]';

CREATE TABLE staff_credentials (
  staff_id TEXT PRIMARY KEY REFERENCES staff (id),
  password_hash TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  blocked_until TEXT
) STRICT;
`;
