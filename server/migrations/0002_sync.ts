/**
 * Sync: every synced record as the contract's JSON with each field's clock, the change log
 * devices pull from, and what each device has pushed.
 *
 * Restricted notes and follow-ups arrive with their content already sealed (contract
 * `sealed`: ciphertext and the record key wrapped with a team key), so `data` never holds
 * a restricted body in the clear.
 */
export default `
CREATE TABLE records (
  tbl text NOT NULL,
  id uuid NOT NULL,
  school_id uuid NOT NULL REFERENCES schools (id),
  -- 'school', 'team:<team>' or 'staff:<id>' (contract/audience.ts).
  audience text NOT NULL,
  data jsonb NOT NULL,
  -- field name -> the hybrid logical clock of the value that won (last writer wins).
  clocks jsonb NOT NULL,
  -- field name -> the sync_log seq that carried that value: a push based on an older
  -- cursor that overwrites it did so without having seen it (a conflict to review).
  seqs jsonb NOT NULL,
  PRIMARY KEY (tbl, id)
);
-- A push names rows by id (UUIDv7, unique across tables); this finds them without the table.
CREATE INDEX records_by_id ON records (id);

-- Appended only while holding the sync log lock (server/sync/log.ts), so sequence numbers
-- become visible in commit order and a reader paging with after=seq never skips one.
CREATE TABLE sync_log (
  seq bigserial PRIMARY KEY,
  school_id uuid NOT NULL REFERENCES schools (id),
  audience text NOT NULL,
  tbl text NOT NULL,
  row_id uuid NOT NULL,
  hlc text NOT NULL,
  vals jsonb NOT NULL,
  -- The record left this audience: devices that only saw it through it delete their copy.
  removed boolean NOT NULL DEFAULT false,
  -- NULL when the server wrote it (staff accounts, roster import).
  device_id uuid REFERENCES devices (id)
);
CREATE INDEX sync_log_by_school ON sync_log (school_id, seq);

-- The highest change seq applied from each device: a change at or below it is a duplicate.
ALTER TABLE devices ADD COLUMN pushed_seq bigint NOT NULL DEFAULT 0;

-- Kept so that a retried push gets the same answer it would have had the first time.
CREATE TABLE sync_rejections (
  device_id uuid NOT NULL REFERENCES devices (id),
  seq bigint NOT NULL,
  reason text NOT NULL,
  PRIMARY KEY (device_id, seq)
);

-- Staff who signed in on a device through the server: the device receives what they may see,
-- and changes it pushes must be made by one of them.
CREATE TABLE device_users (
  device_id uuid NOT NULL REFERENCES devices (id),
  staff_id uuid NOT NULL REFERENCES staff_accounts (id),
  signed_in_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (device_id, staff_id)
);
`;
