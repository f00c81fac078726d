/**
 * A push marks its computer seen (and keeps what it says of itself, contract/sync.ts
 * COMPUTER_HEADER) in the row sync_push writes anyway for the pushed seq, instead of the
 * statement that reads the push (READ_PUSH), which then writes nothing. That write was a
 * second row version and a second commit for a computer's first push after a minute away:
 * every computer's first sync of the morning.
 *
 * sync_push is otherwise as migration 0008 made it; its comment there holds.
 */
export default `
DROP FUNCTION sync_push(uuid, bigint, bigint, uuid, jsonb, jsonb, jsonb, bigint, text[], integer);

CREATE FUNCTION sync_push(
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
