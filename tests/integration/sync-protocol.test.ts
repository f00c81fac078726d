import type { FastifyInstance } from 'fastify';
import { describe, expect, it, vi } from 'vitest';
import { PROTOCOLS_HEADER, PROTOCOL_VERSION, WORDS } from '../../contract';
import { callOrThrow } from '../../db/core';
import { SyncAgent } from '../../db/sync/agent';
import { SyncFailure, httpTransport, syncOnce } from '../../db/sync/client';
import { buildServer } from '../../server/app';
import type { ProtocolRange } from '../../server/protocol';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * The version handshake (contract/sync.ts PROTOCOL_VERSION), played with two builds: a
 * second server on the district's database that takes another range of versions, and a
 * computer whose requests say another version. Whichever side is behind is named, nothing is
 * written, and the computer keeps working and keeps what it did until the versions meet.
 */
const BACKENDS = serverBackends();

describe.each(BACKENDS)('the version handshake on $name', ({ open }) => {
  const fixture = districtFixture(open);
  const servers: FastifyInstance[] = [];

  async function serverTaking(db: Parameters<typeof buildServer>[0]['db'], range: ProtocolRange) {
    const app = await buildServer({ db, protocols: range });
    servers.push(app);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    return `http://127.0.0.1:${address.port}`;
  }

  async function deskWithWork() {
    const { district: d, desk } = await fixture.deskWithWork();
    return { desk, db: d.db };
  }

  const failureOf = (work: Promise<unknown>) =>
    work.then(
      () => null,
      (error: unknown) => error,
    );

  it('tells a computer too old to update Hearth, and one too new that the district must update; each keeps its work', async () => {
    const { desk, db } = await deskWithWork();
    try {
      const pending = desk.core.sync.pending();
      expect(pending).toBeGreaterThan(0);
      const newer = await serverTaking(db, {
        min: PROTOCOL_VERSION + 1,
        max: PROTOCOL_VERSION + 1,
      });

      // This build is behind the server: update Hearth here; retrying would not help.
      const old = await failureOf(syncOnce(desk.core.sync, httpTransport(newer, desk.token)));
      expect(old).toBeInstanceOf(SyncFailure);
      expect(old).toMatchObject({
        code: 'UPDATE_HEARTH',
        retry: false,
        message: WORDS.updateHearth.defaultMessage,
        said: { id: WORDS.updateHearth.id },
      });
      const answer = await fetch(`${newer}/health`);
      expect(answer.headers.get(PROTOCOLS_HEADER)).toBe(
        `${PROTOCOL_VERSION + 1}-${PROTOCOL_VERSION + 1}`,
      );

      // A build ahead of the server: the district must update; worth trying again later.
      const ahead = await failureOf(
        syncOnce(
          desk.core.sync,
          httpTransport(newer, desk.token, { protocol: PROTOCOL_VERSION + 2 }),
        ),
      );
      expect(ahead).toMatchObject({ code: 'SERVER_TOO_OLD', retry: true });

      // Nothing was taken, and the desk goes on working.
      expect(desk.core.sync.pending()).toBe(pending);
      expect(await db.query('SELECT 1 FROM records WHERE tbl = $1', ['households'])).toEqual([]);
      callOrThrow(desk.core, 'household.create', { name: 'Rivera', address: null });

      // The same computer built for the server's version syncs everything it kept.
      await syncOnce(
        desk.core.sync,
        httpTransport(newer, desk.token, { protocol: PROTOCOL_VERSION + 1 }),
      );
      expect(desk.core.sync.pending()).toBe(0);
      expect(await db.query('SELECT 1 FROM records WHERE tbl = $1', ['households'])).toHaveLength(
        2,
      );
    } finally {
      await Promise.all(servers.splice(0).map((s) => s.close()));
    }
  });

  it('the sync status says it in plain words and stops retrying until Hearth is updated', async () => {
    const { desk, db } = await deskWithWork();
    const newer = await serverTaking(db, { min: PROTOCOL_VERSION + 1, max: PROTOCOL_VERSION + 1 });
    const agent = new SyncAgent(desk.core.sync, desk.core.syncLive, {
      transport: () => httpTransport(newer, desk.token),
      access: {
        enroll: () => Promise.reject(new Error('already enrolled')),
        signIn: () => Promise.resolve(null),
      },
    });
    try {
      agent.start();
      await vi.waitFor(() => expect(desk.core.syncLive.state).toBe('stopped'), { timeout: 5_000 });
      expect(desk.core.syncLive.lastError).toMatchObject({
        code: 'UPDATE_HEARTH',
        message: WORDS.updateHearth.defaultMessage,
      });
    } finally {
      agent.stop();
      await Promise.all(servers.splice(0).map((s) => s.close()));
    }
  });
});
