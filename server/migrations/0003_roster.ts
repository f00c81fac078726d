/**
 * The roster's ids: which Hearth record each OneRoster sourcedId became, so a re-import
 * updates the same records instead of making new ones. `imported` holds the values the
 * roster last gave for the fields it informs (phones, email, relationship): a later import
 * changes such a field only when the roster's value changed, so an edit made in Hearth
 * stays until the district's system says something new.
 *
 * Keys: an org, a student or a staff member by sourcedId; a caregiver once per school they
 * have students in (`<sourcedId>@<school id>`: Hearth keeps people per school); a link as
 * `<student sourcedId>|<caregiver sourcedId>`.
 */
export default `
CREATE TABLE roster_sources (
  kind text NOT NULL CHECK (kind IN ('org', 'student', 'person', 'link', 'staff')),
  source_key text NOT NULL,
  hearth_id uuid NOT NULL,
  school_id uuid REFERENCES schools (id),
  imported jsonb NOT NULL DEFAULT '{}',
  PRIMARY KEY (kind, source_key)
);

CREATE TABLE roster_imports (
  id uuid PRIMARY KEY,
  imported_at timestamptz NOT NULL DEFAULT now(),
  -- NULL when imported from the command line by district IT.
  imported_by uuid REFERENCES staff_accounts (id),
  version text NOT NULL,
  summary jsonb NOT NULL
);
`;
