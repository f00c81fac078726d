/**
 * What the desk decided about a warned pickup: the guardian who said yes (a visit's
 * `guardianConfirmation`), and warnings raised again when a restricted visitor left while a
 * student they may not take was being dismissed (`signOutWarnings`, acknowledged at).
 */
export const sql = `
ALTER TABLE visits ADD COLUMN guardian_confirmation TEXT;
ALTER TABLE visits ADD COLUMN sign_out_warnings TEXT;
ALTER TABLE visits ADD COLUMN sign_out_acknowledged_at TEXT;
`;
