/**
 * `records` keeps one index, its primary key (tbl, id); `records_by_id` (id alone) is dropped.
 *
 * Every lookup by id already knows the record's table (a change names its table, and so does
 * each of the server's own writes), so each now asks for (tbl, id) pairs: READ_PUSH
 * (server/sync/push.ts), HOLD_RECORDS (server/sync/store.ts) and sync_push's lock below,
 * which is otherwise as migration 0022 made it. The second index cost each record a push
 * writes a second B-tree insert: serial pushes of ten new families, the index dropped and
 * put back in turn (six interleaved pairs of 1,000 pushes), spent 0.03–0.08 ms less of
 * PostgreSQL's CPU a push without it, 0.07 of 0.85 at the median.
 */
export default `
DROP INDEX records_by_id;

CREATE OR REPLACE FUNCTION sync_push(
  p_device uuid, p_pushed bigint, p_last bigint, p_school uuid,
  p_entries jsonb, p_records jsonb, p_rejections jsonb,
  p_after bigint, p_audiences text[], p_limit integer, p_state jsonb)
RETURNS TABLE (page_changes text, page_last bigint, page_count integer, page_keys float8)
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE devices SET pushed_seq = greatest(pushed_seq, p_last), last_seen_at = now(),
    app_version = coalesce(p_state->>'appVersion', app_version),
    changes_waiting = coalesce((p_state->>'changesWaiting')::int, changes_waiting),
    conflicts_waiting = coalesce((p_state->>'conflictsWaiting')::int, conflicts_waiting)
  WHERE id = p_device AND pushed_seq = p_pushed AND revoked_at IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'another push of this device came first, or it was revoked'
      USING ERRCODE = '40001';
  END IF;
  IF jsonb_path_exists(p_records, '$[*] ? (@.version != null)') THEN
    PERFORM 1 FROM records r
    WHERE (r.tbl, r.id) IN (SELECT w->>'tbl', (w->>'id')::uuid
      FROM jsonb_array_elements(p_records) AS w WHERE w->>'version' IS NOT NULL)
    ORDER BY r.tbl, r.id FOR UPDATE OF r;
  END IF;
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
  PERFORM sync_append(p_school, p_device, p_entries, p_records);
  IF p_limit IS NOT NULL THEN
    RETURN QUERY SELECT * FROM sync_page(p_school, p_after, p_audiences, p_limit);
  END IF;
END $$;
`;
