import { afterAll, beforeAll } from 'vitest';
import { openPglite, openPostgres, type ServerDb } from '../server/db';
import { startPostgres, type PostgresCluster } from './postgres-cluster';

export interface Backend {
  name: string;
  open(): Promise<ServerDb>;
  /** The real PostgreSQL, for tests that restart it; undefined on PGlite. */
  cluster(): PostgresCluster | undefined;
}

/**
 * The server's two databases for `describe.each`: the embedded PGlite, and a real PostgreSQL
 * (tests/postgres-cluster.ts) started once for the test file. Call at the top level of a test
 * file. There is no skipping: the integration run's setup has already found a PostgreSQL, or
 * failed naming what to install.
 */
export function serverBackends(): Backend[] {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());
  return [
    { name: 'PGlite', open: () => openPglite(), cluster: () => undefined },
    {
      name: 'PostgreSQL',
      open: async () => openPostgres(await (cluster as PostgresCluster).newDatabase()),
      cluster: () => cluster,
    },
  ];
}
