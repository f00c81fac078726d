/**
 * Search needs which column a word is in, never its position: every query term is a single
 * quoted word. `detail = column` keeps the index smaller and inserts faster. The new tables
 * start empty; the core refills them on open because the search index version in meta is
 * cleared here (see db/search/rebuild.ts), since folding text is done in TypeScript.
 */
export const sql = `
DROP TABLE people_fts;
DROP TABLE students_fts;
CREATE VIRTUAL TABLE people_fts USING fts5 (
  name, phones, tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1, detail = column
);
CREATE VIRTUAL TABLE students_fts USING fts5 (
  name, tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1, detail = column
);
DELETE FROM meta WHERE key = 'search_index_version';
`;
