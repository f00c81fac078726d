import type { ServerConfig } from './config';
import { openPglite, openPostgres, type ServerDb } from './db';
import { startEmbeddedPostgres, type EmbeddedCluster } from './embedded-postgres';

/**
 * The database the configuration names (the embedded PostgreSQL is started first), and its
 * address when it is a PostgreSQL's (PostgreSQL's own programs need it: server/backup/).
 */
export async function openDatabase({
  database,
  dataDir,
}: ServerConfig): Promise<{ db: ServerDb; embedded: EmbeddedCluster | null; url: string | null }> {
  switch (database.kind) {
    case 'pglite':
      return { db: await openPglite(dataDir), embedded: null, url: null };
    case 'url':
      return {
        db: openPostgres(database.url, {
          maxConnections: database.poolSize,
          prepared: database.prepared,
        }),
        embedded: null,
        url: database.url,
      };
    case 'embedded': {
      const embedded = await startEmbeddedPostgres(dataDir, database.port);
      return {
        db: openPostgres(embedded.url, { maxConnections: database.poolSize }),
        embedded,
        url: embedded.url,
      };
    }
  }
}
