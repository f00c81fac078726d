import {
  MAX_PULL_CHANGES,
  MAX_PUSH_CHANGES,
  pullPageSchema,
  pushResultSchema,
  type ErrorCode,
  type PullPage,
  type PushInput,
  type PushResult,
} from '../../contract';
import type { SyncPort } from './port';

/** How the sync client reaches the server; tests put faults between the two. */
export interface SyncTransport {
  push(input: PushInput): Promise<PushResult>;
  pull(after: number, limit: number): Promise<PullPage>;
}

/**
 * A failed exchange. `retry` false means waiting will not help (the device was revoked, the
 * clock is a day ahead, the batch was refused): the status shows the reason until it is fixed.
 */
export class SyncFailure extends Error {
  constructor(
    readonly code: ErrorCode | 'OFFLINE',
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

const PERMANENT: ReadonlySet<string> = new Set([
  'DEVICE_REVOKED',
  'UNAUTHORIZED',
  'CLOCK_AHEAD',
  'VALIDATION',
]);

/** The server over HTTP with the device's token; answers are checked against the contract. */
export function httpTransport(
  baseUrl: string,
  token: string,
  fetchImpl: typeof fetch = fetch,
): SyncTransport {
  const request = async (path: string, init: RequestInit = {}) => {
    let response: Response;
    try {
      response = await fetchImpl(new URL(path, baseUrl), {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        signal: AbortSignal.timeout(60_000),
      });
    } catch {
      throw new SyncFailure('OFFLINE', 'The district server cannot be reached.', true);
    }
    const body = (await response.json().catch(() => null)) as {
      code?: string;
      message?: string;
    } | null;
    if (!response.ok) {
      const code = (body?.code ?? 'INTERNAL') as ErrorCode;
      throw new SyncFailure(
        code,
        body?.message ?? `The server answered ${response.status}.`,
        !PERMANENT.has(code),
      );
    }
    return body;
  };
  return {
    push: async (input) =>
      pushResultSchema.parse(
        await request('/v1/sync/push', { method: 'POST', body: JSON.stringify(input) }),
      ),
    pull: async (after, limit) =>
      pullPageSchema.parse(await request(`/v1/sync/pull?after=${after}&limit=${limit}`)),
  };
}

export interface SyncProgress {
  pushed: number;
  pulled: number;
}

/**
 * One full exchange: push the outbox in batches until it is empty, then pull pages until
 * the server has nothing newer. Each batch is acknowledged, and each page applied with its
 * cursor, in its own local transaction, so stopping anywhere (a crash, a lost connection)
 * loses nothing: the next run resends what was not acknowledged and pulls from the cursor.
 */
export async function syncOnce(
  port: SyncPort,
  transport: SyncTransport,
  options: { pushSize?: number; pullSize?: number; onProgress?: (p: SyncProgress) => void } = {},
): Promise<SyncProgress> {
  const progress = { pushed: 0, pulled: 0 };
  port.restampAhead();
  for (;;) {
    const basedOn = port.cursor();
    const batch = port.nextBatch(options.pushSize ?? MAX_PUSH_CHANGES);
    if (batch.length === 0) break;
    port.acknowledge(batch, await transport.push({ basedOn, changes: batch }));
    progress.pushed += batch.length;
    options.onProgress?.({ ...progress });
  }
  for (;;) {
    const page = await transport.pull(port.cursor(), options.pullSize ?? MAX_PULL_CHANGES);
    const { effect } = port.applyPage(page);
    if (effect === 'restart') continue;
    progress.pulled += page.changes.length;
    options.onProgress?.({ ...progress });
    if (!page.more) break;
  }
  return progress;
}
