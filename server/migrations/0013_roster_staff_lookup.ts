/**
 * Which staff accounts the roster made, found by account: the console lists a school's staff
 * with the roster's fields marked, and a change to those fields is refused (the roster's next
 * import would undo it). Without it each lookup reads every roster id (120k in a large district).
 */
export default `
CREATE INDEX roster_sources_staff_accounts ON roster_sources (hearth_id) WHERE kind = 'staff';
`;
