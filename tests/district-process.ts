import { spawn } from 'node:child_process';
import type pg from 'pg';
import { newId } from '../contract';
import { hashSecret, newToken } from '../server/auth/secrets';
import { SERVER_NODE_FLAGS } from '../server/node-flags';
import { SHUTDOWN_GRACE_MS } from '../server/shutdown';
import { freePort } from './free-port';

/** The compiled district server (dist-server/main.mjs) in its own process, as deployed. */
export interface ServerProcess {
  url: string;
  pid: number;
  /** Shut down as an operator does (SIGTERM), and wait for it to exit. */
  stop(): Promise<void>;
  /** Killed outright (SIGKILL): no shutdown, connections dropped wherever they were. */
  kill(): Promise<void>;
}

export async function startServerProcess(
  databaseUrl: string,
  settings: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, 'dist-server/main.mjs'], {
    env: {
      ...process.env,
      ...settings,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${url}/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    // Its own words are on stderr, which the server shares with whoever started it.
    if (child.exitCode !== null || i === 300) {
      child.kill('SIGKILL');
      throw new Error('the district server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const ended = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return {
    url,
    pid: child.pid ?? 0,
    // The server gives itself SHUTDOWN_GRACE_MS; a server that outlives it by far is killed, and
    // the caller fails saying so rather than waiting for ever.
    async stop() {
      const late = setTimeout(() => child.kill('SIGKILL'), SHUTDOWN_GRACE_MS + 5000);
      await ended('SIGTERM');
      clearTimeout(late);
      if (child.exitCode !== 0)
        throw new Error(
          `the district server did not stop cleanly on SIGTERM (${child.signalCode ?? `exit code ${child.exitCode}`})`,
        );
    },
    kill: () => ended('SIGKILL'),
  };
}

/** A JSON request to a server; anything but a 2xx is thrown with the server's answer. */
export async function fetchJson(
  url: string,
  init: RequestInit & { token?: string } = {},
): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
  });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export interface RegisteredDevice {
  id: string;
  token: string;
  schoolId: string;
  staffId: string;
}

/**
 * Computers registered straight in the database, with `staffId` signed in on each:
 * enrollment and sign-in are rate-limited per address, and many of them would time or trip
 * the limiter instead of what is measured or tested.
 */
export async function registerDevices(
  admin: pg.Client,
  count: number,
  { schoolId, enrolledBy, staffId }: { schoolId: string; enrolledBy: string; staffId: string },
): Promise<RegisteredDevice[]> {
  const devices = Array.from({ length: count }, () => ({
    id: newId(),
    token: newToken('hd'),
    schoolId,
    staffId,
  }));
  await admin.query(
    `INSERT INTO devices (id, school_id, name, token_hash, enrolled_by)
     SELECT d.id, $2, 'Registered computer', d.hash, $3
     FROM unnest($1::uuid[], $4::bytea[]) AS d (id, hash)`,
    [devices.map((d) => d.id), schoolId, enrolledBy, devices.map((d) => hashSecret(d.token))],
  );
  await admin.query(
    'INSERT INTO device_users (device_id, staff_id) SELECT unnest($1::uuid[]), $2',
    [devices.map((d) => d.id), staffId],
  );
  return devices;
}
