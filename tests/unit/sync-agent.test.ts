import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WORDS, newId, say, type KeyBundle, type PullPage } from '../../contract';
import { openCore } from '../../db/core';
import { SyncAgent } from '../../db/sync/agent';
import { SyncFailure, type SyncTransport } from '../../db/sync/client';
import { tempDir } from '../helpers';

/**
 * When the sync agent talks to the server: at once on start, soon after writes (debounced),
 * on a timer, with doubling backoff after failures even when nothing new is written, and
 * not at all after a refusal that waiting cannot fix. The network is scripted; the core is
 * real.
 */
afterEach(() => {
  vi.useRealTimers();
});

const EMPTY: PullPage = { changes: [], next: 0, more: false, audiences: [], keys: 0 };
const NO_KEYS: KeyBundle = { publicKeys: [], shares: [] };

function setUp(script: (() => PullPage)[] = []) {
  vi.useFakeTimers();
  const core = openCore({ file: join(tempDir(), 'hearth.sqlite') });
  core.sync.join(
    { serverUrl: 'http://district.invalid', token: 'hd_test', serverDeviceId: newId() },
    { id: newId(), name: 'Riverside', timeZone: 'UTC' },
  );
  const pulls: number[] = [];
  const transport: SyncTransport = {
    push: () => Promise.reject(new Error('nothing to push in these tests')),
    keys: () => Promise.resolve(NO_KEYS),
    audit: () => Promise.reject(new Error('nothing to audit in these tests')),
    pull: () => {
      pulls.push(Date.now());
      const next = script.shift();
      try {
        return Promise.resolve(next ? next() : EMPTY);
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
  const onRevoked = vi.fn();
  const agent = new SyncAgent(core.sync, core.syncLive, {
    transport: () => transport,
    debounceMs: 2_000,
    intervalMs: 60_000,
    minBackoffMs: 1_000,
    maxBackoffMs: 8_000,
    random: () => 1,
    onRevoked,
  });
  const start = Date.now();
  const at = () => pulls.map((t) => t - start);
  return { core, agent, at, onRevoked, close: () => (agent.stop(), core.close()) };
}

const offline = () => {
  throw new SyncFailure('OFFLINE', say(WORDS.serverUnreachable), true);
};

describe('the sync agent', () => {
  it('syncs on start, then on its timer', async () => {
    const { agent, at, core, close } = setUp();
    agent.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(at()).toEqual([0]);
    expect(core.syncLive.state).toBe('waiting');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(at()).toEqual([0, 60_000, 120_000]);
    close();
  });

  it('retries with doubling backoff while offline, without waiting for a write, then resets', async () => {
    const { agent, at, core, close } = setUp([offline, offline, offline, offline, offline]);
    agent.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(core.syncLive).toMatchObject({ state: 'offline', lastError: { code: 'OFFLINE' } });
    await vi.advanceTimersByTimeAsync(1_000 + 2_000 + 4_000 + 8_000 + 8_000);
    // Capped at 8 s; the sixth attempt succeeds and clears the error.
    expect(at()).toEqual([0, 1_000, 3_000, 7_000, 15_000, 23_000]);
    expect(core.syncLive).toMatchObject({ state: 'waiting', lastError: null });
    close();
  });

  it('waits for a burst of writes to pause, then syncs once', async () => {
    const { agent, at, core, close } = setUp();
    agent.start();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 5; i++) {
      core.syncLive.onWrite();
      await vi.advanceTimersByTimeAsync(500);
    }
    await vi.advanceTimersByTimeAsync(2_000);
    // The last write came at 2 s.
    expect(at()).toEqual([0, 4_000]);
    // A steady stream still goes out, at most 8 s after its first write.
    for (let i = 0; i < 20; i++) {
      core.syncLive.onWrite();
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(at()).toEqual([0, 4_000, 12_500, 20_500]);
    close();
  });

  it('stops on a revoked device, locks, and tries again only when asked', async () => {
    const revoked = () => {
      throw new SyncFailure('DEVICE_REVOKED', say(WORDS.accessWithdrawnByDistrict), false);
    };
    const { agent, at, core, onRevoked, close } = setUp([revoked]);
    agent.start();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(at()).toEqual([0]);
    expect(core.syncLive.state).toBe('stopped');
    expect(onRevoked).toHaveBeenCalledOnce();
    core.syncLive.onRequest();
    await vi.advanceTimersByTimeAsync(0);
    expect(at()).toEqual([0, 600_000]);
    expect(core.syncLive.state).toBe('waiting');
    close();
  });
});

describe('joining a district', () => {
  it('enrolls with the code it was given, then syncs; a refused code leaves it unjoined', async () => {
    vi.useFakeTimers();
    const core = openCore({ file: join(tempDir(), 'hearth.sqlite') });
    const school = { id: newId(), name: 'Riverside', timeZone: 'UTC' };
    const codes: string[] = [];
    const pulls: number[] = [];
    const agent = new SyncAgent(core.sync, core.syncLive, {
      transport: () => ({
        push: () => Promise.reject(new Error('nothing to push')),
        keys: () => Promise.resolve(NO_KEYS),
        audit: () => Promise.reject(new Error('nothing to audit')),
        pull: (after) => {
          pulls.push(after);
          return Promise.resolve(EMPTY);
        },
      }),
      access: {
        enroll: (_url, code) => {
          codes.push(code);
          return code === 'GOOD'
            ? Promise.resolve({ deviceId: newId(), token: 'hd_new', school })
            : Promise.reject(
                new SyncFailure('ENROLLMENT_CODE_INVALID', say(WORDS.codeInvalid), true),
              );
        },
        signIn: () => Promise.reject(new Error('not in this test')),
      },
    });
    agent.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(core.syncLive.state).toBe('not_joined');

    const ask = (code: string) =>
      core.call('sync.join', { serverUrl: 'https://district.example', code, deviceName: 'Desk' });
    expect(ask('BAD')).toMatchObject({ ok: true, value: { state: 'joining' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(core.syncLive).toMatchObject({
      state: 'not_joined',
      lastError: { code: 'ENROLLMENT_CODE_INVALID' },
    });
    expect(core.sync.connection()).toBeNull();

    ask('GOOD');
    await vi.advanceTimersByTimeAsync(0);
    expect(codes).toEqual(['BAD', 'GOOD']);
    expect(core.sync.connection()).toMatchObject({
      serverUrl: 'https://district.example',
      token: 'hd_new',
    });
    expect(pulls).toEqual([0]);
    expect(core.syncLive).toMatchObject({ state: 'waiting', lastError: null });
    // A joined computer cannot join again.
    expect(ask('GOOD')).toMatchObject({ ok: false, error: { code: 'ALREADY_SET_UP' } });
    agent.stop();
    core.close();
  });
});
