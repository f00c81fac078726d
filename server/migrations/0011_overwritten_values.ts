/**
 * A log entry whose values replaced ones another computer had set without having seen them
 * (two computers changed the same field offline) carries what it replaced, as `overwrote`
 * in its wire text (`{field: {value, hlc}}`). The computer whose value that was finds its
 * own clock there when it pulls the entry and keeps the value for review (db/sync/apply.ts);
 * before this only the computer that pushed second knew. Entries without one keep the wire
 * text they had (migration 0008).
 */
export default `
CREATE OR REPLACE FUNCTION sync_append(p_school uuid, p_entries jsonb, p_records jsonb) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF jsonb_array_length(p_entries) = 0 THEN
    RETURN;
  END IF;
  WITH locked AS MATERIALIZED (
    SELECT pg_advisory_xact_lock(hashtext('hearth-sync-log'), hashtext(p_school::text)) AS ok
  ), numbered AS MATERIALIZED (
    SELECT nextval(pg_get_serial_sequence('sync_log', 'seq')) AS seq, x.e
    FROM locked, jsonb_array_elements(p_entries) WITH ORDINALITY AS x (e, n)
    ORDER BY x.n
  ), appended AS (
    INSERT INTO sync_log (seq, school_id, audience, tbl, row_id, hlc, removed, device_id, wire)
    SELECT seq, (e->>'school_id')::uuid, e->>'audience', e->>'tbl', (e->>'row_id')::uuid,
      e->>'hlc', (e->>'removed')::boolean, (e->>'device_id')::uuid,
      CASE WHEN e->'overwrote' IS NULL
        THEN json_build_object('seq', seq, 'table', e->'tbl', 'rowId', e->'row_id',
          'hlc', e->'hlc', 'values', e->'vals', 'removed', e->'removed')
        ELSE json_build_object('seq', seq, 'table', e->'tbl', 'rowId', e->'row_id',
          'hlc', e->'hlc', 'values', e->'vals', 'removed', e->'removed',
          'overwrote', e->'overwrote')
      END::text
    FROM numbered
  ), carried AS (
    SELECT e->>'tbl' AS tbl, (e->>'row_id')::uuid AS row_id,
      jsonb_object_agg(f.field, seq ORDER BY seq) AS seqs
    FROM numbered, jsonb_object_keys(e->'vals') AS f (field)
    WHERE NOT (e->>'removed')::boolean GROUP BY 1, 2
  )
  INSERT INTO records (tbl, id, school_id, audience, data, clocks, seqs)
  SELECT r.tbl, r.id, r.school_id, r.audience, r.data, r.clocks,
    r.seqs || coalesce(c.seqs, '{}'::jsonb)
  FROM jsonb_to_recordset(p_records)
    AS r (tbl text, id uuid, school_id uuid, audience text, data jsonb, clocks jsonb, seqs jsonb)
    LEFT JOIN carried c ON c.tbl = r.tbl AND c.row_id = r.id
  ON CONFLICT (tbl, id) DO UPDATE SET school_id = excluded.school_id,
    audience = excluded.audience, data = excluded.data, clocks = excluded.clocks,
    seqs = excluded.seqs;
END $$;
`;
