import { unzipSync } from 'fflate';
import { RosterError } from './issues';

/** A roster's CSV files by lower-case file name ("users.csv"), as text. */
export type RosterFiles = Map<string, string>;

/** The most a roster may unpack to; a district of 200,000 people is well under 200 MiB. */
export const MAX_ROSTER_BYTES = 512 * 1024 * 1024;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** A file's name without its folders, lower case: zips use "/", Windows folders "\". */
export const rosterFileName = (path: string) => (path.split(/[\\/]/).pop() ?? path).toLowerCase();

/** One file's bytes as text, or a RosterError naming the file when it is not UTF-8. */
export function rosterText(name: string, bytes: Uint8Array): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new RosterError([
      { file: name, line: 0, field: '', message: 'is not UTF-8 text (save it as CSV UTF-8)' },
    ]);
  }
}

/**
 * The CSV files of a OneRoster zip. Files may sit in one folder inside the zip (as many
 * student information systems export them); anything that is not a .csv is ignored. The
 * sizes the zip declares are checked before anything is inflated, so a zip bomb is refused.
 */
export function unzipRoster(bytes: Uint8Array, maxBytes = MAX_ROSTER_BYTES): RosterFiles {
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (!file.name.toLowerCase().endsWith('.csv')) return false;
        total += file.originalSize;
        if (total > maxBytes)
          throw new RosterError([
            { file: file.name, line: 0, field: '', message: 'the roster is too large to import' },
          ]);
        return true;
      },
    });
  } catch (error) {
    if (error instanceof RosterError) throw error;
    throw new RosterError([
      { file: '(zip)', line: 0, field: '', message: 'is not a zip file that can be read' },
    ]);
  }
  const files: RosterFiles = new Map();
  for (const [name, content] of Object.entries(entries)) {
    const key = rosterFileName(name);
    files.set(key, rosterText(key, content));
  }
  return files;
}
