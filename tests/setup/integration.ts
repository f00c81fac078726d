import { postgresSource, startPostgres } from '../postgres-cluster';

/** Says which PostgreSQL the integration tests use, or fails the run naming what to install. */
export default async function setup(): Promise<void> {
  const source = postgresSource();
  console.log(`Real-PostgreSQL tests run on ${source.describe}.`);
  // Test files start their clusters in parallel; a postgres user the library must add is
  // added once, here, before they do.
  if (source.kind === 'embedded' && source.createUser) await (await startPostgres(source)).stop();
}
