import type { SyncedTable } from '../../contract';
import { RowInserter } from '../insert-rows';
import type { Store } from '../store';
import type { AfterWrite } from '../write';
import { fold, parseQuery, phoneTokens, toMatch, words } from './normalize';

/**
 * Writes a search index's entries for rows just written: a merged duplicate stays as a
 * tombstone for sync, so nobody should find it any more, and its entry goes; a new row has
 * no entry yet, so it skips REPLACE's lookup.
 *
 * New rows' entries go in one statement, read from a JSON array: a statement that inserts
 * several rows opens a statement savepoint, and FTS5 writes out the terms it holds as a new
 * segment at every savepoint, then merges those segments, so fifty rows a statement (as
 * RowInserter writes) cost a bulk load a segment and its merging every fifty rows. One
 * statement a batch took a fifth off the people's index in a bulk load (tests/bench).
 */
function indexRows(
  index: string,
  columns: string[],
  entry: (record: Record<string, unknown>) => string[],
): AfterWrite {
  const into = `INTO ${index} (rowid, ${columns.join(', ')})`;
  const fromJson = `INSERT ${into} SELECT ${['rowid', ...columns].map((_, i) => `value->>${i}`).join(', ')} FROM json_each(?)`;
  return (store, rows) => {
    const created: (number | string)[][] = [];
    const replaced = new RowInserter(store, `INSERT OR REPLACE ${into}`, columns.length + 1);
    for (const { record, pk, created: isNew } of rows) {
      if (record.mergedIntoId) store.sql(`DELETE FROM ${index} WHERE rowid = ?`).run(pk);
      else if (isNew) created.push([pk, ...entry(record)]);
      else replaced.add(pk, ...entry(record));
    }
    if (created.length > 0) store.sql(fromJson).run(JSON.stringify(created));
    replaced.end();
  };
}

/**
 * Search index maintenance, run by the write path after every write to people / students
 * (rowid = the record's pk). Restricted text never goes in here: only names and phone digits.
 */
export const indexPerson = indexRows('people_fts', ['name', 'phones'], (record) => [
  fold(`${record.firstName as string} ${(record.lastName as string | null) ?? ''}`),
  phoneTokens(record.phones as string[]).join(' '),
]);

export const indexStudent = indexRows('students_fts', ['name'], (record) => [
  fold(
    [record.firstName, record.lastName, record.preferredName]
      .filter((s) => typeof s === 'string')
      .join(' '),
  ),
]);

/** Strength descriptions, folded into words, for the strengths directory. */
export const indexStrength = indexRows('strengths_fts', ['words'], (record) => [
  words(record.description as string).join(' '),
]);

const INDEX_OF: Partial<Record<SyncedTable, string>> = {
  people: 'people_fts',
  students: 'students_fts',
  strengths: 'strengths_fts',
};

/** Take a row out of its table's search index (it was deleted, or is kept only for history). */
export function dropFromSearch(store: Store, table: SyncedTable, pk: number): void {
  const index = INDEX_OF[table];
  if (index) store.sql(`DELETE FROM ${index} WHERE rowid = ?`).run(pk);
}

/** An FTS5 query where every typed word must begin a word of the text. */
export function allPrefixes(typed: string): string | null {
  const terms = words(typed);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' AND ');
}

/** The derived indexes the write path keeps in step, by synced table. */
export const SEARCH_INDEXERS = {
  people: indexPerson,
  students: indexStudent,
  strengths: indexStrength,
} satisfies Partial<Record<SyncedTable, AfterWrite>>;

export interface Match {
  pk: number;
  quality: 'exact' | 'prefix';
}

/**
 * Matches for one table: whole-word matches first, then beginnings of words, each capped at
 * `limit`. Two small indexed queries beat ranking every prefix match of a one-letter query.
 */
export function findMatches(
  store: Store,
  table: 'people' | 'students',
  typed: string,
  limit: number,
): Match[] {
  const query = parseQuery(typed);
  if (!query || (table === 'students' && query.column === 'phones')) return [];
  const fts = `${table}_fts`;
  const stmt = store.sql(`SELECT rowid AS pk FROM ${fts} WHERE ${fts} MATCH ? LIMIT ?`);
  const exact = stmt.all(toMatch(query, false), limit) as { pk: number }[];
  const seen = new Set(exact.map((r) => r.pk));
  const matches: Match[] = exact.map((r) => ({ pk: r.pk, quality: 'exact' }));
  if (matches.length < limit) {
    for (const r of stmt.all(toMatch(query, true), limit) as { pk: number }[]) {
      if (matches.length >= limit) break;
      if (!seen.has(r.pk)) matches.push({ pk: r.pk, quality: 'prefix' });
    }
  }
  return matches;
}
