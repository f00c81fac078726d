/**
 * sync_append checks its school once per batch instead of twice per entry.
 *
 * The foreign keys from `sync_log.school_id` and `records.school_id` to `schools` each ran a
 * query per row, locking the school's row (FOR KEY SHARE) from every push of that school at
 * once: 15% of PostgreSQL's CPU per push in a morning burst (10 entries a push, measured on
 * the sync benchmark's pushes). They are dropped. sync_append now checks once that its school
 * exists, and writes every entry and record under that school, which is also the school
 * whose log lock it holds: an entry of another school appended here would have drawn its
 * seq under the wrong lock, breaking that school's "no seq appears below a cursor" rule, so
 * the entries' own `school_id` is no longer read (every caller passes one school's batch:
 * sync_push, and publish.ts by school).
 *
 * What the foreign keys also promised, that a log entry or record never outlives its school,
 * holds because no school is ever deleted (no statement in the server deletes one). The
 * log's foreign key to `devices` stays (pushes lock their own device's row already).
 *
 * Otherwise as migration 0011 made it; the log's sequence is looked up once per call instead
 * of once per entry.
 */
export default `
ALTER TABLE sync_log DROP CONSTRAINT sync_log_school_id_fkey;
ALTER TABLE records DROP CONSTRAINT records_school_id_fkey;

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
