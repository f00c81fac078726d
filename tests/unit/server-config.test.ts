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
    expect(readConfig({ HEARTH_SERVER_POSTGRES: 'embedded' }).database).toEqual({
      kind: 'embedded',
      port: 5433,
      poolSize: 20,
    });
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
