/**
 * Each log entry is kept as devices receive it (a PulledChange's JSON text), made once when
 * it is appended instead of on every pull: every device of a school reads every entry, so
 * building the text per read cost PostgreSQL about half of each pull. `wire` replaces
 * `vals` (the same values, inside it); the columns a pull filters on stay as they are.
 */
export default `
ALTER TABLE sync_log ADD COLUMN wire text;
UPDATE sync_log SET wire = json_build_object('seq', seq, 'table', tbl, 'rowId', row_id,
  'hlc', hlc, 'values', vals, 'removed', removed)::text;
ALTER TABLE sync_log ALTER COLUMN wire SET NOT NULL;
ALTER TABLE sync_log DROP COLUMN vals;
`;
