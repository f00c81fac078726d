import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { WORDS, say, shown, type ErrorBody } from '../contract';
import type { ServerDb } from './db';
import { ServerError } from './errors';
import { serveMetrics } from './metrics';
import { THIS_PROTOCOL, protocolHandshake, type ProtocolRange } from './protocol';
import { OneLineARequest } from './request-log';
import { accountRoutes } from './routes/accounts';
import { deviceRoutes } from './routes/devices';
import { healthRoutes } from './routes/health';
import { databaseRateStore } from './auth/rate-store';
import { auditRoutes } from './routes/audit';
import { consoleRoutes } from './routes/console';
import { directoryRoutes } from './routes/directory';
import { disclosureRoutes } from './routes/disclosures';
import { insightsRoutes } from './routes/insights';
import { keyRoutes } from './routes/keys';
import { rosterRoutes } from './routes/roster';
import { staffRoutes } from './routes/staff';
import { syncRoutes } from './routes/sync';
import { PushGroups } from './sync/group-commit';
import { PushReads } from './sync/push-reads';
import { LogCache } from './sync/log-cache';

export interface ServerOptions {
  db: ServerDb;
  /** pino options, or false for none (tests). */
  logger?: FastifyServerOptions['logger'];
  /**
   * The code first setup (`POST /v1/bootstrap`) must carry, so that whoever reaches a fresh
   * server first does not become the district's administrator. None: first setup is refused.
   */
  setupCode?: string;
  /** The sync protocol versions taken (server/protocol.ts); tests of the handshake set one. */
  protocols?: ProtocolRange;
  /** The bearer token a Prometheus scraper brings to `GET /metrics`; none: no metrics. */
  metricsToken?: string | null;
  /** The district console's built files (dist/console); none: `/console` says it is not built. */
  consoleDir?: string | null;
  /** How long a client may send one request for: REQUEST_TIMEOUT_MS, unless a test waits less. */
  requestTimeoutMs?: number;
}

/**
 * Fastify turns Node's limit on receiving a request off (it assumes a proxy in front), so a
 * client that sends a request slowly and never finishes would hold its connection for ever
 * (slowloris), and enough of them would hold them all. Five minutes is Node's own default: room
 * for a 200 MB roster upload over a slow school link, about 5 Mbit/s.
 */
export const REQUEST_TIMEOUT_MS = 5 * 60_000;
/**
 * Node's limits around one: the headers must come within a minute (Node's default, and never
 * longer than the whole request, or Node enforces neither), and overdue requests are looked
 * for every 30 s (Node's default) or a quarter of a shorter limit.
 */
const nodeLimits = (requestMs: number) => ({
  headersTimeout: Math.min(60_000, requestMs),
  connectionsCheckingInterval: Math.min(30_000, Math.ceil(requestMs / 4)),
});

/**
 * Log lines carry the method, the route and the status: never a body, a query string, an
 * address or a token. Bodies hold family data and passwords; tokens are secrets.
 */
const LOG_SERIALIZERS = {
  req: (req: { method: string; routeOptions?: { url?: string } }) => ({
    method: req.method,
    route: req.routeOptions?.url ?? 'unmatched',
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

function errorBody(error: unknown): [number, ErrorBody] {
  if (error instanceof ServerError) {
    const body: ErrorBody = { code: error.code, ...shown(error.said) };
    if (error.issues) body.issues = error.issues;
    return [error.status, body];
  }
  const status = (error as { statusCode?: number }).statusCode ?? 500;
  if (status === 429)
    return [429, { code: 'TOO_MANY_ATTEMPTS', ...shown(say(WORDS.tooManyAttempts)) }];
  if (status === 413) return [413, { code: 'VALIDATION', ...shown(say(WORDS.requestTooLarge)) }];
  if (status >= 400 && status < 500)
    return [400, { code: 'VALIDATION', ...shown(say(WORDS.requestUnreadable)) }];
  return [500, { code: 'INTERNAL', ...shown(say(WORDS.serverProblem)) }];
}

/** The district server: stateless over its database, so several can serve one. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const logger =
    options.logger === undefined || options.logger === false
      ? false
      : { ...(options.logger === true ? {} : options.logger), serializers: LOG_SERIALIZERS };
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger,
    requestTimeout,
    http: nodeLimits(requestTimeout),
    logController: new OneLineARequest(),
  });
  await app.register(rateLimit, { global: false, store: databaseRateStore(options.db) });
  await app.register(cookie);
  app.setErrorHandler((error, request, reply) => {
    const [status, body] = errorBody(error);
    if (status === 500)
      request.log.error({ err: { message: (error as Error).message } }, 'request failed');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ code: 'NOT_FOUND', ...shown(say(WORDS.nothingHere)) }),
  );
  const protocols = options.protocols ?? THIS_PROTOCOL;
  protocolHandshake(app, protocols);
  const cache = new LogCache();
  const reads = new PushReads(options.db);
  const groups = new PushGroups(options.db, cache);
  serveMetrics(
    app,
    options.db,
    { reading: reads.stats, grouping: groups.stats, cache },
    options.metricsToken ?? null,
  );
  healthRoutes(app, options.db);
  accountRoutes(app, options.db, options.setupCode ?? null);
  deviceRoutes(app, options.db);
  staffRoutes(app, options.db);
  syncRoutes(app, options.db, { reads, groups, cache });
  rosterRoutes(app, options.db);
  keyRoutes(app, options.db);
  auditRoutes(app, options.db);
  insightsRoutes(app, options.db);
  directoryRoutes(app, options.db, protocols);
  disclosureRoutes(app, options.db);
  await consoleRoutes(app, options.db, options.consoleDir ?? null);
  return app;
}
