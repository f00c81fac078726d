/**
 * A server instance keeps the recent end of each school's log (server/sync/log-cache.ts) and
 * cuts the pages of its computers from it, instead of PostgreSQL reading and sending the same
 * entries again for each computer of the school.
 *
 * - sync_tail: the school's entries after a seq, every audience, in seq order: what extends
 *   the kept window. It returns every entry up to its last row: appends hold the school's
 *   log lock from drawing their seqs until they commit (sync_append).
 * - sync_push_group now takes the school and, unless `p_tail_after` is NULL, ends its answer
 *   with the school's tail after it, read after the group's last push, and then one row
 *   with the school's key version. A push whose page is cut from the window is passed with
 *   no limit, so sync_push reads no page for it; one whose device is behind the window
 *   still gets its page from sync_push, as before. A lone push is a group of one.
 */
export default `
CREATE FUNCTION sync_tail(p_school uuid, p_after bigint, p_limit integer)
RETURNS TABLE (seq bigint, audience text, wire text)
LANGUAGE sql STABLE AS $$
  SELECT l.seq, l.audience, l.wire FROM sync_log l
  WHERE l.school_id = p_school AND l.seq > p_after
  ORDER BY l.seq LIMIT p_limit
$$;

DROP FUNCTION sync_push_group(jsonb);

CREATE FUNCTION sync_push_group(p_school uuid, p_pushes jsonb, p_tail_after bigint,
  p_tail_limit integer)
RETURNS TABLE (push_index integer, push_error text,
  changes_text text, last_seq bigint, change_count integer, key_version float8,
  tail_seq bigint, tail_audience text, tail_wire text)
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
        (p->>'last')::bigint, p_school, p->'entries', p->'records', p->'rejections',
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
  IF p_tail_after IS NULL THEN
    RETURN;
  END IF;
  RETURN QUERY SELECT NULL::integer, NULL::text, NULL::text, NULL::bigint, NULL::integer,
    NULL::float8, t.seq, t.audience, t.wire
  FROM sync_tail(p_school, p_tail_after, p_tail_limit) AS t;
  RETURN QUERY SELECT NULL::integer, NULL::text, NULL::text, NULL::bigint, NULL::integer,
    coalesce((SELECT k.version FROM key_versions k WHERE k.school_id = p_school), 0)::float8,
    NULL::bigint, NULL::text, NULL::text;
END $$;
`;
