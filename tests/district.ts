import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  deviceSignInResult,
  auditUploadResult,
  formatHlc,
  keyBundleSchema,
  pullPageSchema,
  pushResultSchema,
  type ErrorCode,
  type PushChange,
  type ServerStaff,
  type StaffKeyRecord,
  type StaffRole,
  type Team,
  COMPUTER_HEADER,
  WORDS,
  computerHeader,
  type ComputerState,
  say,
} from '../contract';
import { callOrThrow, openCore, type Core } from '../db/core';
import {
  SyncFailure,
  exchangeKeys,
  afterPush,
  refusalWords,
  syncOnce,
  type SyncTransport,
} from '../db/sync/client';
import { buildServer, type ServerOptions } from '../server/app';
import type { ServerDb } from '../server/db';
import { migrateServer } from '../server/migrate';
import { TEST_SETUP_CODE } from './fixtures';

/**
 * A district server on a given database, and devices that enroll with it and sync, for the
 * sync tests and benchmarks. Requests go through Fastify's inject: the whole HTTP stack
 * (routing, body limits, validation, errors) without a socket.
 */
export const DISTRICT_PASSWORD = 'district staff password';

/**
 * A family's creation as a computer stamped `node` sends it in a push, for tests that talk to
 * the server by hand: `at` is its clock's wall time (now unless given).
 */
export function householdCreation(change: {
  rowId: string;
  schoolId: string;
  by: string;
  node: string;
  name: string;
  address?: string | null;
  at?: number;
  seq?: number;
}): PushChange {
  const { rowId, schoolId, by, node, name, address = null, at = Date.now(), seq = 1 } = change;
  return {
    seq,
    table: 'households',
    rowId,
    hlc: formatHlc({ wall: at, counter: 0, node }),
    by,
    insert: true,
    values: { id: rowId, schoolId, name, address },
  };
}

export interface Reply {
  status: number;
  body: Record<string, unknown>;
}

export interface District {
  app: FastifyInstance;
  db: ServerDb;
  /** Everything the server logged so far. */
  logs(): string;
  schoolId: string;
  adminToken: string;
  send(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<Reply>;
  addStaff(name: string, role: StaffRole, teams: Team[], schoolId?: string): Promise<ServerStaff>;
  /** Pushes waiting in the server for their school's write in flight (group-commit.ts). */
  pushesWaiting(): Promise<number>;
  close(): Promise<void>;
}

/** The scrape token of every test district's metrics. */
const METRICS_TOKEN = 'test-district-metrics-token';

/** Requests to a server through Fastify's inject, answered as status and parsed JSON body. */
export function injectSender(app: FastifyInstance): District['send'] {
  return async (method, url, payload, token, headers = {}) => {
    const response = await app.inject({
      method,
      url,
      payload: payload as object,
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return {
      status: response.statusCode,
      body: response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {},
    };
  };
}

/** A family of the district's sample school: the Okafors, a caregiver with one student. */
export function addOkaforFamily(core: Core) {
  const family = callOrThrow(core, 'household.create', { name: 'Okafor', address: '12 Elm St' });
  const mother = callOrThrow(core, 'person.create', {
    firstName: 'Ada',
    lastName: 'Okafor',
    kind: 'caregiver',
    phones: ['555-0100'],
    householdId: family.id,
  });
  const student = callOrThrow(core, 'student.create', {
    firstName: 'Tobi',
    lastName: 'Okafor',
    grade: '3',
  });
  callOrThrow(core, 'link.set', {
    studentId: student.id,
    personId: mother.id,
    relationship: 'Mother',
  });
  return { family, mother, student };
}

export async function startDistrict(
  db: ServerDb,
  options: Pick<ServerOptions, 'consoleDir'> = {},
): Promise<District> {
  await migrateServer(db);
  let logs = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  const app = await buildServer({
    db,
    logger: { level: 'info', stream },
    setupCode: TEST_SETUP_CODE,
    metricsToken: METRICS_TOKEN,
    ...options,
  });
  const send = injectSender(app);
  const boot = await send('POST', '/v1/bootstrap', {
    setupCode: TEST_SETUP_CODE,
    schoolName: 'Riverside Elementary',
    timeZone: 'America/Chicago',
    adminName: 'Pat Admin',
    email: 'pat@district.example',
    password: DISTRICT_PASSWORD,
  });
  const session = await send('POST', '/v1/admin/sessions', {
    email: 'pat@district.example',
    password: DISTRICT_PASSWORD,
  });
  if (boot.status !== 201 || session.status !== 201) throw new Error('district bootstrap failed');
  const adminToken = session.body.token as string;
  const schoolId = boot.body.schoolId as string;
  return {
    app,
    db,
    logs: () => logs,
    schoolId,
    adminToken,
    send,
    async addStaff(name, role, teams, school = schoolId) {
      const email = `${name.toLowerCase().replace(/\W+/g, '.')}@district.example`;
      const reply = await send(
        'POST',
        '/v1/admin/staff',
        { schoolId: school, email, displayName: name, role, teams, password: DISTRICT_PASSWORD },
        adminToken,
      );
      if (reply.status !== 201)
        throw new Error(`adding staff failed: ${JSON.stringify(reply.body)}`);
      return reply.body as unknown as ServerStaff;
    },
    async pushesWaiting() {
      const metrics = await app.inject({
        url: '/metrics',
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      });
      const line = /^hearth_sync_pushes_waiting (\d+)$/m.exec(metrics.body);
      if (!line) throw new Error('the server does not count pushes waiting');
      return Number(line[1]);
    },
    async close() {
      await app.close();
    },
  };
}

/**
 * The sync transport over inject, failing the way httpTransport does, and telling the server
 * the computer's state as the app's transport does.
 */
export function injectTransport(
  district: District,
  token: string,
  state?: () => ComputerState,
): SyncTransport {
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown, told = state) => {
    const headers: Record<string, string> = told
      ? { [COMPUTER_HEADER]: computerHeader(told()) }
      : {};
    // A server that is not there (closed) is a connection that fails, as over HTTP.
    const reply = await district.send(method, url, payload, token, headers).catch(() => {
      throw new SyncFailure('OFFLINE', say(WORDS.serverUnreachable), true);
    });
    if (reply.status >= 300)
      throw new SyncFailure(
        reply.body.code as ErrorCode,
        refusalWords(reply.status, reply.body),
        reply.status >= 500,
      );
    return reply.body;
  };
  return {
    push: async (input) =>
      pushResultSchema.parse(
        await call('POST', '/v1/sync/push', input, state && afterPush(state, input)),
      ),
    pull: async (after, limit) =>
      pullPageSchema.parse(await call('GET', `/v1/sync/pull?after=${after}&limit=${limit}`)),
    keys: async (input) => keyBundleSchema.parse(await call('POST', '/v1/device/keys', input)),
    audit: async (input) => auditUploadResult.parse(await call('POST', '/v1/device/audit', input)),
  };
}

export interface Device {
  core: Core;
  token: string;
  serverDeviceId: string;
  transport: SyncTransport;
  sync(transport?: SyncTransport, sizes?: { pushSize?: number; pullSize?: number }): Promise<void>;
  /** Close and open the database again, as after the app was killed; `staffId` signs in offline. */
  reopen(staffId?: string): void;
  /** Sign a district account in here: checked by the server, then remembered for offline use. */
  signIn(staff: ServerStaff): Promise<void>;
}

export async function enrollDevice(
  district: District,
  dir: string,
  name: string,
  options: { schoolId?: string; now?: () => Date } = {},
): Promise<Device> {
  const schoolId = options.schoolId ?? district.schoolId;
  const code = await district.send(
    'POST',
    '/v1/admin/enrollment-codes',
    { schoolId },
    district.adminToken,
  );
  const enrolled = await district.send('POST', '/v1/devices/enroll', {
    code: code.body.code,
    deviceName: name,
  });
  if (enrolled.status !== 201)
    throw new Error(`enrollment failed: ${JSON.stringify(enrolled.body)}`);
  const { token, deviceId, school } = enrolled.body as {
    token: string;
    deviceId: string;
    school: { id: string; name: string; timeZone: string };
  };
  const file = join(dir, `${name.replace(/\W+/g, '-')}.sqlite`);
  const open = () => openCore({ file, checkOutputs: true, now: options.now });
  const transport = injectTransport(district, token, () => device.core.sync.computerState());
  const device: Device = {
    core: open(),
    token,
    serverDeviceId: deviceId,
    transport,
    async sync(through = transport, sizes = {}) {
      await syncOnce(device.core.sync, through, sizes);
    },
    reopen(staffId) {
      device.core.close();
      device.core = open();
      if (staffId)
        callOrThrow(device.core, 'session.signIn', { staffId, password: DISTRICT_PASSWORD });
    },
    // As the sync agent does it (db/sync/agent.ts: districtSignIn).
    async signIn(staff) {
      const signInWith = async (keys?: StaffKeyRecord) => {
        const reply = await district.send(
          'POST',
          '/v1/device/sign-in',
          { staffId: staff.id, password: DISTRICT_PASSWORD, ...(keys ? { keys } : {}) },
          token,
        );
        if (reply.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(reply.body)}`);
        return deviceSignInResult.parse(reply.body).keys;
      };
      const districtKeys = await signInWith();
      await device.sync();
      const upload = device.core.sync.rememberSignIn(staff.id, DISTRICT_PASSWORD, districtKeys);
      if (upload) await signInWith(upload);
      await exchangeKeys(device.core.sync, transport);
      callOrThrow(device.core, 'session.signIn', {
        staffId: staff.id,
        password: DISTRICT_PASSWORD,
      });
    },
  };
  device.core.sync.join(
    { serverUrl: 'http://district.invalid', token, serverDeviceId: deviceId },
    school,
  );
  await device.sync();
  return device;
}
