import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { WORDS, say, shown } from '../contract';
import type { PoolStats, ServerDb } from './db';
import type { GroupStats } from './sync/group-commit';
import type { LogCache } from './sync/log-cache';
import type { ReadStats } from './sync/push-reads';

/** From a quick read (5 ms) to a slow sync (10 s). */
const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Prometheus metrics (prom-client, text format) at `GET /metrics`: requests by route and
 * status with their durations, sync pushes and pulls with theirs and the changes they
 * carried, the database pool's connections and the waits for them, and Node's own (CPU,
 * memory, event loop). One registry per server: tests build many in one process.
 *
 * Served only to a scraper that brings `token` (METRICS_TOKEN) as a bearer token. Without one
 * set nothing is counted and /metrics is not a route (404, as any unknown address). Routes
 * are the route's pattern ("/v1/admin/staff/:id"), never a path with ids or a query.
 */
export function serveMetrics(
  app: FastifyInstance,
  db: ServerDb,
  { reading, grouping, cache }: { reading: ReadStats; grouping: GroupStats; cache: LogCache },
  token: string | null,
): void {
  if (token === null) return;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hearth_' });
  const requests = new Counter({
    name: 'hearth_http_requests_total',
    help: 'Requests answered, by route pattern, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'hearth_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern and method.',
    labelNames: ['route', 'method'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const syncs = new Histogram({
    name: 'hearth_sync_duration_seconds',
    help: 'Time to answer a sync push (its first page included) or pull, answered or refused.',
    labelNames: ['kind', 'outcome'],
    buckets: SECONDS_BUCKETS,
    registers: [registry],
  });
  const pushed = new Counter({
    name: 'hearth_sync_pushed_changes_total',
    help: 'Changes computers sent in pushes the server answered.',
    registers: [registry],
  });
  /** A figure read at each scrape: a gauge, or a counter for a running total. */
  const scraped = (name: string, help: string, read: () => number) => {
    if (name.endsWith('_total'))
      new Counter({
        name,
        help,
        registers: [registry],
        collect() {
          this.reset();
          this.inc(read());
        },
      });
    else
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
  };
  const GROUPING: [string, string, keyof GroupStats][] = [
    [
      'hearth_sync_push_groups_total',
      'Statements that wrote several pushes of one school together.',
      'groups',
    ],
    [
      'hearth_sync_grouped_pushes_total',
      'Pushes written together with others of their school.',
      'groupedPushes',
    ],
    [
      'hearth_sync_pushes_waiting',
      'Pushes waiting now for the write in flight of their school, to be written together.',
      'waiting',
    ],
    [
      'hearth_sync_group_fallbacks_total',
      'Groups whose statement failed, so that their pushes were written one by one.',
      'fallbacks',
    ],
  ];
  for (const [name, help, field] of GROUPING) scraped(name, help, () => grouping[field]);
  scraped(
    'hearth_sync_push_read_statements_total',
    "Statements that read pushes' computers and records, several pushes at once when they came together.",
    () => reading.statements,
  );
  scraped('hearth_sync_push_reads_total', 'Pushes read by those statements.', () => reading.reads);
  scraped(
    'hearth_sync_pages_cut_total',
    "Pages cut from the school's log the server keeps, without reading it again.",
    () => cache.stats.cut,
  );
  scraped(
    'hearth_sync_pages_missed_total',
    'Pages of computers behind the log the server keeps, read from the database.',
    () => cache.stats.missed,
  );
  scraped(
    'hearth_sync_log_kept_bytes',
    "Bytes of the schools' recent log entries the server keeps.",
    () => cache.keptBytes(),
  );
  // PGlite has no pool: its gauges would only ever say 0.
  if (db.poolStats()) {
    const pool = (name: string, help: string, read: (s: PoolStats) => number) =>
      scraped(name, help, () => {
        const now = db.poolStats();
        return now ? read(now) : 0;
      });
    pool('hearth_db_pool_connections', 'Database connections open.', (s) => s.connections);
    pool('hearth_db_pool_idle', 'Database connections idle.', (s) => s.idle);
    pool(
      'hearth_db_pool_waiting',
      'Requests waiting for a database connection now.',
      (s) => s.waiting,
    );
    pool(
      'hearth_db_pool_acquired_total',
      'Database connections handed out since start.',
      (s) => s.acquired,
    );
    pool(
      'hearth_db_pool_wait_seconds_total',
      'Seconds spent waiting for a database connection since start.',
      (s) => s.waitSeconds,
    );
  }

  const SYNC_ROUTES: Record<string, 'push' | 'pull'> = {
    '/v1/sync/push': 'push',
    '/v1/sync/pull': 'pull',
  };
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    if (route === '/metrics') return;
    const seconds = reply.elapsedTime / 1000;
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    durations.observe({ route, method: request.method }, seconds);
    const kind = SYNC_ROUTES[route];
    if (!kind) return;
    syncs.observe({ kind, outcome: reply.statusCode < 400 ? 'answered' : 'refused' }, seconds);
    const changes = (request.body as { changes?: unknown } | undefined)?.changes;
    if (kind === 'push' && reply.statusCode < 400 && Array.isArray(changes))
      pushed.inc(changes.length);
  });

  const expected = Buffer.from(`Bearer ${token}`);
  app.get('/metrics', async (request, reply) => {
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return reply.code(404).send({ code: 'NOT_FOUND', ...shown(say(WORDS.nothingHere)) });
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}
