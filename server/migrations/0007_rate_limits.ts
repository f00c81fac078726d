/**
 * Sign-in and enrollment attempts per route and client address in the current window
 * (server/auth/rate-store.ts), shared by every instance serving this database. Rows are
 * small and old ones are swept; nothing here says whether an attempt succeeded.
 */
export default `
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  window_start timestamptz NOT NULL
);
`;
