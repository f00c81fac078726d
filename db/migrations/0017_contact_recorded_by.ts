/**
 * A contact an administrator recorded for the staff member who made it names who recorded it
 * (null: the one who made it recorded it).
 */
export const sql = `
ALTER TABLE contacts ADD COLUMN recorded_by TEXT REFERENCES staff (id);
`;
