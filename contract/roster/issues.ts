/** One thing wrong in a roster: the file, its line (1 is the header; 0 the file as a whole), the column. */
export interface RosterIssue {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** Most issues reported at once: enough to fix a systematic mistake, not a flood. */
export const MAX_ISSUES = 50;

/** A roster that cannot be imported. Nothing of it was written. */
export class RosterError extends Error {
  constructor(readonly issues: RosterIssue[]) {
    super(
      `The roster was not imported; nothing was changed. ${issues.length} problem${issues.length === 1 ? '' : 's'}:\n` +
        issues.map(describeIssue).join('\n'),
    );
  }
}

export function describeIssue({ file, line, field, message }: RosterIssue): string {
  const where = line > 0 ? `${file}, line ${line}` : file;
  return field ? `${where}, ${field}: ${message}` : `${where}: ${message}`;
}
