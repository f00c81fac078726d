import { ConfigError, type ServerConfig } from './config';
import type { ServerDb } from './db';
import { openDatabase } from './open-database';

/**
 * What the server's commands (roster import, backups) share: the database the server's
 * environment names, opened with two connections and closed (the embedded PostgreSQL
 * stopped) whatever happens, and an exit code with the failure in plain words.
 */
export async function withScriptDatabase<T>(
  config: ServerConfig,
  work: (opened: { db: ServerDb; url: string | null }) => Promise<T>,
): Promise<T> {
  const { db, embedded, url } = await openDatabase({
    ...config,
    database:
      config.database.kind === 'pglite' ? config.database : { ...config.database, poolSize: 2 },
  });
  try {
    return await work({ db, url });
  } finally {
    await db.close();
    await embedded?.stop();
  }
}

/**
 * Run a command's `main` and exit with its code. A failure it expects (`said`, and a wrong
 * setting) is printed as it is; another is printed after `failed`.
 */
export function runScript(
  main: () => Promise<number>,
  failed: string,
  said: (error: unknown) => error is Error,
): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof ConfigError || said(error)) console.error(error.message);
      else console.error(failed, error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
