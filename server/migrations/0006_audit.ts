/**
 * The district's copy of every device's audit log: who read or changed restricted records,
 * about whom, when, and from which computer (the uploading device, by its token). Entries
 * are only ever added: a trigger refuses updates and deletes, so no API call or bug can
 * rewrite history. `staff_id` has no foreign key on purpose: an entry keeps saying who it
 * was even for an account the district does not hold (a computer's first administrator).
 */
export default `
CREATE TABLE audit_log (
  id uuid PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools (id),
  device_id uuid NOT NULL REFERENCES devices (id),
  staff_id uuid NOT NULL,
  at timestamptz NOT NULL,
  action text NOT NULL,
  record_type text NOT NULL,
  record_ids uuid[] NOT NULL,
  student_id uuid,
  person_id uuid,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_by_school ON audit_log (school_id, at DESC);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'The audit log is append-only.';
END
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
`;
