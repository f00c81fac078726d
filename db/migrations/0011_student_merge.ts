/** A student added by hand and later brought by the roster can be merged into the roster's record. */
export const sql = `
ALTER TABLE students ADD COLUMN merged_into_id TEXT REFERENCES students (id);
`;
