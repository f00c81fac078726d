/**
 * Keys that let a team's members read each other's restricted notes on any computer
 * (contract/keys.ts). Everything here is sealed: a key record opens only with its owner's
 * password, a share only with its recipient's private key, so a copy of this database
 * reveals no key and no note.
 */
export default `
CREATE TABLE staff_keys (
  staff_id uuid PRIMARY KEY REFERENCES staff_accounts (id),
  record jsonb NOT NULL,
  public_key text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_key_shares (
  school_id uuid NOT NULL REFERENCES schools (id),
  team text NOT NULL,
  version bigint NOT NULL,
  staff_id uuid NOT NULL REFERENCES staff_accounts (id),
  -- The public key it is sealed to: a share for an older key of the member is replaced.
  recipient_key text NOT NULL,
  sealed_key text NOT NULL,
  sealed_by uuid NOT NULL REFERENCES staff_accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (school_id, team, version, staff_id)
);
CREATE INDEX team_key_shares_by_staff ON team_key_shares (staff_id);

-- Bumped whenever a school's keys or shares change; pull pages carry it, so a device asks
-- for keys only when something is new (or it has shares of its own to send).
CREATE TABLE key_versions (
  school_id uuid PRIMARY KEY REFERENCES schools (id),
  version bigint NOT NULL
);
`;
