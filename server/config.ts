import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';

/** Everything the server is told, read from its environment once at start (server/main.ts). */
export interface ServerConfig {
  /** Where PGlite or the embedded PostgreSQL keep their data (HEARTH_SERVER_DATA). */
  dataDir: string;
  port: number;
  host: string;
  /** A PostgreSQL of the district's (DATABASE_URL), the server's own, or PGlite. */
  database:
    | { kind: 'url'; url: string; poolSize: number; prepared: boolean }
    | { kind: 'embedded'; port: number; poolSize: number }
    | { kind: 'pglite' };
  logLevel: (typeof LOG_LEVELS)[number];
  /** First setup's code when the operator chooses it (scripted installs); else one is made. */
  setupCode: string | null;
  /** The token a Prometheus scraper brings to /metrics; none turns metrics off. */
  metricsToken: string | null;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The settings' mistakes, each in a sentence naming the variable: all of them at once. */
export class ConfigError extends Error {
  constructor(readonly mistakes: string[]) {
    super(
      `The Hearth server cannot start with these settings:\n${mistakes.map((m) => `  - ${m}`).join('\n')}`,
    );
  }
}

/**
 * The configuration in `env`, or a ConfigError listing every mistake. A value that may hold a
 * secret (DATABASE_URL, HEARTH_SETUP_CODE) is never repeated in a message.
 */
export function readConfig(
  env: Record<string, string | undefined>,
  cores = availableParallelism(),
): ServerConfig {
  const mistakes: string[] = [];
  const set = (name: string) => {
    const value = env[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const whole = (name: string, fallback: number, min: number, max: number, what: string) => {
    const text = set(name);
    if (text === undefined) return fallback;
    const value = Number(text);
    if (/^\d+$/.test(text) && value >= min && value <= max) return value;
    mistakes.push(`${name} must be ${what} from ${min} to ${max}; it is "${text.slice(0, 40)}".`);
    return fallback;
  };

  const port = whole('PORT', 8787, 1, 65_535, 'a port number');
  const poolSize = whole(
    'DATABASE_POOL_SIZE',
    defaultPoolSize(set('DATABASE_URL'), cores),
    1,
    500,
    'a number of connections',
  );
  const embeddedPort = whole('HEARTH_SERVER_POSTGRES_PORT', 5433, 1, 65_535, 'a port number');

  const mode = set('HEARTH_SERVER_POSTGRES');
  const url = set('DATABASE_URL');
  if (mode !== undefined && mode !== 'embedded')
    mistakes.push(
      `HEARTH_SERVER_POSTGRES must be "embedded" (the server runs its own PostgreSQL) or unset; it is "${mode.slice(0, 40)}".`,
    );
  if (mode !== undefined && url !== undefined)
    mistakes.push(
      'Set DATABASE_URL (the district’s PostgreSQL) or HEARTH_SERVER_POSTGRES=embedded, not both.',
    );
  if (url !== undefined && !isPostgresUrl(url))
    mistakes.push(
      'DATABASE_URL must be a PostgreSQL address such as postgres://hearth:password@db.example.org:5432/hearth (its value is not shown: it may hold a password).',
    );

  const pooler = set('DATABASE_POOLER');
  if (pooler !== undefined && pooler !== 'pgbouncer')
    mistakes.push(
      `DATABASE_POOLER must be "pgbouncer" (DATABASE_URL reaches PostgreSQL through PgBouncer in transaction mode) or unset; it is "${pooler.slice(0, 40)}".`,
    );
  if (pooler !== undefined && url === undefined)
    mistakes.push('DATABASE_POOLER needs DATABASE_URL: the address of the pooler.');

  const logLevel = set('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    mistakes.push(
      `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${logLevel.slice(0, 40)}".`,
    );

  const setupCode = set('HEARTH_SETUP_CODE') ?? null;
  if (setupCode !== null && setupCode.replace(/[^0-9a-z]/gi, '').length < 12)
    mistakes.push(
      'HEARTH_SETUP_CODE must have at least 12 letters or digits, so that it cannot be guessed (its value is not shown).',
    );

  const metricsToken = set('METRICS_TOKEN') ?? null;
  if (metricsToken !== null && metricsToken.length < 16)
    mistakes.push(
      'METRICS_TOKEN must be at least 16 characters, so that it cannot be guessed (its value is not shown).',
    );

  const host = set('HOST') ?? '127.0.0.1';
  if (/\s/.test(host))
    mistakes.push(
      `HOST must be an address to listen on, such as 0.0.0.0; it is "${host.slice(0, 40)}".`,
    );

  if (mistakes.length > 0) throw new ConfigError(mistakes);
  return {
    dataDir: resolve(set('HEARTH_SERVER_DATA') ?? 'server-data'),
    port,
    host,
    database: url
      ? { kind: 'url', url, poolSize, prepared: pooler === undefined }
      : mode
        ? { kind: 'embedded', port: embeddedPort, poolSize }
        : { kind: 'pglite' },
    logLevel: logLevel as ServerConfig['logLevel'],
    setupCode,
    metricsToken,
  };
}

/** The address parsed, or null when it is not one. */
function parsed(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function isPostgresUrl(text: string): boolean {
  const url = parsed(text);
  return (
    url !== null &&
    (url.protocol === 'postgres:' || url.protocol === 'postgresql:') &&
    url.hostname !== ''
  );
}

/** Whether a PostgreSQL address (DATABASE_URL) names this machine: loopback, or a socket folder. */
function onThisMachine(text: string): boolean {
  const url = parsed(text);
  const socket = url?.searchParams.get('host') ?? null;
  if (socket !== null) return socket.startsWith('/');
  return url !== null && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/**
 * The pool's size when DATABASE_POOL_SIZE is not set. A sync costs PostgreSQL CPU, not disk
 * waits: connections beyond about two per core it runs on only take turns on those cores, and
 * cost it switching between its backends and waiting on each other's locks. Measured on a
 * 2-core machine holding the server, PostgreSQL and 200 computers syncing at once
 * (tests/bench/sync.ts): PostgreSQL's CPU per sync was 1.7–2.2 ms with 20 connections,
 * 1.4–1.7 with 10, 1.2–1.4 with 4 and 1.1 with 2, and the syncs' p95 fell with it. So a
 * PostgreSQL on this machine (the embedded one, or DATABASE_URL on loopback or a socket) gets
 * two connections per core of this machine; one elsewhere, whose cores the server cannot
 * know, gets 20, and its operator sizes it (README, "District server").
 */
function defaultPoolSize(url: string | undefined, cores: number): number {
  return url === undefined || onThisMachine(url) ? 2 * cores : 20;
}
