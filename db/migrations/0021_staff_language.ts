/** The language each staff member chose for Hearth; NULL follows the computer's. */
export const sql = `
ALTER TABLE staff ADD COLUMN language TEXT;
`;
