/**
 * What each computer last said about itself (contract/sync.ts COMPUTER_HEADER): its app
 * version and what waits on it. Shown in the console's list of computers; null until a
 * computer of this version has synced.
 */
export default `
ALTER TABLE devices ADD COLUMN app_version text;
ALTER TABLE devices ADD COLUMN changes_waiting integer;
ALTER TABLE devices ADD COLUMN conflicts_waiting integer;
`;
