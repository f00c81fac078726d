import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { serverHealthSchema } from '../../contract';
import type { ServerDb } from '../db';
import { SERVER_SCHEMA_VERSION } from '../migrate';

/** Up when the database answers; a load balancer takes an instance out when it is not. */
export function healthRoutes(app: FastifyInstance, db: ServerDb): void {
  app.get('/health', async (): Promise<z.infer<typeof serverHealthSchema>> => {
    await db.query('SELECT 1');
    return { status: 'ok', database: db.kind, schema: SERVER_SCHEMA_VERSION };
  });
}
