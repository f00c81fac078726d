import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import {
  COMPUTER_HEADER,
  MAX_PULL_CHANGES,
  PROTOCOL_HEADER,
  PROTOCOL_VERSION,
  computerHeader,
  newId,
  type PushChange,
  type School,
} from '../../contract';
import { callOrThrow, openCore, type Core } from '../../db/core';
import { collectInto, createDemoFamilies, type DemoSize } from '../../db/demo/generate';
import { LocalClock } from '../../db/clock';
import { DERIVED_INDEXERS } from '../../db/derived';
import { httpTransport, syncOnce, type SyncTransport } from '../../db/sync/client';
import { type NewRecord, Writer } from '../../db/write';
import {
  fetchJson,
  registerDevices,
  startServerProcess,
  type RegisteredDevice,
} from '../district-process';
import { startPostgres } from '../postgres-cluster';
import { PGBOUNCER_MISSING, pgBouncerBinary, startPgBouncer } from '../pgbouncer';
import { DeviceConnection } from './device-connection';
import { processCpuMs, treeCpuMs } from './proc-cpu';
import { percentile, round } from './stats';

/**
 * Sync benchmarks against a real PostgreSQL, with the district server in its own process
 * (as deployed) so its memory is its own:
 * - initial_sync_100k_rows_s: a new device pulls a school of ~100k records;
 * - incremental_sync_100_changes_p95_ms: one device pushes 100 changes and pulls what is new;
 * - server_200_devices_p95_ms / _errors: 200 devices syncing at once (push 10, pull), after
 *   a first burst timed on its own (server_200_devices_first_burst_p95_ms);
 * - server_cpu_ms_per_sync / pg_cpu_ms_per_sync: the CPU those bursts cost the server and
 *   PostgreSQL, per sync, from /proc;
 * - simulated_devices_cpu_ms_per_sync: what the 200 simulated computers (this process) used
 *   of the same two cores meanwhile. Real computers sync on their own CPUs, but here they
 *   share the server's, so a burst's latency is this too, not only the server's and
 *   PostgreSQL's CPU: it is reported so that the p95 can be read against all three;
 * - server_rss_mb: the server's resident memory after that;
 * - server_200_devices_pgbouncer_p95_ms / _errors: the same bursts through PgBouncer to two
 *   server instances (where PgBouncer is installed).
 */
const PASSWORD = 'bench district password';
/** First setup's code, chosen for the server started here (HEARTH_SETUP_CODE). */
const SETUP_CODE = 'BNCH-SETU-P000';

/**
 * A school's families written on one computer by one member of staff; the count of records.
 * The records are made and written here, in a function of their own, so that none of them
 * outlives it: the 200 simulated computers below run in this process, and a heap still
 * holding a school's worth of records makes every garbage collection of theirs cost more of
 * the two cores the server is measured on.
 */
function writeFamilies(core: Core, staffId: string, school: School, size: DemoSize): number {
  const writer = new Writer(
    core.store,
    LocalClock.resume(core.store, core.deviceId, Date.now),
    DERIVED_INDEXERS,
    () => staffId,
  );
  const batch: NewRecord[] = [];
  createDemoFamilies(collectInto(batch), school, size, 11);
  core.store.db.transaction(() => writer.insertMany(batch)).immediate();
  return batch.length;
}

export async function syncBenchmarks(
  results: Record<string, number>,
  options: { quick: boolean; dir: string; size: DemoSize; log: (m: string) => void },
): Promise<void> {
  const { quick, dir, log } = options;
  const cluster = await startPostgres();
  const databaseUrl = await cluster.newDatabase();
  const server = await startServerProcess(databaseUrl, { HEARTH_SETUP_CODE: SETUP_CODE });
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    const boot = await fetchJson(`${server.url}/v1/bootstrap`, {
      method: 'POST',
      body: JSON.stringify({
        setupCode: SETUP_CODE,
        schoolName: 'Bench School',
        timeZone: 'America/Chicago',
        adminName: 'Bench Admin',
        email: 'admin@bench.example',
        password: PASSWORD,
      }),
    });
    const schoolId = boot.schoolId as string;
    const adminId = (boot.staff as { id: string }).id;
    const session = await fetchJson(`${server.url}/v1/admin/sessions`, {
      method: 'POST',
      body: JSON.stringify({ email: 'admin@bench.example', password: PASSWORD }),
    });
    const staff = (await fetchJson(`${server.url}/v1/admin/staff`, {
      method: 'POST',
      token: session.token as string,
      body: JSON.stringify({
        schoolId,
        email: 'liaison@bench.example',
        displayName: 'Bench Liaison',
        role: 'liaison',
        teams: ['support'],
        password: PASSWORD,
      }),
    })) as { id: string };

    // Straight in the database: 200 enrollments would time the rate limiter, not sync.
    const register = (count: number, school = schoolId, staffId = staff.id) =>
      registerDevices(admin, count, { schoolId: school, enrolledBy: adminId, staffId });

    async function deviceCore(
      name: string,
    ): Promise<{ core: Core; transport: SyncTransport; firstSyncMs: number }> {
      const [device] = await register(1);
      if (!device) throw new Error('no device');
      const core = openCore({ file: join(dir, `${name}.sqlite`) });
      core.sync.join(
        { serverUrl: server.url, token: device.token, serverDeviceId: device.id },
        { id: schoolId, name: 'Bench School', timeZone: 'America/Chicago' },
      );
      const transport = httpTransport(server.url, device.token);
      const began = performance.now();
      await syncOnce(core.sync, transport);
      const firstSyncMs = performance.now() - began;
      core.sync.rememberSignIn(staff.id, PASSWORD, null);
      callOrThrow(core, 'session.signIn', { staffId: staff.id, password: PASSWORD });
      return { core, transport, firstSyncMs };
    }

    // A school's worth of families, written on one device and uploaded.
    const source = await deviceCore('source');
    const school = callOrThrow(source.core, 'app.status', {}).school as School;
    // A third of the bench scale: about 100k records (people, students, links, households).
    const size = quick
      ? options.size
      : {
          people: Math.round(options.size.people / 3),
          students: Math.round(options.size.students / 3),
        };
    const rows = writeFamilies(source.core, staff.id, school, size);
    let start = performance.now();
    await syncOnce(source.core.sync, source.transport);
    results.initial_upload_rows_per_s = Math.round(rows / ((performance.now() - start) / 1000));
    log(`uploaded ${rows} records`);

    // A new device receives all of it.
    const fresh = await deviceCore('fresh');
    const received = (
      fresh.core.store.db
        .prepare(
          `SELECT (SELECT count(*) FROM households) + (SELECT count(*) FROM people)
             + (SELECT count(*) FROM students) + (SELECT count(*) FROM student_person_links) AS n`,
        )
        .get() as { n: number }
    ).n;
    if (received < rows) throw new Error(`the new device received ${received} of ${rows} records`);
    results.initial_sync_rows = rows;
    results.initial_sync_100k_rows_s = round((fresh.firstSyncMs / 1000) * (100_000 / rows), 2);
    log(`a new device pulled ${rows} records in ${round(fresh.firstSyncMs / 1000)} s`);

    // Incremental: 100 edits to families, pushed, and the new ones pulled.
    const households = source.core.store.db
      .prepare('SELECT id FROM households ORDER BY pk LIMIT 100')
      .all() as { id: string }[];
    const incremental: number[] = [];
    for (let round_ = 0; round_ < (quick ? 3 : 30); round_++) {
      for (const [i, h] of households.entries())
        callOrThrow(source.core, 'household.update', {
          id: h.id,
          address: `${round_ * 100 + i} Bench Road`,
        });
      start = performance.now();
      await syncOnce(source.core.sync, source.transport);
      incremental.push(performance.now() - start);
    }
    results.incremental_sync_100_changes_p95_ms = round(percentile(incremental, 95), 1);
    fresh.core.close();
    source.core.close();

    // 200 devices at once, each pushing 10 new families and pulling what is new.
    // A district's 200 computers across 10 schools: each school's 20 push and pull at once
    // with every other school's. (All 200 in one school would make each pull carry the
    // other 199 devices' changes, which no school has.)
    const devices: RegisteredDevice[] = [];
    for (let i = 0; i < 10; i++) {
      const school = (await fetchJson(`${server.url}/v1/admin/schools`, {
        method: 'POST',
        token: session.token as string,
        body: JSON.stringify({ name: `Bench School ${i}`, timeZone: 'America/Chicago' }),
      })) as { id: string };
      const member = (await fetchJson(`${server.url}/v1/admin/staff`, {
        method: 'POST',
        token: session.token as string,
        body: JSON.stringify({
          schoolId: school.id,
          email: `office${i}@bench.example`,
          displayName: `Office ${i}`,
          role: 'front_office',
          teams: [],
          password: PASSWORD,
        }),
      })) as { id: string };
      devices.push(...(await register(20, school.id, member.id)));
    }
    // A morning's burst meets a database whose autovacuum has caught up with yesterday's
    // writes. Here the school's upload is a minute old, and autovacuum's pass over its
    // records and log (seconds of CPU) would land inside the two seconds of measured bursts
    // in some runs and not in others: it is run now instead, before anything is measured.
    await admin.query('VACUUM (ANALYZE)');
    const cursors = new Map<string, number>();
    const [top] = (await admin.query<{ seq: string }>('SELECT max(seq) AS seq FROM sync_log')).rows;
    for (const d of devices) cursors.set(d.id, Number(top?.seq ?? 0));
    const latencies: number[] = [];
    let errors = 0;
    let seq = 0;
    const hlc = () =>
      `${String(Date.now()).padStart(15, '0')}.${String(seq % 1_000_000).padStart(6, '0')}.bench`;
    /**
     * What a Hearth computer says with every sync request (db/sync/client.ts): its protocol
     * version, and its state (db/sync/agent.ts), which the server keeps when it changes.
     */
    const COMPUTER_STATE = computerHeader({
      appVersion: '0.1.0',
      changesWaiting: 0,
      conflictsWaiting: 0,
    });
    /** Enough of an answer's end to hold its page's cursor (cursorOf). */
    const TAIL_BYTES = 1_000;
    /**
     * Each device's kept-alive connection to each server, as a device keeps one (Fastify keeps
     * idle connections 72 s; devices sync every minute). See DeviceConnection for why not
     * node:http. Only the answer's last bytes are kept and decoded: the rest is what a real
     * device would parse on its own CPU (see cursorOf).
     */
    const connections = new Map<string, DeviceConnection>();
    const send = (
      { hostname, port }: URL,
      token: string,
      method: 'GET' | 'POST',
      path: string,
      body?: string,
    ) => {
      const key = `${token} ${hostname}:${port}`;
      let connection = connections.get(key);
      if (!connection) {
        connection = new DeviceConnection(hostname, Number(port), TAIL_BYTES);
        connections.set(key, connection);
      }
      return connection.request(
        method,
        path,
        {
          authorization: `Bearer ${token}`,
          [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
          [COMPUTER_HEADER]: COMPUTER_STATE,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body,
      );
    };
    const closeConnections = () => {
      for (const connection of connections.values()) connection.close();
      connections.clear();
    };
    /**
     * Where a page leaves the device's cursor, read from the end of the answer (readPage in
     * server/sync/pull.ts writes `next`, `more`, `audiences`, `keys` and `log` last, in that
     * order).
     * A real device parses the whole page on its own CPU; parsing it here would charge that
     * to the two cores the server and PostgreSQL are measured on. An answer of another shape
     * counts as an error.
     */
    const PAGE_END =
      /"next":(\d+),"more":(true|false),"audiences":\[[^\]]*\],"keys":[\d.e+-]+,"log":\{[^}]*\}\}\}?$/;
    const cursorOf = (tail: string) => {
      const end = PAGE_END.exec(tail);
      if (!end) throw new Error('the answer does not end with a page');
      return { next: Number(end[1]), more: end[2] === 'true' };
    };
    /**
     * One simulated device's sync. The devices are other computers in real life, so this
     * side does only what the wire needs (no validation, no SQLite) and leaves this
     * machine's two cores to the server and PostgreSQL.
     */
    async function oneSync(device: (typeof devices)[number], server: URL): Promise<void> {
      const changes: PushChange[] = Array.from({ length: 10 }, () => {
        seq += 1;
        const id = newId();
        return {
          seq,
          table: 'households',
          rowId: id,
          hlc: hlc(),
          by: device.staffId,
          insert: true,
          values: { id, schoolId: device.schoolId, name: `Family ${seq}`, address: null },
        };
      });
      const began = performance.now();
      try {
        // As the app does: the batch's answer brings the first page of what is new.
        const after = cursors.get(device.id) ?? 0;
        const pushed = await send(
          server,
          device.token,
          'POST',
          '/v1/sync/push',
          JSON.stringify({ basedOn: after, changes, pull: { after, limit: MAX_PULL_CHANGES } }),
        );
        if (pushed.status !== 200) throw new Error(`push ${pushed.status}`);
        let page = cursorOf(pushed.tail);
        cursors.set(device.id, page.next);
        while (page.more) {
          const pulled = await send(
            server,
            device.token,
            'GET',
            `/v1/sync/pull?after=${page.next}&limit=${MAX_PULL_CHANGES}`,
          );
          if (pulled.status !== 200) throw new Error(`pull ${pulled.status}`);
          page = cursorOf(pulled.tail);
          cursors.set(device.id, page.next);
        }
        latencies.push(performance.now() - began);
      } catch {
        errors += 1;
      }
    }
    // The first burst after the server starts also opens its pool's PostgreSQL connections
    // (each a new backend with cold caches) and the devices' connections, which a district
    // server running for weeks does not do each minute: it is reported on its own, and
    // server_200_devices_p95_ms times the bursts after it. Errors count in every burst.
    /** Every device syncs once, at once; with several servers, the devices take turns among them. */
    const burst = (servers: URL[]) =>
      Promise.all(devices.map((d, i) => oneSync(d, servers[i % servers.length] as URL)));
    const direct = [new URL(server.url)];
    await burst(direct);
    results.server_200_devices_first_burst_p95_ms = round(percentile(latencies, 95), 1);
    latencies.length = 0;
    // What the bursts after it cost, beside how long they took: the server's CPU and all of
    // PostgreSQL's (its postmaster and backends), per sync.
    const [{ data_directory: dataDir } = { data_directory: '' }] = (
      await admin.query<{ data_directory: string }>('SHOW data_directory')
    ).rows;
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const cpuBefore = {
      server: processCpuMs(server.pid),
      pg: treeCpuMs(postmaster),
      devices: processCpuMs(process.pid),
    };
    const rounds = quick ? 1 : 5;
    for (let round_ = 0; round_ < rounds; round_++) await burst(direct);
    const syncs = rounds * devices.length;
    results.server_200_devices_p95_ms = round(percentile(latencies, 95), 1);
    results.server_cpu_ms_per_sync = round(
      (processCpuMs(server.pid) - cpuBefore.server) / syncs,
      2,
    );
    results.pg_cpu_ms_per_sync = round((treeCpuMs(postmaster) - cpuBefore.pg) / syncs, 2);
    results.simulated_devices_cpu_ms_per_sync = round(
      (processCpuMs(process.pid) - cpuBefore.devices) / syncs,
      2,
    );
    results.server_200_devices_errors = errors;
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    results.server_rss_mb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);

    // The same bursts through PgBouncer (transaction pooling) to two server instances, as a
    // district runs more than one (README, "More than one server"). The direct server stays
    // up but idle; each instance keeps 10 connections, PgBouncer 20 to PostgreSQL.
    if (!pgBouncerBinary()) {
      closeConnections();
      log(PGBOUNCER_MISSING);
      return;
    }
    const bouncer = await startPgBouncer(databaseUrl, 20);
    const instances = await Promise.all(
      [1, 2].map(() =>
        startServerProcess(bouncer.url, {
          DATABASE_POOLER: 'pgbouncer',
          DATABASE_POOL_SIZE: '10',
        }),
      ),
    );
    try {
      const pooled = instances.map((instance) => new URL(instance.url));
      const errorsBefore = errors;
      await burst(pooled);
      latencies.length = 0;
      for (let round_ = 0; round_ < rounds; round_++) await burst(pooled);
      results.server_200_devices_pgbouncer_p95_ms = round(percentile(latencies, 95), 1);
      results.server_200_devices_pgbouncer_errors = errors - errorsBefore;
    } finally {
      closeConnections();
      await Promise.all(instances.map((instance) => instance.stop()));
      await bouncer.stop();
    }
  } finally {
    await admin.end();
    await server.stop();
    await cluster.stop();
  }
}
