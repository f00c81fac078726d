import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * Hearth's files hold families' records, so they are for the user who runs Hearth alone:
 * folders 0700, files 0600 (no effect on Windows, where the user's profile folder is private).
 */
export function privateFolder(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

/**
 * A database file made (or made again) private before SQLite opens it. SQLite gives the -wal
 * and -shm files it creates the database file's own permissions; ones left by an older version
 * are made private too.
 */
export function privateDatabaseFile(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  for (const path of [file, `${file}-wal`, `${file}-shm`])
    if (existsSync(path)) chmodSync(path, 0o600);
}
