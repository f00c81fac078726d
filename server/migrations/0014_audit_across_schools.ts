/**
 * The district console lists the audit log across every school, newest first, a page at a
 * time: without this each page sorted the whole log (the school index serves one school).
 */
export default `
CREATE INDEX audit_log_by_time ON audit_log (at DESC, id DESC);
`;
