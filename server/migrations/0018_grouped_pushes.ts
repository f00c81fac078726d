/**
 * Pushes of one school that arrive while another of its pushes is being written are written
 * together, in one statement and one transaction (server/sync/group-commit.ts): one commit
 * and one turn of the school's log lock for the group, instead of one each.
 *
 * sync_push_group runs sync_push for each push of `p_pushes` (a JSON array of its
 * parameters) in order, each in a subtransaction: a push that raced another (sync_push's
 * 40001, or a deadlock) is undone alone and answered with its SQLSTATE, so the server reads
 * and decides it again; every other push of the group keeps its writes and gets its page.
 * Any other error fails the whole statement, and the server then writes the group's pushes
 * one by one. A push's page is read after its own append, with the group's earlier appends
 * before it, as sync_push alone would read it; the group commits as a whole, so no computer
 * is answered with a change that could still be rolled back.
 */
export default `
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
  PERFORM 1 FROM records r
  WHERE r.id = ANY (ARRAY(SELECT (w->>'id')::uuid FROM jsonb_array_elements(p_records) AS w))
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

CREATE FUNCTION sync_push_group(p_pushes jsonb)
RETURNS TABLE (push_index integer, push_error text,
  changes_text text, last_seq bigint, change_count integer, key_version float8)
LANGUAGE plpgsql AS $$
DECLARE
  p jsonb;
  page record;
BEGIN
  push_index := 0;
  FOR p IN SELECT x.value FROM jsonb_array_elements(p_pushes) WITH ORDINALITY AS x (value, n)
    ORDER BY x.n
  LOOP
    push_error := NULL;
    changes_text := NULL;
    last_seq := NULL;
    change_count := NULL;
    key_version := NULL;
    BEGIN
      SELECT * INTO page FROM sync_push((p->>'device')::uuid, (p->>'pushed')::bigint,
        (p->>'last')::bigint, (p->>'school')::uuid, p->'entries', p->'records', p->'rejections',
        (p->>'after')::bigint, ARRAY(SELECT jsonb_array_elements_text(p->'audiences')),
        (p->>'limit')::integer, p->'state');
      IF FOUND THEN
        changes_text := page.page_changes;
        last_seq := page.page_last;
        change_count := page.page_count;
        key_version := page.page_keys;
      END IF;
    EXCEPTION WHEN serialization_failure OR deadlock_detected THEN
      push_error := SQLSTATE;
    END;
    RETURN NEXT;
    push_index := push_index + 1;
  END LOOP;
END $$;
`;
