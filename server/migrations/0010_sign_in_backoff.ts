/**
 * Wrong passwords counted per account and per client address (server/auth/backoff.ts), shared
 * by every instance. Keys are hashes: the table names no email and no address.
 */
export default `
CREATE TABLE sign_in_backoff (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  last_failure_at timestamptz NOT NULL,
  blocked_until timestamptz
);
`;
