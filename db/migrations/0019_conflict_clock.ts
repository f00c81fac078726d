/**
 * A conflict keeps the clock of the value it kept, so a value chosen on another computer and
 * pulled later settles it here (db/sync/apply.ts `settledElsewhere`), while the older value it
 * replaced, pulled in the same page, does not. Conflicts kept before have none and are
 * settled only by hand.
 */
export const sql = `
ALTER TABLE sync_conflicts ADD COLUMN kept_hlc TEXT;
`;
