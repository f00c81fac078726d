/**
 * Medications given at school (contract/medications.ts): orders and the record of each
 * dose, sealed for the health team. Dose entries are never changed; a correction is a new
 * entry naming the one it corrects.
 */
export const sql = `
CREATE TABLE med_orders (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  visibility TEXT NOT NULL CHECK (visibility = 'team:health'),
  status TEXT NOT NULL CHECK (status IN ('active', 'stopped')),
  ending_follow_up_id TEXT,
  low_supply_follow_up_id TEXT,
  updated_by TEXT NOT NULL REFERENCES staff (id),
  updated_at TEXT NOT NULL,
  sealed TEXT NOT NULL
) STRICT;
CREATE INDEX med_orders_by_student ON med_orders (student_id);
CREATE INDEX med_orders_active ON med_orders (school_id, status);

CREATE TABLE med_doses (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  school_id TEXT NOT NULL REFERENCES schools (id),
  student_id TEXT NOT NULL REFERENCES students (id),
  order_id TEXT NOT NULL REFERENCES med_orders (id),
  visibility TEXT NOT NULL CHECK (visibility = 'team:health'),
  for_day TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff (id),
  corrects_id TEXT,
  sealed TEXT NOT NULL
) STRICT;
CREATE INDEX med_doses_by_order ON med_doses (order_id, for_day);
CREATE INDEX med_doses_by_day ON med_doses (school_id, for_day);
`;
