/** A strength the school invited the family to share, and the family's contribution of it. */
export const sql = `
ALTER TABLE strengths ADD COLUMN invited_at TEXT;
ALTER TABLE strengths ADD COLUMN invited_by TEXT REFERENCES staff (id);
ALTER TABLE strengths ADD COLUMN contributed_at TEXT;
ALTER TABLE strengths ADD COLUMN contributed_by TEXT REFERENCES staff (id);
`;
