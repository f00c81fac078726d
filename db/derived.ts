import type { SyncedTable } from '../contract';
import { schoolMonthsOnWrite } from './insights/tallies';
import { SEARCH_INDEXERS } from './search';
import { RowInserter } from './insert-rows';
import type { AfterWrite } from './write';

/**
 * A new household gets its (empty) row in `household_facts` (migration 0010), so the
 * families list can be read in last-contact order from that table's index. Done here, not by
 * a trigger: an AFTER INSERT trigger on households cost a quarter of bulk-load throughput.
 */
const addHouseholdFacts: AfterWrite = (store, rows) => {
  const facts = new RowInserter(
    store,
    'INSERT INTO household_facts (household_id, open_voice)',
    2,
    ' ON CONFLICT DO NOTHING',
  );
  for (const { record, created } of rows) if (created) facts.add(record.id as string, 0);
  facts.end();
};

/** Every derived table the write path keeps in step with the synced ones, by synced table. */
export const DERIVED_INDEXERS = {
  ...SEARCH_INDEXERS,
  households: addHouseholdFacts,
  schools: schoolMonthsOnWrite,
} satisfies Partial<Record<SyncedTable, AfterWrite>>;
