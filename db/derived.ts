import type { SyncedTable } from '../contract';
import { schoolMonthsOnWrite } from './insights/tallies';
import { SEARCH_INDEXERS } from './search';
import type { AfterWrite } from './write';

/**
 * A new household gets its (empty) row in `household_facts` (migration 0010), so the
 * families list can be read in last-contact order from that table's index, and is marked for
 * an Insights profile. Done here, not by
 * a trigger: an AFTER INSERT trigger on households cost a quarter of bulk-load throughput.
 */
const addHouseholdFacts: AfterWrite = (store, record, _pk, created) => {
  if (!created) return;
  store
    .sql(
      'INSERT INTO household_facts (household_id, open_voice) VALUES (?, 0) ON CONFLICT DO NOTHING',
    )
    .run(record.id);
  // Its Insights profile is made when Insights next reads (migration 0015).
  store
    .sql('INSERT OR IGNORE INTO household_profile_stale (household_id) VALUES (?)')
    .run(record.id);
};

/** Every derived table the write path keeps in step with the synced ones, by synced table. */
export const DERIVED_INDEXERS = {
  ...SEARCH_INDEXERS,
  households: addHouseholdFacts,
  schools: schoolMonthsOnWrite,
} satisfies Partial<Record<SyncedTable, AfterWrite>>;
