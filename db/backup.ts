import { chmodSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  BACKUP_REASONS,
  HearthError,
  type BackupFile,
  type BackupReason,
  WORDS,
  say,
} from '../contract';
import { privateFolder } from './private-files';
import type { Store } from './store';

/**
 * Rolling backups of the encrypted database, in a `backups` folder beside it. Each backup is
 * a whole, consistent copy made with `VACUUM INTO` while the app runs: SQLite's backup API
 * refuses an encrypted source unless the target is keyed the same way, and better-sqlite3
 * opens the target itself without a key, whereas `VACUUM INTO` writes the copy encrypted
 * with the database's own cipher and key (tested in tests/unit/backup.test.ts). So a backup
 * is as safe as the database, and opens with the same key file.
 *
 * Invariant: a backup file's name says when and why it was made
 * (`hearth-20261203-142501-daily.sqlite`), so listing needs no index of its own.
 */
/** How many backups are kept; the oldest go first. */
export const BACKUPS_KEPT = 14;

// The reasons are the contract's own, so a new one can't make its backups vanish from the list.
const NAME = new RegExp(
  `^hearth-(\\d{8})-(\\d{6})(\\d{3})?-(${BACKUP_REASONS.join('|')})\\.sqlite$`,
);

export const backupFolderFor = (databaseFile: string) => join(dirname(databaseFile), 'backups');

function stamp(at: Date): string {
  const iso = at.toISOString(); // 2026-12-03T14:25:01.123Z
  return `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}${iso.slice(20, 23)}`;
}

function parseName(name: string): Omit<BackupFile, 'bytes'> | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, day = '', time = '', ms = '000', reason] = m;
  const at = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T${time.slice(0, 2)}:${time.slice(2, 4)}:${time.slice(4)}.${ms}Z`;
  return { name, at, reason: reason as BackupReason };
}

/** The backups in `folder`, newest first. */
export function listBackups(folder: string): BackupFile[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .flatMap((name) => {
      const parsed = parseName(name);
      return parsed ? [{ ...parsed, bytes: statSync(join(folder, name)).size }] : [];
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

/**
 * Write a backup of the open database now. Must run outside any transaction (VACUUM cannot
 * run inside one). The folder is the owner's alone (0700) and so is each file (0600).
 */
export function writeBackup(
  store: Store,
  folder: string,
  reason: BackupReason,
  at: Date,
): BackupFile {
  privateFolder(folder);
  const name = `hearth-${stamp(at)}-${reason}.sqlite`;
  const path = join(folder, name);
  // The path is ours (a fixed folder and a name made above), never typed by a person.
  store.db.prepare('VACUUM INTO ?').run(path);
  chmodSync(path, 0o600);
  for (const old of listBackups(folder).slice(BACKUPS_KEPT)) rmSync(join(folder, old.name));
  return { name, at: at.toISOString(), bytes: statSync(path).size, reason };
}

/** The path of a listed backup, refusing any name that is not one (no paths from outside). */
export function backupPath(folder: string, name: string): string {
  if (basename(name) !== name || !listBackups(folder).some((b) => b.name === name))
    throw new HearthError('NOT_FOUND', say(WORDS.backupNotFound));
  return join(folder, name);
}
