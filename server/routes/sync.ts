import type { FastifyInstance } from 'fastify';
import {
  MAX_PUSH_BYTES,
  pullQuery,
  pushInput,
  type PullQuery,
  type PushInput,
} from '../../contract';
import { computerState, findDevice, requireDevice } from '../auth/guards';
import type { ServerDb } from '../db';
import { audiencesOf } from '../sync/device-staff';
import { FIND_PULLING_DEVICE, pageJson, readPage, type PullingDeviceRow } from '../sync/pull';
import type { PushGroups } from '../sync/group-commit';
import type { LogCache } from '../sync/log-cache';
import type { PushReads } from '../sync/push-reads';
import { checkBatch, pushBatch } from '../sync/push';
import { parseBody } from '../validate';

/** A device's heaviest batch fits with room to spare; anything bigger is refused whole (413). */
export const PUSH_BODY_LIMIT = 2 * MAX_PUSH_BYTES;

/**
 * The sync routes, with what the server keeps between requests: pushes' reads and writes
 * waiting to share a statement, and the log cache.
 */
export function syncRoutes(
  app: FastifyInstance,
  db: ServerDb,
  kept: { reads: PushReads; groups: PushGroups; cache: LogCache },
): void {
  app.post('/v1/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request, reply) => {
    let input: PushInput;
    try {
      input = parseBody(pushInput, request.body);
      checkBatch(input.changes, Date.now());
    } catch (refused) {
      // A stranger hears only that they are not signed in, never what a batch must be.
      await requireDevice(db, request);
      throw refused;
    }
    // The answer is JSON bytes: its page is joined from the entries' wire texts, never parsed.
    return reply.type('application/json').send(await pushBatch(db, kept, request, input));
  });

  app.get('/v1/sync/pull', async (request, reply) => {
    let query: PullQuery;
    try {
      query = parseBody(pullQuery, request.query);
    } catch (refused) {
      await requireDevice(db, request);
      throw refused;
    }
    const { device, row } = await findDevice<PullingDeviceRow>(db, request, FIND_PULLING_DEVICE, [
      computerState(request),
    ]);
    const known = { head: Number(row.head ?? 0), keyVersion: row.key_version };
    const ask = { after: query.after, limit: query.limit, audiences: audiencesOf(device) };
    const page = await readPage(db, kept.cache, device, ask, known);
    return reply
      .type('application/json')
      .send(Buffer.concat(pageJson(page, ask.audiences, device.log)));
  });
}
