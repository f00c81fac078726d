/**
 * Every sign-in reads the school's caution list and writes a visit; both were heavier than
 * they need be.
 * - The caution check filters on `expires_on`, stored after the photo (up to 60 kB over
 *   overflow pages), so each sign-in walked every entry's photo to reach it. The index now
 *   holds everything the check reads, and the table is not touched unless an entry matches.
 * - A badge code is looked up only among the day's visits (a code is good on its day alone),
 *   which `visits_by_sign_in` finds; its own index cost a page write at every sign-in.
 */
export const sql = `
DROP INDEX caution_entries_current;
CREATE INDEX caution_entries_to_match
  ON caution_entries (school_id, retired_at, expires_on, id, full_name, phones);
DROP INDEX visits_by_badge;
`;
