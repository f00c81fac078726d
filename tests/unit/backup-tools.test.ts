import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkTools, pgEnvironment } from '../../server/backup/pg-tools';
import { openPglite, type ServerDb } from '../../server/db';
import { tempDir } from '../helpers';

/**
 * How the backup tool reaches PostgreSQL's programs (server/backup/pg-tools.ts): the address in
 * their environment, and a plain word when one is missing or too old for the server. (The
 * backups themselves: tests/integration/backup-restore.test.ts.)
 */
describe('PostgreSQL’s programs for backups', () => {
  let db: ServerDb;
  beforeAll(async () => {
    db = await openPglite();
  });
  afterAll(() => db.close());

  it('are given the address in their environment, decoded, the password never on a command line', () => {
    expect(
      pgEnvironment(
        'postgres://hearth%40district:p%40ss%20word@db.example.org:6543/hearth?sslmode=require',
      ),
    ).toEqual({
      PGHOST: 'db.example.org',
      PGPORT: '6543',
      PGDATABASE: 'hearth',
      PGUSER: 'hearth@district',
      PGPASSWORD: 'p@ss word',
      PGSSLMODE: 'require',
    });
    expect(pgEnvironment('postgres://db.example.org/hearth')).toEqual({
      PGHOST: 'db.example.org',
      PGPORT: '5432',
      PGDATABASE: 'hearth',
    });
  });

  /** A folder for HEARTH_PG_BIN whose pg_dump says it is `version`. */
  function toolsOfVersion(version: string): string {
    const bin = tempDir();
    const tool = join(bin, 'pg_dump');
    writeFileSync(tool, `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version}"\n`);
    chmodSync(tool, 0o755);
    return bin;
  }

  it('refuses a pg_dump older than the server, naming the version to install', async () => {
    const saved = process.env.HEARTH_PG_BIN;
    try {
      process.env.HEARTH_PG_BIN = toolsOfVersion('9.6.24');
      await expect(checkTools(db, ['pg_dump'])).rejects.toThrow(
        /^pg_dump 9 cannot back up PostgreSQL 1\d\. Install PostgreSQL 1\d's client programs/,
      );
      process.env.HEARTH_PG_BIN = toolsOfVersion('99.0');
      await expect(checkTools(db, ['pg_dump'])).resolves.toBeUndefined();
      process.env.HEARTH_PG_BIN = tempDir();
      await expect(checkTools(db, ['pg_dump'])).rejects.toThrow(
        /^pg_dump was not found\. Install PostgreSQL's client programs/,
      );
    } finally {
      if (saved === undefined) delete process.env.HEARTH_PG_BIN;
      else process.env.HEARTH_PG_BIN = saved;
    }
  });
});
