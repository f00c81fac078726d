/**
 * Audit entries a computer uploaded and the district refused (naming someone who never signed
 * in on that computer through the district), counted per computer for district IT.
 */
export default `
ALTER TABLE devices ADD COLUMN audit_refused bigint NOT NULL DEFAULT 0;
`;
