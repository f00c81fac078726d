import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/config';

const mistakesOf = (env: Record<string, string>): string[] => {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.mistakes;
    throw error;
  }
  throw new Error('expected the settings to be refused');
};

describe('the district server’s settings', () => {
  it('start on PGlite at 127.0.0.1:8787 when nothing is set', () => {
    expect(readConfig({})).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      database: { kind: 'pglite' },
      logLevel: 'info',
      setupCode: null,
    });
    expect(
      readConfig({
        DATABASE_URL: 'postgres://hearth:pw@db.example.org:5432/hearth',
        DATABASE_POOL_SIZE: '40',
        PORT: '9000',
        HOST: '0.0.0.0',
        HEARTH_SETUP_CODE: 'ABCD-EFGH-JKMN',
      }),
    ).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      database: { kind: 'url', poolSize: 40, prepared: true },
      setupCode: 'ABCD-EFGH-JKMN',
      metricsToken: null,
    });
    expect(
      readConfig({
        DATABASE_URL: 'postgresql://hearth@pgbouncer.internal:6432/hearth',
        DATABASE_POOLER: 'pgbouncer',
        METRICS_TOKEN: 'a-long-scrape-token',
      }),
    ).toMatchObject({
      database: { kind: 'url', prepared: false },
      metricsToken: 'a-long-scrape-token',
    });
    expect(readConfig({ HEARTH_SERVER_POSTGRES: 'embedded' }, 2).database).toEqual({
      kind: 'embedded',
      port: 5433,
      poolSize: 4,
    });
  });

  it('keep two connections per core for a PostgreSQL on this machine, 20 for one elsewhere', () => {
    const poolOf = (env: Record<string, string>, cores: number) => {
      const { database } = readConfig(env, cores);
      return database.kind === 'pglite' ? null : database.poolSize;
    };
    for (const url of [
      'postgres://hearth:pw@localhost:5432/hearth',
      'postgres://hearth:pw@127.0.0.1:5432/hearth',
      'postgres://hearth:pw@[::1]:5432/hearth',
      'postgres://hearth@localhost/hearth?host=/var/run/postgresql',
    ])
      expect(poolOf({ DATABASE_URL: url }, 2)).toBe(4);
    expect(poolOf({ HEARTH_SERVER_POSTGRES: 'embedded' }, 8)).toBe(16);
    expect(poolOf({ DATABASE_URL: 'postgres://hearth:pw@db.example.org:5432/hearth' }, 2)).toBe(20);
    expect(poolOf({ DATABASE_URL: 'postgres://hearth@10.0.0.7/hearth?host=db.internal' }, 2)).toBe(
      20,
    );
    expect(
      poolOf({ DATABASE_URL: 'postgres://hearth:pw@localhost/hearth', DATABASE_POOL_SIZE: '9' }, 2),
    ).toBe(9);
  });

  it('name every mistake at once, in plain words, never repeating a secret', () => {
    const mistakes = mistakesOf({
      PORT: '80a',
      DATABASE_POOL_SIZE: '0',
      DATABASE_URL: 'mysql://root:hunter2-secret@db/hearth',
      HEARTH_SERVER_POSTGRES: 'yes',
      LOG_LEVEL: 'loud',
      HEARTH_SETUP_CODE: 'short-secret',
      DATABASE_POOLER: 'pgpool',
      METRICS_TOKEN: 'tiny-secret',
    });
    expect(mistakes).toEqual([
      'PORT must be a port number from 1 to 65535; it is "80a".',
      'DATABASE_POOL_SIZE must be a number of connections from 1 to 500; it is "0".',
      'HEARTH_SERVER_POSTGRES must be "embedded" (the server runs its own PostgreSQL) or unset; it is "yes".',
      'Set DATABASE_URL (the district’s PostgreSQL) or HEARTH_SERVER_POSTGRES=embedded, not both.',
      expect.stringMatching(/^DATABASE_URL must be a PostgreSQL address/),
      expect.stringMatching(/^DATABASE_POOLER must be "pgbouncer"/),
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; it is "loud".',
      expect.stringMatching(/^HEARTH_SETUP_CODE must have at least 12 letters or digits/),
      expect.stringMatching(/^METRICS_TOKEN must be at least 16 characters/),
    ]);
    expect(mistakes.join('\n')).not.toMatch(/hunter2|short-secret|tiny-secret/);
    expect(mistakesOf({ DATABASE_POOLER: 'pgbouncer' })).toEqual([
      'DATABASE_POOLER needs DATABASE_URL: the address of the pooler.',
    ]);
    expect(new ConfigError(mistakes).message).toMatch(
      /^The Hearth server cannot start with these settings:\n {2}- PORT must be/,
    );
  });
});
