import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { WORDS, say, shown, type serverHealthSchema, type serverReadySchema } from '../../contract';
import type { ServerDb } from '../db';
import { SERVER_SCHEMA_VERSION } from '../migrate';

type Ready = z.infer<typeof serverReadySchema>;

/** The schema the database holds: 0 before the first migration made the table. */
async function schemaOf(db: ServerDb): Promise<number> {
  try {
    const [row] = await db.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM server_migrations',
    );
    return row?.version ?? 0;
  } catch (error) {
    if ((error as { code?: unknown }).code === '42P01') return 0;
    throw error;
  }
}

/**
 * `/health` says the process is alive (a liveness check: restarting it is the cure, so it does
 * not depend on the database); `/ready` says this instance can serve (a load balancer sends it
 * nothing until the database answers and holds this server's schema).
 */
export function healthRoutes(app: FastifyInstance, db: ServerDb): void {
  app.get('/health', async (): Promise<z.infer<typeof serverHealthSchema>> => ({
    status: 'ok',
    database: db.kind,
    schema: SERVER_SCHEMA_VERSION,
  }));

  app.get('/ready', async (_request, reply): Promise<Ready> => {
    let schema: number;
    try {
      schema = await schemaOf(db);
    } catch {
      void reply.code(503);
      return { status: 'not_ready', ...shown(say(WORDS.databaseUnreachable)) };
    }
    if (schema === SERVER_SCHEMA_VERSION) return { status: 'ready', schema };
    void reply.code(503);
    return {
      status: 'not_ready',
      // A newer server migrated the database while this one runs (an upgrade under way).
      ...shown(
        say(schema > SERVER_SCHEMA_VERSION ? WORDS.databaseAhead : WORDS.databaseBehind, {
          schema,
          expected: SERVER_SCHEMA_VERSION,
        }),
      ),
    };
  });
}
