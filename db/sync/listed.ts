import { NARROWED_TABLES } from '../../contract';
import type { Store } from '../store';

/**
 * Conflicts and refusals people are shown (the Sync page, the count the district sees): not
 * those of tables narrowed to one person, which no one else could settle.
 */
export const LISTED = `tbl NOT IN (${Object.keys(NARROWED_TABLES)
  .map((t) => `'${t}'`)
  .join(', ')})`;

/** Conflicts on this computer that nobody has settled yet. */
export const openConflictCount = (store: Store): number =>
  (
    store
      .sql(`SELECT count(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL AND ${LISTED}`)
      .get() as { n: number }
  ).n;
