import { fromRow } from '../columns';
import { getMeta, setMeta, type Store } from '../store';
import { indexPerson, indexStrength, indexStudent } from './index';

type Row = Record<string, unknown> & { pk: number };

/**
 * The search index is derived data, built with folding rules that live in TypeScript. Bump
 * this when those rules or the index tables change; every device then rebuilds its index
 * the next time it opens, from the people and students it already has.
 */
export const SEARCH_INDEX_VERSION = '3';

/** Rebuild the index if it was built by other rules; returns whether it did. */
export function ensureSearchIndex(store: Store): boolean {
  if (getMeta(store, 'search_index_version') === SEARCH_INDEX_VERSION) return false;
  store.db.transaction(() => {
    store.db.exec(`
      INSERT INTO people_fts (people_fts) VALUES ('delete-all');
      INSERT INTO students_fts (students_fts) VALUES ('delete-all');
      INSERT INTO strengths_fts (strengths_fts) VALUES ('delete-all');
    `);
    for (const [table, index] of [
      ['people', indexPerson],
      ['students', indexStudent],
      ['strengths', indexStrength],
    ] as const) {
      const rows = store.db.prepare(`SELECT * FROM ${table}`).all() as Row[];
      index(
        store,
        rows.map((row) => ({ record: fromRow(table, row), pk: row.pk, created: true })),
      );
    }
    setMeta(store, 'search_index_version', SEARCH_INDEX_VERSION);
  })();
  return true;
}
