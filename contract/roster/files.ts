import { Unzip, UnzipInflate } from 'fflate';
import { RosterError, type RosterIssue } from './issues';

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

/** How much of the zip is handed to the inflater at a time (see unzipRoster). */
const ZIP_SLICE = 16 * 1024;

const concat = (parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/**
 * The CSV files of a OneRoster zip. Files may sit in one folder inside the zip (as many
 * student information systems export them); anything that is not a .csv is ignored.
 * A zip bomb is refused while it inflates: the bytes actually inflated are counted, not the
 * sizes the zip declares (which a forged zip can understate), and the zip is fed to the
 * inflater a slice at a time, so one step can inflate at most ~1,000 times a slice (DEFLATE's
 * highest ratio) before the count stops it.
 */
export function unzipRoster(bytes: Uint8Array, maxBytes = MAX_ROSTER_BYTES): RosterFiles {
  const unreadable: RosterIssue = {
    file: '(zip)',
    line: 0,
    field: '',
    message: 'is not a zip file that can be read',
  };
  // A zip starts with a file's header, or is an empty archive's end record.
  const signature =
    bytes.length >= 4 ? new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true) : 0;
  if (signature !== 0x04034b50 && signature !== 0x06054b50) throw new RosterError([unreadable]);

  const files: RosterFiles = new Map();
  let inflated = 0;
  let refusal: RosterIssue | null = null;
  const unzip = new Unzip((file) => {
    if (refusal || !file.name.toLowerCase().endsWith('.csv')) return;
    const tooLarge = (): RosterIssue => ({
      file: file.name,
      line: 0,
      field: '',
      message: 'the roster is too large to import',
    });
    if (inflated + (file.originalSize ?? 0) > maxBytes) {
      refusal = tooLarge();
      return;
    }
    const parts: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (refusal) return;
      if (error) {
        refusal = unreadable;
        return;
      }
      inflated += chunk.length;
      if (inflated > maxBytes) {
        refusal = tooLarge();
        file.terminate();
        return;
      }
      parts.push(chunk);
      if (!final) return;
      const key = rosterFileName(file.name);
      try {
        files.set(key, rosterText(key, concat(parts)));
      } catch (notText) {
        refusal = notText instanceof RosterError ? (notText.issues[0] ?? unreadable) : unreadable;
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !refusal; at += ZIP_SLICE)
      unzip.push(bytes.subarray(at, at + ZIP_SLICE), at + ZIP_SLICE >= bytes.length);
  } catch {
    refusal ??= unreadable;
  }
  if (refusal) throw new RosterError([refusal]);
  return files;
}
