import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callOrThrow } from '../../db/core';
import { buildServer } from '../../server/app';
import { openPostgres } from '../../server/db';
import { migrateServer } from '../../server/migrate';
import {
  DISTRICT_PASSWORD,
  enrollDevice,
  injectSender,
  injectTransport,
  startDistrict,
  type Device,
} from '../district';
import { tempDir } from '../helpers';
import { PGBOUNCER_MISSING, pgBouncerBinary, startPgBouncer } from '../pgbouncer';
import { startPostgres, type PostgresCluster } from '../postgres-cluster';

/**
 * Several district server instances on one PostgreSQL through PgBouncer in transaction
 * pooling mode (README, "More than one server"): fewer PostgreSQL connections than the
 * instances hold, any of them serving any transaction.
 */
const runs = pgBouncerBinary() !== null || process.env.CI === 'true';
if (!runs) console.warn(PGBOUNCER_MISSING);

describe.skipIf(!runs)('district servers behind PgBouncer', () => {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());

  it('two instances migrate together and serve one district: computers syncing through either converge', async () => {
    const bouncer = await startPgBouncer(await (cluster as PostgresCluster).newDatabase(), 3);
    const instances = [1, 2].map(() =>
      openPostgres(bouncer.url, { maxConnections: 6, prepared: false }),
    );
    const [dbA, dbB] = instances as [(typeof instances)[0], (typeof instances)[0]];
    const closers: (() => Promise<unknown>)[] = [];
    try {
      // Both start at once: the migration lock (a transaction's advisory lock) works there.
      await Promise.all(instances.map((db) => migrateServer(db)));
      const d = await startDistrict(dbA);
      const other = await buildServer({ db: dbB });
      closers.push(
        () => d.close(),
        () => other.close(),
      );
      const office = await d.addStaff('Omar Office', 'front_office', []);
      const devices: Device[] = [];
      for (const name of ['Front desk', 'Office laptop', 'Library']) {
        const device = await enrollDevice(d, tempDir(), name);
        closers.push(async () => device.core.close());
        await device.signIn(office);
        callOrThrow(device.core, 'session.signIn', {
          staffId: office.id,
          password: DISTRICT_PASSWORD,
        });
        devices.push(device);
      }
      // The desk goes through one instance, the others through the second.
      const throughOther = (device: Device) =>
        injectTransport({ ...d, send: injectSender(other) }, device.token);
      const syncAll = () =>
        Promise.all(
          devices.map((device, i) => (i === 0 ? device.sync() : device.sync(throughOther(device)))),
        );
      for (let round = 1; round <= 4; round++) {
        devices.forEach((device, i) =>
          callOrThrow(device.core, 'household.create', {
            name: `Family ${round}-${i}`,
            address: null,
          }),
        );
        await syncAll();
      }
      await syncAll();
      const families = (device: Device) =>
        device.core.store.db.prepare('SELECT name FROM households ORDER BY name').all();
      expect(families(devices[0] as Device)).toHaveLength(12);
      for (const device of devices) {
        expect(families(device)).toEqual(families(devices[0] as Device));
        expect(device.core.sync.pending()).toBe(0);
      }
      const [stored] = await dbB.query<{ n: string }>(
        "SELECT count(*) AS n FROM records WHERE tbl = 'households'",
      );
      expect(Number(stored?.n)).toBe(12);
    } finally {
      while (closers.length) await closers.pop()?.();
      await Promise.all(instances.map((db) => db.close()));
      await bouncer.stop();
    }
  }, 60_000);
});
