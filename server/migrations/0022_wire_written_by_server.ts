/**
 * The server writes each log entry's wire text; PostgreSQL only puts the entry's seq in front.
 *
 * sync_append built the wire text itself (json_build_object over the entry's values, parsed
 * into jsonb on the way in and rendered back to text), for every entry, inside the school's
 * log lock. The server already has the entry as an object and JSON.stringify is cheap there;
 * in PostgreSQL it was 6-8% of the CPU of a push of ten new families (three interleaved pairs
 * of the sync benchmark's pushes), on the one database every instance shares. An entry now
 * carries its wire text without the seq (`wire`: what follows `{"seq":N,`) and the names of
 * the fields it sets (`fields`, which the record's `seqs` note). server/sync/store.ts
 * (entriesJson) writes both; the text is JSON only once the seq is in front, which is why it
 * is kept as a string until then. On the sync benchmark's copy (three interleaved pairs), the
 * 200-computer bursts' server + PostgreSQL CPU per sync read 2.25-2.27 ms against 2.70-2.85
 * in two pairs and the same in the third; the wire text is also shorter (no spaces), which the
 * server pays for in every page it sends.
 *
 * Entries appended before this keep their wire text as PostgreSQL wrote it (spaces around
 * its colons, values in jsonb's key order); both parse to the same change. The entries' and
 * records' `school_id`, unread since migration 0021, are no longer sent. Otherwise as 0021
 * made it.
 */
export default `
CREATE OR REPLACE FUNCTION sync_append(p_school uuid, p_entries jsonb, p_records jsonb) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  v_log_seq regclass := pg_get_serial_sequence('sync_log', 'seq')::regclass;
BEGIN
  IF jsonb_array_length(p_entries) = 0 THEN
    RETURN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM schools s WHERE s.id = p_school) THEN
    RAISE EXCEPTION 'there is no school %', p_school USING ERRCODE = '23503';
  END IF;
  WITH locked AS MATERIALIZED (
    SELECT pg_advisory_xact_lock(hashtext('hearth-sync-log'), hashtext(p_school::text)) AS ok
  ), numbered AS MATERIALIZED (
    SELECT nextval(v_log_seq) AS seq, x.e
    FROM locked, jsonb_array_elements(p_entries) WITH ORDINALITY AS x (e, n)
    ORDER BY x.n
  ), appended AS (
    INSERT INTO sync_log (seq, school_id, audience, tbl, row_id, hlc, removed, device_id, wire)
    SELECT seq, p_school, e->>'audience', e->>'tbl', (e->>'row_id')::uuid,
      e->>'hlc', (e->>'removed')::boolean, (e->>'device_id')::uuid,
      '{"seq":' || seq || ',' || (e->>'wire')
    FROM numbered
  ), carried AS (
    SELECT e->>'tbl' AS tbl, (e->>'row_id')::uuid AS row_id,
      jsonb_object_agg(f.field, seq ORDER BY seq) AS seqs
    FROM numbered, jsonb_array_elements_text(e->'fields') AS f (field)
    WHERE NOT (e->>'removed')::boolean GROUP BY 1, 2
  )
  INSERT INTO records (tbl, id, school_id, audience, data, clocks, seqs)
  SELECT r.tbl, r.id, p_school, r.audience, r.data, r.clocks,
    r.seqs || coalesce(c.seqs, '{}'::jsonb)
  FROM jsonb_to_recordset(p_records)
    AS r (tbl text, id uuid, audience text, data jsonb, clocks jsonb, seqs jsonb)
    LEFT JOIN carried c ON c.tbl = r.tbl AND c.row_id = r.id
  ON CONFLICT (tbl, id) DO UPDATE SET school_id = excluded.school_id,
    audience = excluded.audience, data = excluded.data, clocks = excluded.clocks,
    seqs = excluded.seqs;
END $$;
`;
