/**
 * One-line fields no longer accept bidirectional controls or line separators (contract
 * `line`). The copies the server holds lose them, as the computers' do (local migration
 * 0020): the record each change is merged into, the log entries computers pull, and staff
 * and school names. Otherwise a change to any other field of such a record would be refused
 * (the merged record fails the contract) and a new computer would pull text the contract
 * refuses. Multi-line fields keep them; a value made only of such characters becomes "?".
 */
const MULTI_LINE_FIELDS = [
  'doNotContact',
  'officeNote',
  'summary',
  'body',
  'description',
  'present',
  'hopes',
  'concerns',
  'actedNote',
  'toldNote',
];

const CONTROLS = '[\\u202A-\\u202E\\u2066-\\u2069\\u2028\\u2029]';

// Strings at the top level of a record's values; a field that is multi-line in its table
// (strengths.description is, disclosures.description is not) is told apart by table.
export default `
CREATE FUNCTION hearth_one_line_clean(p_tbl text, p_vals jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(jsonb_object_agg(k, CASE
    WHEN jsonb_typeof(v) = 'string' AND v #>> '{}' ~ '${CONTROLS}'
      AND NOT (k = ANY (ARRAY['${MULTI_LINE_FIELDS.join("','")}'])
        AND NOT (p_tbl = 'disclosures' AND k = 'description'))
    THEN to_jsonb(coalesce(nullif(btrim(regexp_replace(v #>> '{}', '${CONTROLS}', '', 'g')), ''), '?'))
    ELSE v END), '{}'::jsonb)
  FROM jsonb_each(p_vals) AS e (k, v)
$$;

UPDATE records SET data = hearth_one_line_clean(tbl, data) WHERE data::text ~ '${CONTROLS}';
UPDATE sync_log
  SET wire = jsonb_set(wire::jsonb, '{values}', hearth_one_line_clean(tbl, wire::jsonb -> 'values'))::text
  WHERE wire ~ '${CONTROLS}' AND NOT removed;
UPDATE staff_accounts
  SET display_name = coalesce(nullif(btrim(regexp_replace(display_name, '${CONTROLS}', '', 'g')), ''), '?')
  WHERE display_name ~ '${CONTROLS}';
UPDATE schools
  SET name = coalesce(nullif(btrim(regexp_replace(name, '${CONTROLS}', '', 'g')), ''), '?')
  WHERE name ~ '${CONTROLS}';
DROP FUNCTION hearth_one_line_clean (text, jsonb);
`;
