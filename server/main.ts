import { resolve } from 'node:path';
import { buildServer } from './app';
import { newEnrollmentCode } from './auth/secrets';
import { openPglite, openPostgres, type ServerDb } from './db';
import { startEmbeddedPostgres, type EmbeddedCluster } from './embedded-postgres';
import { NewerDatabaseError, migrateServer } from './migrate';

/**
 * `npm run server`. DATABASE_URL selects a real PostgreSQL; HEARTH_SERVER_POSTGRES=embedded
 * starts one of the server's own (server/embedded-postgres.ts, on
 * HEARTH_SERVER_POSTGRES_PORT, default 5433); without either the server keeps PGlite (PostgreSQL
 * in WebAssembly). Both keep their data in HEARTH_SERVER_DATA (default ./server-data). PORT
 * and HOST choose where it listens (default 127.0.0.1:8787; put it behind a TLS proxy in
 * production). HEARTH_SETUP_CODE chooses first setup's code; otherwise one is printed.
 */
async function main(): Promise<void> {
  const dataDir = resolve(process.env.HEARTH_SERVER_DATA ?? 'server-data');
  const poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 20);
  const mode = process.env.HEARTH_SERVER_POSTGRES;
  if (mode !== undefined && mode !== 'embedded')
    throw new Error(`HEARTH_SERVER_POSTGRES must be "embedded" or unset, not "${mode}".`);
  if (mode && process.env.DATABASE_URL)
    throw new Error('Set DATABASE_URL or HEARTH_SERVER_POSTGRES=embedded, not both.');
  const embedded: EmbeddedCluster | null = mode
    ? await startEmbeddedPostgres(dataDir, Number(process.env.HEARTH_SERVER_POSTGRES_PORT ?? 5433))
    : null;
  const url = embedded?.url ?? process.env.DATABASE_URL;
  const db: ServerDb = url ? openPostgres(url, poolSize) : await openPglite(dataDir);
  const closeDatabase = async () => {
    await db.close();
    await embedded?.stop();
  };
  try {
    await migrateServer(db);
  } catch (error) {
    await closeDatabase();
    if (error instanceof NewerDatabaseError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  // First setup takes a one-time code: the operator's own (HEARTH_SETUP_CODE, for scripted
  // installs; never printed), or one made now and printed here, on the console of whoever
  // started the server, not in its logs. A server already set up takes none.
  const setUp = (await db.query('SELECT 1 FROM staff_accounts LIMIT 1')).length > 0;
  const chosen = process.env.HEARTH_SETUP_CODE;
  const setupCode = setUp ? undefined : (chosen ?? newEnrollmentCode());
  const app = await buildServer({
    db,
    logger: { level: process.env.LOG_LEVEL ?? 'info' },
    setupCode,
  });
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  await app.listen({ port, host });
  app.log.info(
    { database: embedded ? 'embedded postgres' : db.kind },
    'Hearth district server ready',
  );
  if (setupCode && !chosen)
    console.log(
      `First setup: POST /v1/bootstrap with the setup code ${setupCode} (it changes at each start until the district's administrator exists).`,
    );

  // Graceful shutdown: stop taking requests, let the ones in flight finish, close the database.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await closeDatabase();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

void main().catch((error: unknown) => {
  console.error(
    'The Hearth server could not start:',
    error instanceof Error ? error.message : error,
  );
  process.exit(1);
});
