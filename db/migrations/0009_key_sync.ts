/**
 * Team keys travel through the district (contract/keys.ts, db/sync/keys.ts). A share now
 * says which public key it is sealed to, so one sealed to an old key is never mistaken for
 * a current one, and whether the district has it yet. Members who never signed in here are
 * reached through their district public keys.
 */
export const sql = `
CREATE TABLE staff_public_keys (
  staff_id TEXT PRIMARY KEY REFERENCES staff (id),
  public_key BLOB NOT NULL
) STRICT;

ALTER TABLE team_keys ADD COLUMN recipient_key BLOB;
UPDATE team_keys SET recipient_key = (SELECT k.public_key FROM staff_keys k WHERE k.staff_id = team_keys.staff_id);
ALTER TABLE team_keys ADD COLUMN uploaded INTEGER NOT NULL DEFAULT 0;
`;
