import type { FastifyInstance } from 'fastify';
import { keyExchangeInput } from '../../contract';
import { requireDevice } from '../auth/guards';
import type { ServerDb } from '../db';
import { acceptShares, bundleFor } from '../sync/keys';
import { parseBody } from '../validate';

export function keyRoutes(app: FastifyInstance, db: ServerDb): void {
  /** Upload the shares this device made, receive what its staff need: one round trip per sync. */
  app.post('/v1/device/keys', async (request) => {
    const device = await requireDevice(db, request);
    const { shares } = parseBody(keyExchangeInput, request.body);
    return db.transaction(async (tx) => {
      await acceptShares(tx, device, shares);
      return bundleFor(tx, device);
    });
  });
}
