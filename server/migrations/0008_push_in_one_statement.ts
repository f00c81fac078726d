/**
 * A push's writes and the page its answer brings, in one call (server/sync/push.ts): under a
 * burst of syncs each message between the server and PostgreSQL was a good part of a push's
 * cost, and a transaction held open across them kept its school's log lock through the
 * server's round trips. PL/pgSQL keeps each statement's plan for the connection, and in a
 * volatile function each statement takes a new snapshot, which the checks and the page
 * below rely on.
 *
 * These functions are part of the schema: changing one takes a new migration
 * (CREATE OR REPLACE), like a table.
 *
 * - sync_append: append a school's entries and save their records (was the statement in
 *   commitChanges). The school's log lock is taken before any seq is drawn and held to
 *   commit, so a school's appends commit in seq order and a reader never sees a seq before a
 *   smaller one. Seqs are drawn in the entries' order (a volatile select list is evaluated
 *   after ORDER BY), so `jsonb_object_agg` in seq order keeps each field's last seq.
 * - sync_page: one page of a school's log after a cursor, for these audiences, as the JSON
 *   text of its changes (entries are kept as wire text, migration 0005).
 * - sync_push: a push decided by the server from what it read without locks. It locks the
 *   device (its pushed seq must still be the one read) and the records it writes, in
 *   (tbl, id) order as every writer does, then takes the school's log lock and checks that
 *   each is still the version read (`xmin`; none for a new record). Every write of a
 *   school's records holds that lock to commit (a record never changes school, merge.ts),
 *   so once it is held a record another push created meanwhile has committed, and the
 *   check (a new statement, so a new snapshot) sees it; the row lock alone cannot, for a
 *   row that did not exist. Holding the lock, a push waits for no row: those it updates
 *   are locked already, and no one else can create one it creates. When anything moved it
 *   raises 40001 and writes nothing, and the server reads and decides again. Then it keeps
 *   the rejections, appends, and reads the page: after the append, so the page holds it and
 *   everything before it. (Read before the append, outside the log lock, the page would
 *   miss the push's own entries, and a value another computer set earlier would show on
 *   this one until its next pull.)
 */
export default `
CREATE FUNCTION sync_append(p_school uuid, p_entries jsonb, p_records jsonb) RETURNS void
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
      json_build_object('seq', seq, 'table', e->'tbl', 'rowId', e->'row_id', 'hlc', e->'hlc',
        'values', e->'vals', 'removed', e->'removed')::text
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

CREATE FUNCTION sync_page(p_school uuid, p_after bigint, p_audiences text[], p_limit integer)
RETURNS TABLE (page_changes text, page_last bigint, page_count integer, page_keys float8)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT '[' || coalesce(string_agg(page.wire, ',' ORDER BY page.seq), '') || ']',
    max(page.seq), count(*)::integer,
    coalesce((SELECT k.version FROM key_versions k WHERE k.school_id = p_school), 0)::float8
  FROM (SELECT l.seq, l.wire FROM sync_log l
        WHERE l.school_id = p_school AND l.seq > p_after
          AND (l.audience = 'school' OR l.audience = ANY(p_audiences))
        ORDER BY l.seq LIMIT p_limit) AS page;
END $$;

CREATE FUNCTION sync_push(
  p_device uuid, p_pushed bigint, p_last bigint, p_school uuid,
  p_entries jsonb, p_records jsonb, p_rejections jsonb,
  p_after bigint, p_audiences text[], p_limit integer)
RETURNS TABLE (page_changes text, page_last bigint, page_count integer, page_keys float8)
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE devices SET pushed_seq = greatest(pushed_seq, p_last)
  WHERE id = p_device AND pushed_seq = p_pushed AND revoked_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'another push of this device came first, or it was revoked'
      USING ERRCODE = '40001';
  END IF;
  PERFORM 1 FROM records r
    JOIN jsonb_to_recordset(p_records) AS w (tbl text, id uuid) ON r.tbl = w.tbl AND r.id = w.id
  ORDER BY r.tbl, r.id FOR UPDATE OF r;
  IF jsonb_array_length(p_records) > 0 THEN
    PERFORM pg_advisory_xact_lock(hashtext('hearth-sync-log'), hashtext(p_school::text));
  END IF;
  IF EXISTS (
    SELECT 1 FROM jsonb_to_recordset(p_records) AS w (tbl text, id uuid, version text)
      LEFT JOIN records r ON r.tbl = w.tbl AND r.id = w.id
    WHERE r.xmin::text IS DISTINCT FROM w.version
  ) THEN
    RAISE EXCEPTION 'a record this push writes changed since it was read'
      USING ERRCODE = '40001';
  END IF;
  INSERT INTO sync_rejections (device_id, seq, reason)
  SELECT p_device, j.seq, j.reason FROM jsonb_to_recordset(p_rejections) AS j (seq bigint, reason text);
  PERFORM sync_append(p_school, p_entries, p_records);
  IF p_limit IS NOT NULL THEN
    RETURN QUERY SELECT * FROM sync_page(p_school, p_after, p_audiences, p_limit);
  END IF;
END $$;
`;
