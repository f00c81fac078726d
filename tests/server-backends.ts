import { afterAll, beforeAll } from 'vitest';
import { openPglite, openPostgres, type ServerDb } from '../server/db';
import { postgresMissing, startPostgres, type PostgresCluster } from './postgres-cluster';

export interface Backend {
  name: string;
  /** Why this backend cannot run here; CI sets HEARTH_REQUIRE_POSTGRES, so there it fails instead. */
  skip: boolean;
  open(): Promise<ServerDb>;
  /** The real cluster, for tests that restart PostgreSQL; undefined on PGlite. */
  cluster(): PostgresCluster | undefined;
}

/**
 * The server's two databases for `describe.each`: the embedded PGlite, and a throwaway
 * PostgreSQL cluster started once for the test file. Call at the top level of a test file.
 */
export function serverBackends(): Backend[] {
  const missing = postgresMissing();
  if (missing && process.env.HEARTH_REQUIRE_POSTGRES) throw new Error(missing);
  if (missing) console.warn(`Skipping the real-PostgreSQL tests: ${missing}.`);
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    if (!missing) cluster = await startPostgres();
  }, 60_000);
  afterAll(() => cluster?.stop());
  return [
    { name: 'PGlite', skip: false, open: () => openPglite(), cluster: () => undefined },
    {
      name: 'PostgreSQL',
      skip: missing !== null,
      open: async () => openPostgres(await (cluster as PostgresCluster).newDatabase()),
      cluster: () => cluster,
    },
  ];
}
