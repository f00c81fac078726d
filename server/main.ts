import { fileURLToPath } from 'node:url';
import { buildServer } from './app';
import { ConfigError, readConfig, type ServerConfig } from './config';
import { newEnrollmentCode } from './auth/secrets';
import { openDatabase } from './open-database';
import { NewerDatabaseError, migrateServer } from './migrate';
import { youngGenerationWarning } from './node-flags';
import { SHUTDOWN_GRACE_MS, stopWithin } from './shutdown';
import { rehearsalFor, rehearseSync } from './sync/rehearsal';
import { hotStatements, warmWrites } from './sync/warm';

/**
 * `npm run server` (or, built, `node dist-server/main.mjs`). Configured only by its
 * environment (server/config.ts checks it all before anything starts): DATABASE_URL selects a
 * real PostgreSQL; HEARTH_SERVER_POSTGRES=embedded starts one of the server's own
 * (server/embedded-postgres.ts, on HEARTH_SERVER_POSTGRES_PORT, default 5433); without either
 * the server keeps PGlite (PostgreSQL in WebAssembly). Both keep their data in
 * HEARTH_SERVER_DATA (default ./server-data). PORT and HOST choose where it listens (default
 * 127.0.0.1:8787; put it behind a TLS proxy in production). HEARTH_SETUP_CODE chooses first
 * setup's code; otherwise one is printed.
 */
async function main(): Promise<void> {
  let config: ServerConfig;
  try {
    config = readConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const { db, embedded } = await openDatabase(config);
  const closeDatabase = async () => {
    await db.close();
    await embedded?.stop();
  };
  const { restoreNoticed } = await migrateServer(db).catch(async (error: unknown) => {
    await closeDatabase();
    if (error instanceof NewerDatabaseError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  });
  await db.warm(hotStatements(), warmWrites());
  // The rehearsal only warms the sync path: one that fails is said in the log (below), and
  // the server starts all the same.
  const rehearsed = performance.now();
  const rehearsal = await rehearseSync(db, rehearsalFor(db)).catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
  const rehearsalMs = Math.round(performance.now() - rehearsed);
  // First setup takes a one-time code: the operator's own (HEARTH_SETUP_CODE, for scripted
  // installs; never printed), or one made now and printed here, on the console of whoever
  // started the server, not in its logs. A server already set up takes none.
  const setUp = (await db.query('SELECT 1 FROM staff_accounts LIMIT 1')).length > 0;
  const chosen = config.setupCode;
  const setupCode = setUp ? undefined : (chosen ?? newEnrollmentCode());
  const app = await buildServer({
    db,
    logger: { level: config.logLevel },
    setupCode,
    metricsToken: config.metricsToken,
    // Built beside the compiled server (scripts/build-server.mjs).
    consoleDir: fileURLToPath(new URL('./console/', import.meta.url)),
  });
  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    {
      database: embedded ? 'embedded postgres' : db.kind,
      rehearsal: rehearsal instanceof Error ? 'failed' : { ...rehearsal, ms: rehearsalMs },
    },
    'Hearth district server ready',
  );
  if (rehearsal instanceof Error || rehearsal.failed > 0 || rehearsal.outcomes > 0)
    app.log.warn(
      { rehearsal: rehearsal instanceof Error ? rehearsal.message : rehearsal },
      "The start's rehearsal of a school's syncs did not go through: computers' syncs may be slower than they should be for the first minutes.",
    );
  const heapWarning = youngGenerationWarning(process.execArgv, process.env.NODE_OPTIONS);
  if (heapWarning) app.log.warn(heapWarning);
  if (restoreNoticed)
    app.log.warn(
      'This database is a copy restored from a backup (noticed at start): computers will send again what it lacks at their next sync.',
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
    await stopWithin(
      SHUTDOWN_GRACE_MS,
      async () => {
        await app.close();
        await closeDatabase();
      },
      {
        exit: (code) => process.exit(code),
        overdue: () =>
          app.log.error(
            `requests or the database did not finish within ${SHUTDOWN_GRACE_MS / 1000} s of ${signal}; stopping anyway`,
          ),
        failed: (error) => app.log.error({ err: error }, 'the server did not stop cleanly'),
      },
    );
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
