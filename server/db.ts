import { PGlite } from '@electric-sql/pglite';
import { createHash } from 'node:crypto';
import pg from 'pg';

/** One SQL statement's rows. Parameters are always bound, never spliced into the text. */
export interface Sql {
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  /** Several statements with no parameters (migrations). */
  exec(script: string): Promise<void>;
}

/**
 * The server's database: a real PostgreSQL through a `pg` pool, or PGlite (PostgreSQL in
 * WebAssembly, one connection, in a data folder) when no DATABASE_URL is given. Both speak
 * the same SQL, so every query and migration runs unchanged on either.
 */
export interface ServerDb extends Sql {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction: all of it commits, or none of it. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
  /** The connection pool now and the waits for its connections so far; none on PGlite. */
  poolStats(): PoolStats | null;
  /**
   * Open every connection the pool will keep and run `reads` on each (read-only statements
   * that match nothing), then `writes` in a transaction that is rolled back, so each
   * connection has them prepared and its caches filled.
   */
  warm(reads: readonly WarmStatement[], writes?: readonly WarmStatement[]): Promise<void>;
  /**
   * Run `work` on a database whose every statement goes to one transaction that is rolled
   * back when `work` ends, however it ends: what it writes is never seen by anyone else, and
   * a process killed meanwhile leaves nothing either (PostgreSQL rolls back an open
   * transaction whose connection drops). That database takes single statements only: its
   * `transaction` refuses, as statements in flight at once from several callers would share
   * the one transaction's savepoints.
   */
  rehearse<T>(work: (db: ServerDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface PoolStats {
  connections: number;
  idle: number;
  /** Requests waiting for a connection now. */
  waiting: number;
  /** Connections handed out since the start, and the seconds spent waiting for them. */
  acquired: number;
  waitSeconds: number;
}

export interface WarmStatement {
  text: string;
  params: unknown[];
}

export interface PostgresOptions {
  maxConnections?: number;
  /**
   * Name and prepare each statement once per connection (the default). Off behind a pooler
   * that hands each transaction any server connection (PgBouncer before 1.21 in transaction
   * mode): a statement prepared on one would be missing on the next.
   */
  prepared?: boolean;
}

interface Driver {
  query(text: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/** `Sql` over a pg pool or client, or PGlite or one of its transactions. */
function sqlOver(driver: Driver, runScript: (script: string) => Promise<unknown>): Sql {
  return {
    query: async <R>(text: string, params: unknown[] = []) =>
      (await driver.query(text, params)).rows as R[],
    exec: async (script) => {
      await runScript(script);
    },
  };
}

/**
 * `Sql` over pg with every statement prepared once per connection (named by a hash of its
 * text), so PostgreSQL plans each of the server's fixed statements once, not per request.
 * The set of statement texts is fixed by the code, so the names cannot grow without bound.
 */
const statementNames = new Map<string, string>();
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `h${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * A database over one transaction that its owner rolls back (ServerDb.rehearse). Its one
 * connection runs one statement at a time: callers in flight at once take turns.
 */
function rehearsal(kind: ServerDb['kind'], sql: Sql): ServerDb {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = last.then(run, run);
    last = next.catch(() => undefined);
    return next;
  };
  return {
    kind,
    query: (text, params) => inTurn(() => sql.query(text, params)),
    exec: (script) => inTurn(() => sql.exec(script)),
    transaction: () => Promise.reject(new Error('a rehearsal takes single statements only')),
    poolStats: () => null,
    warm: () => Promise.reject(new Error('a rehearsal is not warmed')),
    rehearse: () => Promise.reject(new Error('a rehearsal holds no other')),
    close: () => Promise.resolve(),
  };
}

/** Statements as `pg` takes them: named (prepared once per connection) or unnamed. */
const statement = (prepared: boolean, text: string, values: unknown[]) =>
  prepared ? { name: statementName(text), text, values } : { text, values };

function clientSql(client: pg.PoolClient, prepared: boolean): Sql {
  return {
    query: async <R>(text: string, params: unknown[] = []) =>
      (await client.query(statement(prepared, text, params))).rows as R[],
    exec: async (script) => {
      await client.query(script);
    },
  };
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): ServerDb {
  const { maxConnections = 10, prepared = true } = options;
  // Connections once opened stay open (min = max): devices sync in bursts about a minute
  // apart, and a pool that closed idle connections after its default 10 s would start new
  // PostgreSQL backends, with cold caches, for every burst.
  const pool = new pg.Pool({ connectionString, max: maxConnections, min: maxConnections });
  // An idle client losing its connection (PostgreSQL restarted) must not crash the server;
  // the pool replaces it and the next query reconnects.
  pool.on('error', () => undefined);
  let acquired = 0;
  let waitSeconds = 0;
  /** A connection from the pool, with the wait for it counted (the metrics' pool waits). */
  const connect = async () => {
    const asked = performance.now();
    const client = await pool.connect();
    acquired += 1;
    waitSeconds += (performance.now() - asked) / 1000;
    return client;
  };
  /**
   * A connection held for `use`, then `end` (when given) run on it, however `use` ended. The
   * pool listens for errors on idle clients only: a connection lost while held (PostgreSQL
   * restarted) also fails the statement in flight, which is what the caller hears, and without
   * a listener the same event would crash the server. A connection lost, or whose `end`
   * failed, goes back to the pool as broken, to be closed, not reused.
   */
  const holding = async <T>(
    use: (client: pg.PoolClient) => Promise<T>,
    end?: (client: pg.PoolClient) => Promise<unknown>,
  ): Promise<T> => {
    const client = await connect();
    let lost: Error | undefined;
    const onLost = (error: Error) => {
      lost = error;
    };
    client.on('error', onLost);
    try {
      return await use(client);
    } finally {
      const failed = await end?.(client).then(
        () => undefined,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      );
      client.off('error', onLost);
      client.release(lost ?? failed);
    }
  };
  return {
    kind: 'postgres',
    async query<R>(text: string, params: unknown[] = []) {
      const client = await connect();
      try {
        return (await client.query(statement(prepared, text, params))).rows as R[];
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    transaction: (work) =>
      holding(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await work(clientSql(client, prepared));
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }),
    async warm(reads, writes = []) {
      // All at once: each connect opens a new connection until the pool holds its maximum.
      const clients = await Promise.all(
        Array.from({ length: maxConnections }, () => pool.connect()),
      );
      try {
        await Promise.all(
          clients.map(async (client) => {
            for (const { text, params } of reads)
              await client.query(statement(prepared, text, params));
            await client.query('BEGIN');
            try {
              for (const { text, params } of writes)
                await client.query(statement(prepared, text, params));
            } finally {
              await client.query('ROLLBACK');
            }
          }),
        );
      } finally {
        for (const client of clients) client.release();
      }
    },
    rehearse: (work) =>
      holding(
        async (client) => {
          await client.query('BEGIN');
          return work(rehearsal('postgres', clientSql(client, prepared)));
        },
        // However the rehearsal ended; a connection whose rollback failed is not reused.
        (client) => client.query('ROLLBACK'),
      ),
    poolStats: () => ({
      connections: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      acquired,
      waitSeconds,
    }),
    close: () => pool.end(),
  };
}

/** `dataDir` undefined keeps the database in memory (tests). */
export async function openPglite(dataDir?: string): Promise<ServerDb> {
  const db = await PGlite.create(dataDir);
  return {
    kind: 'pglite',
    ...sqlOver(db, (script) => db.exec(script)),
    transaction: (work) => db.transaction((tx) => work(sqlOver(tx, (script) => tx.exec(script)))),
    poolStats: () => null,
    async warm(reads, writes = []) {
      for (const { text, params } of reads) await db.query(text, params);
      await db.transaction(async (tx) => {
        for (const { text, params } of writes) await tx.query(text, params);
        await tx.rollback();
      });
    },
    rehearse: (work) =>
      db.transaction(async (tx) => {
        try {
          return await work(
            rehearsal(
              'pglite',
              sqlOver(tx, (script) => tx.exec(script)),
            ),
          );
        } finally {
          await tx.rollback();
        }
      }),
    close: () => db.close(),
  };
}
