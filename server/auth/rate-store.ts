import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Sql } from '../db';

/** One in this many counted attempts also clears windows that ended long ago. */
const SWEEP_EVERY = 200;

/**
 * Attempts at the routes that check a secret, counted in the database (server migration
 * 0007) rather than in one instance's memory: several instances serving one database count
 * the same attempts, so "10 a minute" stays 10 however many run. A fixed window per route
 * and client address, in one statement per attempt, so two instances cannot both count the
 * tenth. If the database cannot be reached the attempt fails with it (the route would too).
 */
export function databaseRateStore(db: Sql): FastifyRateLimitStoreCtor {
  let counted = 0;
  class DatabaseRateStore implements FastifyRateLimitStore {
    route = '';

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      db.query<{ hits: number; ttl: number }>(
        `INSERT INTO rate_limits AS r (key, hits, window_start) VALUES ($1, 1, now())
         ON CONFLICT (key) DO UPDATE SET
           hits = CASE WHEN r.window_start + $2 * interval '1 millisecond' <= now() THEN 1
                  ELSE r.hits + 1 END,
           window_start = CASE WHEN r.window_start + $2 * interval '1 millisecond' <= now()
                          THEN now() ELSE r.window_start END
         RETURNING hits, greatest(0, extract(epoch FROM
           r.window_start + $2 * interval '1 millisecond' - now()) * 1000)::float8 AS ttl`,
        [`${this.route} ${key}`, timeWindow],
      ).then(([row]) => {
        callback(null, { current: row?.hits ?? 1, ttl: row?.ttl ?? timeWindow });
        if (++counted % SWEEP_EVERY === 0)
          db.query(`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`).catch(
            () => undefined,
          );
      }, callback);
    }

    /**
     * Each limited route gets its own count. At run time the plugin passes the route's merged
     * limit options, with the route itself in `routeInfo` (its types say the route).
     */
    child(options: object): FastifyRateLimitStore {
      const route: { method?: unknown; url?: unknown } =
        'routeInfo' in options && typeof options.routeInfo === 'object' && options.routeInfo
          ? options.routeInfo
          : options;
      const store = new DatabaseRateStore();
      store.route = `${String(route.method)} ${String(route.url)}`;
      return store;
    }
  }
  return DatabaseRateStore;
}
