/**
 * Schools, staff accounts, enrolled devices and their one-time enrollment codes. Secrets
 * (device tokens, admin session tokens, enrollment codes) are stored only as SHA-256 hashes:
 * a copy of this database lets no one act as a device or an administrator.
 */
export default `
CREATE TABLE schools (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  time_zone text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- school_id NULL: a district account (only district administrators).
CREATE TABLE staff_accounts (
  id uuid PRIMARY KEY,
  school_id uuid REFERENCES schools (id),
  email text NOT NULL,
  display_name text NOT NULL,
  role text NOT NULL,
  teams text[] NOT NULL DEFAULT '{}',
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (school_id IS NOT NULL OR role = 'administrator')
);
CREATE UNIQUE INDEX staff_accounts_by_email ON staff_accounts (lower(email));

CREATE TABLE admin_sessions (
  token_hash bytea PRIMARY KEY,
  staff_id uuid NOT NULL REFERENCES staff_accounts (id),
  expires_at timestamptz NOT NULL
);

CREATE TABLE devices (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools (id),
  name text NOT NULL,
  token_hash bytea NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  enrolled_by uuid NOT NULL REFERENCES staff_accounts (id),
  revoked_at timestamptz,
  last_seen_at timestamptz
);

CREATE TABLE enrollment_codes (
  code_hash bytea PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools (id),
  created_by uuid NOT NULL REFERENCES staff_accounts (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  -- Set in the statement that claims the code, before the device row is written.
  device_id uuid REFERENCES devices (id) DEFERRABLE INITIALLY DEFERRED
);
`;
