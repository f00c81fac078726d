import type { FastifyInstance } from 'fastify';
import { pullQuery, pushInput, type PushInput } from '../../contract';
import { requireDevice } from '../auth/guards';
import type { ServerDb } from '../db';
import { readPage } from '../sync/pull';
import { applyPush, checkBatch, holdPush, lastSeqOf } from '../sync/push';
import { parseBody } from '../validate';

/** A push of MAX_PUSH_CHANGES large notes fits; anything bigger is refused whole (413). */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

export function syncRoutes(app: FastifyInstance, db: ServerDb): void {
  app.post('/v1/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
    const answer = await db.transaction(
      async (tx) => {
        let input: PushInput;
        try {
          input = parseBody(pushInput, request.body);
          checkBatch(input.changes, Date.now());
        } catch (refused) {
          // A stranger hears only that they are not signed in, never what a batch must be.
          await requireDevice(tx, request);
          throw refused;
        }
        const { changes } = input;
        const held = await holdPush(
          tx,
          request,
          changes.map((c) => c.rowId),
          lastSeqOf(changes),
        );
        return {
          device: held.device,
          input,
          result: await applyPush(tx, held, input),
        };
      },
      // Read after the push committed, so the page holds what it appended. The page is JSON
      // text built by PostgreSQL (readPage) and goes into the answer as it is; were this
      // read to fail, the device sends the batch again and hears it was a duplicate.
      async (sql, { device, input, result }) => {
        const pushed = JSON.stringify(result);
        if (!input.pull) return pushed;
        const page = await readPage(sql, device, input.pull.after, input.pull.limit);
        return `${pushed.slice(0, -1)},"page":${page}}`;
      },
    );
    return reply.type('application/json').send(answer);
  });

  app.get('/v1/sync/pull', async (request, reply) => {
    const device = await requireDevice(db, request);
    const { after, limit } = parseBody(pullQuery, request.query);
    return reply.type('application/json').send(await readPage(db, device, after, limit));
  });
}
