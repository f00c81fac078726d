import { random } from '../../db/demo/generate';
import { NAME_POOLS } from '../../db/demo/names';
import { openPostgres } from '../../server/db';
import { migrateServer } from '../../server/migrate';
import type { RosterFiles } from '../../contract/roster/files';
import { importRoster } from '../../server/roster/import';
import { startPostgres } from '../postgres-cluster';
import { round } from './stats';

/**
 * Roster import on a real PostgreSQL: a district's OneRoster 1.1 bulk export with `students`
 * students and about 1.6 caregivers each over ten schools, imported into an empty server,
 * then the same file again (nothing changed: the nightly case), then with one in twenty
 * caregivers' phone numbers changed.
 */
function districtRoster(students: number): RosterFiles {
  const rand = random(5);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
  const orgs = ['sourcedId,status,name,type', 'd,,Bench District,district'];
  for (let s = 0; s < 10; s++) orgs.push(`s${s},,Bench School ${s},school`);
  const users = [
    'sourcedId,status,enabledUser,orgSourcedIds,role,givenName,familyName,email,phone,agentSourcedIds,grades',
  ];
  let caregiver = 0;
  for (let i = 0; i < students;) {
    const pool = pick(NAME_POOLS);
    const family = pick(pool.family);
    const school = `s${Math.floor(rand() * 10)}`;
    const kids = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => `st${i++}`);
    const adults = Array.from({ length: 1 + Math.floor(rand() * 2) }, () => `cg${caregiver++}`);
    for (const kid of kids)
      users.push(
        `${kid},,true,${school},student,${pick(pool.given)},${family},,,"${adults.join(',')}",0${1 + Math.floor(rand() * 8)}`,
      );
    adults.forEach((adult, n) =>
      users.push(
        `${adult},,true,d,${n === 0 ? 'parent' : 'guardian'},${pick(pool.given)},${family},${adult}@example.org,555-${String(caregiver).padStart(7, '0')},"${kids.join(',')}",`,
      ),
    );
  }
  return new Map([
    ['orgs.csv', `${orgs.join('\n')}\n`],
    ['users.csv', `${users.join('\n')}\n`],
  ]);
}

export async function rosterBenchmarks(
  results: Record<string, number>,
  { quick, log }: { quick: boolean; log: (message: string) => void },
): Promise<void> {
  const cluster = await startPostgres();
  const db = openPostgres(await cluster.newDatabase(), { maxConnections: 4 });
  try {
    await migrateServer(db);
    const files = districtRoster(quick ? 2_000 : 60_000);
    const users = (files.get('users.csv') as string).split('\n').length - 2;
    const timed = async (roster: RosterFiles, dryRun = false) => {
      const start = performance.now();
      const summary = await importRoster(db, roster, { timeZone: 'America/Chicago', dryRun });
      return [summary, (performance.now() - start) / 1000] as const;
    };
    // What an administrator sees before importing: everything decided, nothing written.
    const [dry, dryS] = await timed(files, true);
    log(`roster: dry run of ${users} users in ${round(dryS)} s`);
    const [first, firstS] = await timed(files);
    if (JSON.stringify(dry) !== JSON.stringify(first))
      throw new Error('the dry run did not count what the import did');
    log(
      `roster: ${users} users, ${first.links.created} links, ${first.households.created} households in ${round(firstS)} s`,
    );
    const [, againS] = await timed(files);
    const changed = (files.get('users.csv') as string).replace(/555-(\d*[05]),/g, '556-$1,');
    const [third, changedS] = await timed(new Map([...files, ['users.csv', changed]]));
    log(
      `roster: re-import ${round(againS)} s; ${third.caregivers.updated} phones changed in ${round(changedS)} s`,
    );
    results.roster_users = users;
    results.roster_dry_run_s = round(dryS);
    results.roster_import_s = round(firstS);
    results.roster_reimport_unchanged_s = round(againS);
    results.roster_reimport_changed_s = round(changedS);
  } finally {
    await db.close();
    await cluster.stop();
  }
}
