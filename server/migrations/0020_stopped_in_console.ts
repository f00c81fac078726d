/**
 * When an administrator stopped a roster account in the console (someone left today; the
 * student information system will say so later). The roster cannot make it active again
 * while this is set: only an administrator, in the console, can (which clears it).
 */
export default `
ALTER TABLE staff_accounts ADD COLUMN stopped_in_console_at timestamptz;
`;
