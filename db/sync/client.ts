import {
  MAX_AUDIT_UPLOAD,
  MAX_PULL_CHANGES,
  MAX_PUSH_BYTES,
  MAX_PUSH_CHANGES,
  COMPUTER_HEADER,
  PROTOCOL_HEADER,
  computerHeader,
  type ComputerState,
  PROTOCOL_VERSION,
  auditUploadResult,
  pullPageSchema,
  deviceSignInResult,
  enrolledSchema,
  keyBundleSchema,
  pushResultSchema,
  type AuditUploadInput,
  type AuditUploadResult,
  type Enrolled,
  type ErrorBody,
  type ErrorCode,
  type PushChange,
  type Said,
  type Saying,
  saidSchema,
  type KeyBundle,
  type KeyExchangeInput,
  type PullPage,
  type PushInput,
  type PushResult,
  type StaffKeyRecord,
  WORDS,
  say,
} from '../../contract';
import type { DistrictConnection } from './enrollment';
import type { SyncPort } from './port';

/** How the sync client reaches the server; tests put faults between the two. */
export interface SyncTransport {
  push(input: PushInput): Promise<PushResult>;
  pull(after: number, limit: number): Promise<PullPage>;
  /** Upload team key shares made here; receive the keys this computer's staff need. */
  keys(input: KeyExchangeInput): Promise<KeyBundle>;
  /** Upload audit entries written here. */
  audit(input: AuditUploadInput): Promise<AuditUploadResult>;
}

/**
 * A failed exchange. `retry` false means waiting will not help (the device was revoked, the
 * clock is a day ahead, the batch was refused): the status shows the reason until it is fixed.
 */
export class SyncFailure extends Error {
  readonly said: Said | undefined;

  constructor(
    readonly code: ErrorCode | 'OFFLINE',
    saying: Saying,
    readonly retry: boolean,
  ) {
    super(saying.text);
    this.said = saying.id ? { id: saying.id, values: saying.values } : undefined;
  }
}

const PERMANENT: ReadonlySet<string> = new Set([
  'DEVICE_REVOKED',
  // Only updating Hearth here helps. (SERVER_TOO_OLD is retried: the district may update.)
  'UPDATE_HEARTH',
  'UNAUTHORIZED',
  'CLOCK_AHEAD',
  'VALIDATION',
]);

/** What a server's refusal said, or its status when it said nothing readable. */
export function refusalWords(status: number, body: Partial<ErrorBody> | null): Saying {
  if (!body?.message) return say(WORDS.serverAnswered, { status });
  const said = saidSchema.safeParse(body.said);
  return { ...(said.success ? said.data : { id: '' }), text: body.message };
}

/**
 * How a computer reaches the district: `fetchImpl` for tests that put faults between the two,
 * `protocol` for tests of the version handshake that play an older or newer build.
 */
export interface HttpOptions {
  fetchImpl?: typeof fetch;
  protocol?: number;
  /** This computer's state as it stands, sent with each sync request (COMPUTER_HEADER). */
  state?: () => ComputerState;
}

/** One JSON request to the district server; failures become SyncFailures. */
async function requestJson(
  baseUrl: string,
  path: string,
  options: { token?: string; body?: unknown } & HttpOptions = {},
): Promise<unknown> {
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(new URL(path, baseUrl), {
      method: options.body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        [PROTOCOL_HEADER]: String(options.protocol ?? PROTOCOL_VERSION),
        ...(options.state ? { [COMPUTER_HEADER]: computerHeader(options.state()) } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(60_000),
    });
  } catch {
    throw new SyncFailure('OFFLINE', say(WORDS.serverUnreachable), true);
  }
  const body = (await response.json().catch(() => null)) as Partial<ErrorBody> | null;
  if (!response.ok) {
    const code = body?.code ?? 'INTERNAL';
    throw new SyncFailure(code, refusalWords(response.status, body), !PERMANENT.has(code));
  }
  return body;
}

/**
 * The state a push tells: what will wait once this batch is taken (a push that is refused is
 * told again at the next request, which corrects it).
 */
export const afterPush =
  (state: () => ComputerState, input: PushInput): (() => ComputerState) =>
  () => {
    const now = state();
    return { ...now, changesWaiting: Math.max(0, now.changesWaiting - input.changes.length) };
  };

/** The server over HTTP with the device's token; answers are checked against the contract. */
export function httpTransport(
  baseUrl: string,
  token: string,
  http: HttpOptions = {},
): SyncTransport {
  return {
    push: async (input) =>
      pushResultSchema.parse(
        await requestJson(baseUrl, '/v1/sync/push', {
          token,
          body: input,
          ...http,
          ...(http.state ? { state: afterPush(http.state, input) } : {}),
        }),
      ),
    pull: async (after, limit) =>
      pullPageSchema.parse(
        await requestJson(baseUrl, `/v1/sync/pull?after=${after}&limit=${limit}`, {
          token,
          ...http,
        }),
      ),
    keys: async (input) =>
      keyBundleSchema.parse(
        await requestJson(baseUrl, '/v1/device/keys', { token, body: input, ...http }),
      ),
    audit: async (input) =>
      auditUploadResult.parse(
        await requestJson(baseUrl, '/v1/device/audit', { token, body: input, ...http }),
      ),
  };
}

/** Joining a district and signing staff in through it: the two exchanges besides sync. */
export interface DistrictAccess {
  enroll(serverUrl: string, code: string, deviceName: string): Promise<Enrolled>;
  /** The server checks the password (and keeps `keys`, if given); returns its key record. */
  signIn(
    connection: DistrictConnection,
    staffId: string,
    password: string,
    keys?: StaffKeyRecord,
  ): Promise<StaffKeyRecord | null>;
}

export function httpDistrictAccess(http: HttpOptions = {}): DistrictAccess {
  return {
    enroll: async (serverUrl, code, deviceName) =>
      enrolledSchema.parse(
        await requestJson(serverUrl, '/v1/devices/enroll', {
          body: { code, deviceName },
          ...http,
        }),
      ),
    signIn: async (connection, staffId, password, keys) =>
      deviceSignInResult.parse(
        await requestJson(connection.serverUrl, '/v1/device/sign-in', {
          token: connection.token,
          body: { staffId, password, keys },
          ...http,
        }),
      ).keys,
  };
}

export interface SyncProgress {
  pushed: number;
  pulled: number;
}

/**
 * The oldest changes of `batch` whose JSON weighs at most `bytes` (UTF-8, as it is sent), and
 * always the first: one record is far lighter than a push may be.
 */
function within(batch: PushChange[], bytes: number): PushChange[] {
  let weight = 0;
  for (let i = 0; i < batch.length; i++) {
    weight += Buffer.byteLength(JSON.stringify(batch[i])) + 1;
    if (weight > bytes && i > 0) return batch.slice(0, i);
  }
  return batch;
}

interface ExchangeSizes {
  pushSize: number;
  pushBytes: number;
  pullSize: number;
  onProgress?: (p: SyncProgress) => void;
}

/**
 * Push the outbox in batches until it is empty; returns the first page when it came with the
 * last batch's answer. A batch whose answer says the district was restored is followed by
 * what that put back in the outbox, and its page is dropped (read after a cursor the restored
 * log does not know).
 */
async function pushOutbox(
  port: SyncPort,
  transport: SyncTransport,
  sizes: ExchangeSizes,
  progress: SyncProgress,
): Promise<PullPage | undefined> {
  for (;;) {
    const basedOn = port.cursor();
    const taken = port.nextBatch(sizes.pushSize);
    if (taken.length === 0) return undefined;
    const batch = within(taken, sizes.pushBytes);
    // A short batch empties the outbox, so its answer may as well bring the first page.
    const last = taken.length < sizes.pushSize && batch.length === taken.length;
    const result = await transport.push({
      basedOn,
      changes: batch,
      ...(last ? { pull: { after: basedOn, limit: sizes.pullSize } } : {}),
    });
    const restored = port.acknowledge(batch, result);
    progress.pushed += batch.length;
    sizes.onProgress?.({ ...progress });
    if (last && !restored) return result.page;
  }
}

/**
 * Pull pages (the first one `carried`, if a push brought it) until the server has nothing
 * newer; returns the school's key version and whether a page said the district was restored
 * (then the outbox has changes to send again).
 */
async function pullPages(
  port: SyncPort,
  transport: SyncTransport,
  sizes: ExchangeSizes,
  progress: SyncProgress,
  carried: PullPage | undefined,
): Promise<{ keys: number; restored: boolean }> {
  let restored = false;
  for (let next = carried; ; next = undefined) {
    const page = next ?? (await transport.pull(port.cursor(), sizes.pullSize));
    const { effect } = port.applyPage(page);
    if (effect === 'restored') restored = true;
    if (effect !== 'applied') continue;
    progress.pulled += page.changes.length;
    sizes.onProgress?.({ ...progress });
    if (!page.more) return { keys: page.keys, restored };
  }
}

/**
 * One full exchange: push the outbox in batches until it is empty, then pull pages until
 * the server has nothing newer. Each batch is acknowledged, and each page applied with its
 * cursor, in its own local transaction, so stopping anywhere (a crash, a lost connection)
 * loses nothing: the next run resends what was not acknowledged and pulls from the cursor.
 * A page saying the district's database was restored from a backup (db/sync/journal.ts)
 * leaves changes to send again: they are pushed, and what is new pulled, once more.
 */
export async function syncOnce(
  port: SyncPort,
  transport: SyncTransport,
  options: Partial<ExchangeSizes> = {},
): Promise<SyncProgress> {
  const progress = { pushed: 0, pulled: 0 };
  const sizes: ExchangeSizes = {
    pushSize: options.pushSize ?? MAX_PUSH_CHANGES,
    pushBytes: options.pushBytes ?? MAX_PUSH_BYTES,
    pullSize: options.pullSize ?? MAX_PULL_CHANGES,
    onProgress: options.onProgress,
  };
  port.restampAhead();
  const exchange = async () =>
    pullPages(port, transport, sizes, progress, await pushOutbox(port, transport, sizes, progress));
  let pulled = await exchange();
  if (pulled.restored) pulled = await exchange();
  await exchangeKeys(port, transport, pulled.keys);
  await uploadAudit(port, transport);
  return progress;
}

/**
 * Send the audit entries written here since the last confirmed one, in batches. Each
 * batch is confirmed only once the district answered, so a lost answer sends it again
 * (the district skips entries it has).
 */
export async function uploadAudit(port: SyncPort, transport: SyncTransport): Promise<void> {
  for (;;) {
    const { entries, through } = port.auditToUpload(MAX_AUDIT_UPLOAD);
    if (entries.length === 0) return;
    await transport.audit({ entries });
    port.auditUploaded(through);
  }
}

/**
 * Last in an exchange, once the staff records it names have arrived: send the shares made
 * here and take what is new. Skipped when there is nothing to send and the school's key
 * version is the one already fetched; `version` undefined always asks.
 *
 * What comes back can name a newcomer's district key, for whom the person signed in here
 * then seals the team's keys (port.applyKeys): those shares go up in this same exchange, so
 * the newcomer's own next sync brings them instead of waiting for one more here.
 */
export async function exchangeKeys(
  port: SyncPort,
  transport: SyncTransport,
  version?: number,
): Promise<void> {
  const shares = port.sharesToUpload();
  if (shares.length === 0 && version !== undefined && version === port.keysSeen()) return;
  port.applyKeys(await transport.keys({ shares }), shares, version);
  const made = port.sharesToUpload();
  if (made.length > 0) port.applyKeys(await transport.keys({ shares: made }), made, version);
}
