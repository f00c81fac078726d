import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { rosterText, unzipRoster, type RosterFiles } from '../../contract/roster/files';

/** A folder of OneRoster CSV files, or a zip of them. */
export async function readRoster(path: string): Promise<RosterFiles> {
  const info = await stat(path);
  if (!info.isDirectory()) return unzipRoster(await readFile(path));
  const files: RosterFiles = new Map();
  for (const name of await readdir(path)) {
    if (!name.toLowerCase().endsWith('.csv')) continue;
    files.set(name.toLowerCase(), rosterText(name, await readFile(join(path, name))));
  }
  return files;
}
