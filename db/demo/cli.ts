import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { HearthError } from '../../contract';
import { fromRow } from '../columns';
import { LocalClock } from '../clock';
import { openCore } from '../core';
import { keyFileFor, readOrCreateKey } from '../key-file';
import { DERIVED_INDEXERS } from '../derived';
import { Writer } from '../write';
import { BENCH_SIZE, DEMO_SIZE, writeTo } from './generate';
import { YEAR_AT_SCALE, createYearOfContacts } from './year-of-contacts';
import { installDemoSchool } from './install';

/**
 * `npm run demo-data -- [--file F] [--scale]`: create a demo school database. The default is a
 * school of realistic size (600 students, 1,000 caregivers); --scale makes 100k people and
 * 60k students with a school year of partnership (about 1,000,000 contacts, 20,000 home
 * visits, 30,000 voice items) for benchmarks. A database already set up is never touched.
 */
const { values } = parseArgs({
  options: {
    file: { type: 'string', default: resolve('.hearth-data/demo.sqlite') },
    scale: { type: 'boolean', default: false },
  },
});
mkdirSync(dirname(values.file), { recursive: true });
const size = values.scale ? BENCH_SIZE : DEMO_SIZE;
const core = openCore({ file: values.file, key: readOrCreateKey(keyFileFor(values.file)) });
try {
  const writer = new Writer(
    core.store,
    LocalClock.resume(core.store, core.deviceId, Date.now),
    DERIVED_INDEXERS,
  );
  const started = performance.now();
  core.store.db
    .transaction(() => {
      const now = new Date();
      installDemoSchool(core.store, writer, now, size);
      if (!values.scale) return;
      const school = fromRow(
        'schools',
        core.store.sql('SELECT * FROM schools').get() as Record<string, unknown>,
      );
      const staffIds = (core.store.sql('SELECT id FROM staff').all() as { id: string }[]).map(
        (s) => s.id,
      );
      createYearOfContacts(core.store, writeTo(writer), school, staffIds, now, YEAR_AT_SCALE);
    })
    .immediate();
  console.log(
    `Created a demo school with ${size.students} students and ${size.people} caregivers in ${values.file} (${Math.round(performance.now() - started)} ms).`,
  );
} catch (error) {
  console.error(
    error instanceof HearthError ? `${values.file}: ${error.message} Nothing was changed.` : error,
  );
  process.exitCode = 1;
} finally {
  core.close();
}
