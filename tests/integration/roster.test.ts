import { resolve } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { callOrThrow } from '../../db/core';
import type { RosterFiles } from '../../contract/roster/files';
import { readRoster } from '../../server/roster/files';
import { importRoster } from '../../server/roster/import';
import { RosterError } from '../../contract/roster/issues';
import { DISTRICT_PASSWORD, type Device, type District } from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * OneRoster import on the district server, and what reaches a school's computer: the sample
 * roster in resources/roster-sample (OneRoster 1.1, bulk), then changed copies of it.
 */
const BACKENDS = serverBackends();
const SAMPLE = resolve('resources/roster-sample');

/** The sample roster with users.csv lines replaced: `edit(line)` returns the new line. */
async function sample(edit: (line: string) => string = (l) => l): Promise<RosterFiles> {
  const files = await readRoster(SAMPLE);
  const users = (files.get('users.csv') as string).split('\n').map(edit).join('\n');
  return new Map([...files, ['users.csv', users]]);
}

describe.each(BACKENDS)('roster import on $name', ({ open }) => {
  const { district, device } = districtFixture(open);

  async function schoolComputer(d: District): Promise<Device> {
    const office = await d.addStaff('Omar Office', 'front_office', []);
    const desk = await device(d, 'Front desk');
    await desk.signIn(office);
    return desk;
  }
  const logSize = async (d: District) =>
    Number((await d.db.query<{ n: string }>('SELECT count(*) AS n FROM sync_log'))[0]?.n);
  const caregiversOf = (desk: Device, text: string) =>
    callOrThrow(desk.core, 'search.people', { text }).flatMap((hit) =>
      hit.type === 'student'
        ? hit.caregivers.map(
            (c) =>
              `${hit.student.firstName}: ${c.person.firstName} ${c.person.lastName} (${c.pickup})`,
          )
        : [],
    );

  it('imports students, caregivers, their links and families, and staff; they reach the school’s computers', async () => {
    const d = await district();
    const desk = await schoolComputer(d);
    const summary = await importRoster(d.db, await sample());
    expect(summary).toMatchObject({
      version: '1.1',
      mode: 'bulk',
      schools: { created: 0 },
      students: { created: 3 },
      caregivers: { created: 3 },
      links: { created: 4 },
      households: { created: 2 },
      staff: { created: 1 },
    });
    await desk.sync();
    // Accents folded, a relative marked "see the office", grades in the school's words.
    expect(caregiversOf(desk, 'thao')).toEqual([
      'Thảo: Lan Nguyễn (allowed)',
      'Thảo: Bao Nguyễn (see_office)',
    ]);
    expect(caregiversOf(desk, 'jose')).toEqual(['José: Rosa García (allowed)']);
    const grades = desk.core.store.db
      .prepare('SELECT first_name, grade, source, roster_id FROM students ORDER BY roster_id')
      .all();
    expect(grades).toEqual([
      { first_name: 'José', grade: '3', source: 'roster', roster_id: 'stu-1' },
      { first_name: 'María', grade: 'K', source: 'roster', roster_id: 'stu-2' },
      { first_name: 'Thảo', grade: '5', source: 'roster', roster_id: 'stu-3' },
    ]);
    // Siblings share their caregiver's household; the Nguyễns have one of their own.
    const families = desk.core.store.db
      .prepare(
        `SELECT h.name, group_concat(p.first_name, ', ') AS people FROM households h
           JOIN people p ON p.household_id = h.id GROUP BY h.id ORDER BY h.name`,
      )
      .all();
    expect(families).toEqual([
      { name: 'García family', people: 'Rosa' },
      { name: 'Nguyễn family', people: 'Lan, Bao' },
    ]);
    expect(
      desk.core.store.db.prepare("SELECT role FROM staff WHERE display_name = 'Kim White'").get(),
    ).toEqual({ role: 'teacher' });
    // Kim's account has no password until an administrator gives her a first one.
    const kim = { email: 'kim.white@district.example', password: 'first password 1' };
    const signIn = () => d.send('POST', '/v1/device/sign-in', kim, desk.token);
    expect((await signIn()).status).toBe(401);
    const [account] = await d.db.query<{ id: string }>(
      'SELECT id FROM staff_accounts WHERE email = $1',
      [kim.email],
    );
    const set = await d.send(
      'PATCH',
      `/v1/admin/staff/${account?.id}`,
      { password: kim.password },
      d.adminToken,
    );
    expect(set.status).toBe(200);
    expect((await signIn()).status).toBe(200);
    // Demographics are read but kept nowhere.
    expect(JSON.stringify(await d.db.query('SELECT data FROM records'))).not.toContain(
      '2017-04-02',
    );

    // The same roster again changes nothing and sends nothing.
    const before = await logSize(d);
    const again = await importRoster(d.db, await sample());
    expect(again.students).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(again.caregivers).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(again.links).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(again.staff).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(await logSize(d)).toBe(before);

    // The district's administrator, once listed in a roster (matched by email)...
    const withPat = await sample((l) =>
      l.startsWith('tea-1,')
        ? `${l}\nadm-1,,,true,district-1,administrator,pat,,Pat,Admin,,A1,pat@district.example,,,,,`
        : l,
    );
    await importRoster(d.db, withPat);
    // ...and Kim have left: the next bulk file lists neither. Kim's account stops working
    // and the school's computers learn it; the district administrator keeps theirs.
    const left = await importRoster(d.db, await sample((l) => l.replace(/^tea-1,.*$/, '')));
    expect(left.staff).toEqual({ created: 0, updated: 0, removed: 1 });
    expect((await signIn()).status).toBe(401);
    await desk.sync();
    expect(
      desk.core.store.db.prepare("SELECT active FROM staff WHERE display_name = 'Kim White'").get(),
    ).toEqual({ active: 0 });
    expect(
      (
        await d.send('POST', '/v1/admin/sessions', {
          email: 'pat@district.example',
          password: DISTRICT_PASSWORD,
        })
      ).status,
    ).toBe(201);
  });

  it('an administrator stops a roster account at once, and the roster’s imports leave it stopped until an administrator allows it again', async () => {
    const d = await district();
    const desk = await schoolComputer(d);
    await importRoster(d.db, await sample());
    const kim = { email: 'kim.white@district.example', password: 'first password 1' };
    const [account] = await d.db.query<{ id: string }>(
      'SELECT id FROM staff_accounts WHERE email = $1',
      [kim.email],
    );
    const change = (body: object) =>
      d.send('PATCH', `/v1/admin/staff/${account?.id}`, body, d.adminToken);
    const signIn = async () => (await d.send('POST', '/v1/device/sign-in', kim, desk.token)).status;
    const kimOnTheDesk = async () => {
      await desk.sync();
      return desk.core.store.db
        .prepare("SELECT active FROM staff WHERE display_name = 'Kim White'")
        .get();
    };
    expect((await change({ password: kim.password })).status).toBe(200);
    expect(await signIn()).toBe(200);

    // Kim left this morning; the student information system will say so next week.
    expect((await change({ active: false })).status).toBe(200);
    expect(await signIn()).toBe(401);
    expect(await kimOnTheDesk()).toEqual({ active: 0 });
    const again = await importRoster(d.db, await sample());
    expect(again.staff).toEqual({ created: 0, updated: 0, removed: 0 });
    expect(await signIn()).toBe(401);
    expect(await kimOnTheDesk()).toEqual({ active: 0 });
    // The name is still the roster's.
    const renamed = await change({ displayName: 'Kimberly White' });
    expect([renamed.status, renamed.body.message]).toEqual([
      409,
      expect.stringMatching(/^The district roster sets this person’s name\./),
    ]);

    // Allowed again here: the stop is gone, and the roster decides again.
    expect((await change({ active: true })).status).toBe(200);
    expect(await signIn()).toBe(200);
    expect(await kimOnTheDesk()).toEqual({ active: 1 });
    const left = await importRoster(d.db, await sample((l) => l.replace(/^tea-1,.*$/, '')));
    expect(left.staff).toEqual({ created: 0, updated: 0, removed: 1 });
    // Who the roster has as gone only the roster brings back.
    const refused = await change({ active: true });
    expect([refused.status, refused.body.message]).toEqual([
      409,
      expect.stringMatching(/^The district roster has this person as no longer active\./),
    ]);
    expect(await signIn()).toBe(401);
    const back = await importRoster(d.db, await sample());
    expect(back.staff).toEqual({ created: 0, updated: 1, removed: 0 });
    expect(await signIn()).toBe(200);
  });

  it('the roster wins for names; an office’s phone edit stays until the roster’s own number changes; who leaves is taken off', async () => {
    const d = await district();
    const desk = await schoolComputer(d);
    await importRoster(d.db, await sample());
    await desk.sync();
    const rosa = desk.core.store.db
      .prepare("SELECT id FROM people WHERE first_name = 'Rosa'")
      .get() as { id: string };
    const student = desk.core.store.db
      .prepare("SELECT id FROM students WHERE roster_id = 'stu-3'")
      .get() as { id: string };
    // The office corrects Rosa's number and writes a note about Thảo.
    callOrThrow(desk.core, 'person.update', { id: rosa.id, phones: ['555-000-9999'] });
    callOrThrow(desk.core, 'note.create', {
      studentId: student.id,
      visibility: 'staff',
      subject: 'Welcome',
      body: 'First day went well.',
    });
    await desk.sync();

    // Next night: Rosa's surname is corrected in the SIS, her number is unchanged there.
    await importRoster(
      d.db,
      await sample((l) => l.replace(',Rosa,García,', ',Rosa,García López,')),
    );
    await desk.sync();
    const person = () => callOrThrow(desk.core, 'person.get', { id: rosa.id }).person;
    expect(person()).toMatchObject({ lastName: 'García López', phones: ['555-000-9999'] });

    // Then the SIS records a new number: now the roster's number wins.
    await importRoster(
      d.db,
      await sample((l) =>
        l
          .replace(',Rosa,García,', ',Rosa,García López,')
          .replace('(555) 201-3344', '(555) 777-1212'),
      ),
    );
    await desk.sync();
    expect(person().phones).toEqual(['(555) 777-1212']);

    // Bao (a relative) is tobedeleted, and Thảo has left (absent from this bulk file, and so
    // from her guardian's and Bao's agentSourcedIds: a file naming her there is refused).
    const summary = await importRoster(
      d.db,
      await sample((l) =>
        l
          .replace(',Rosa,García,', ',Rosa,García López,')
          .replace('(555) 201-3344', '(555) 777-1212')
          .replace(/^rel-1,,/, 'rel-1,tobedeleted,')
          .replace(/^stu-3,.*$/, '')
          .replace(/,stu-3,,$/, ',,,'),
      ),
    );
    expect(summary.links.removed).toBe(2);
    expect(summary.students.removed).toBe(1);
    expect(summary.staff.removed).toBe(0);
    // Meanwhile, offline, the office edits Bao: the district refuses it with its reason.
    const bao = desk.core.store.db
      .prepare("SELECT id FROM people WHERE first_name = 'Bao'")
      .get() as { id: string };
    callOrThrow(desk.core, 'person.update', { id: bao.id, bestTimes: 'Evenings' });
    await desk.sync();
    expect(caregiversOf(desk, 'nguyen')).toEqual([]);
    expect(
      desk.core.store.db.prepare("SELECT count(*) AS n FROM people WHERE first_name = 'Bao'").get(),
    ).toEqual({ n: 0 });
    // Thảo's record stays on this computer for the note written about her, out of search.
    expect(callOrThrow(desk.core, 'search.people', { text: 'thao' })).toEqual([]);
    expect(
      callOrThrow(desk.core, 'note.forStudent', { studentId: student.id }).map(
        (n) => n.access === 'open' && n.subject,
      ),
    ).toEqual(['Welcome']);
    expect(callOrThrow(desk.core, 'sync.review', {}).rejections.map((r) => r.reason)).toEqual([
      'The district removed that record (it left the roster).',
    ]);
    expect(desk.core.sync.pending()).toBe(0);
  });

  it('a delta file applies the changes it carries as the bulk file would, and retires only what it marks', async () => {
    // The next night's changes: Rosa's new surname and number, Lan a caregiver of José too,
    // Bao (a relative) tobedeleted.
    const rosa = (l: string) =>
      l.replace(',Rosa,García,', ',Rosa,García López,').replace('(555) 201-3344', '(555) 777-1212');
    const jose = (l: string) => l.replace(/^(stu-1,.*),par-1,/, '$1,"par-1,gua-1",');
    const lan = (l: string) => l.replace(/,stu-3,,$/, ',"stu-3,stu-1",,');
    const bao = (l: string) => l.replace(/^rel-1,,/, 'rel-1,tobedeleted,');
    const changes = (l: string) => bao(lan(jose(rosa(l))));

    // One district takes the whole bulk file with the changes in it; the other a delta file
    // that carries only the four changed rows (no orgs, no demographics).
    const viaBulk = await district();
    const viaDelta = await district();
    const bulkDesk = await schoolComputer(viaBulk);
    const deltaDesk = await schoolComputer(viaDelta);
    await importRoster(viaBulk.db, await sample());
    await importRoster(viaDelta.db, await sample());
    const bulkSummary = await importRoster(viaBulk.db, await sample(changes));
    const base = await sample();
    const header = (base.get('users.csv') as string).split('\n')[0] as string;
    const changed = (base.get('users.csv') as string)
      .split('\n')
      .filter((l) => /^(par-1|stu-1|gua-1|rel-1),/.test(l))
      .map(changes);
    const manifest = (base.get('manifest.csv') as string)
      .replace('file.users,bulk', 'file.users,delta')
      .replace('file.orgs,bulk', 'file.orgs,absent')
      .replace('file.demographics,bulk', 'file.demographics,absent');
    const deltaSummary = await importRoster(
      viaDelta.db,
      new Map([
        ['manifest.csv', manifest],
        ['users.csv', [header, ...changed].join('\n')],
      ]),
    );
    expect(deltaSummary.mode).toBe('delta');
    expect({ ...deltaSummary, mode: 'bulk' }).toEqual(bulkSummary);
    expect(bulkSummary).toMatchObject({ links: { removed: 1 }, caregivers: { removed: 1 } });

    // What each school's computer holds afterwards is the same: María, untouched by the delta
    // file, stays with Rosa; Thảo keeps Lan and loses Bao.
    await bulkDesk.sync();
    await deltaDesk.sync();
    const holds = (desk: Device) => ({
      links: ['jose', 'maria', 'thao'].flatMap((name) => caregiversOf(desk, name)).sort(),
      people: desk.core.store.db
        .prepare('SELECT first_name, last_name, phones, email FROM people ORDER BY first_name')
        .all(),
    });
    expect(holds(deltaDesk)).toEqual(holds(bulkDesk));
    expect(holds(deltaDesk).links).toEqual([
      'José: Lan Nguyễn (allowed)',
      'José: Rosa García López (allowed)',
      'María: Rosa García López (allowed)',
      'Thảo: Lan Nguyễn (allowed)',
    ]);
    expect(holds(deltaDesk).people).toContainEqual({
      first_name: 'Rosa',
      last_name: 'García López',
      phones: '["(555) 777-1212"]',
      email: 'rosa.garcia@example.org',
    });
  });

  it('a roster with an error imports nothing, naming the file, line and field', async () => {
    const d = await district();
    await importRoster(d.db, await sample());
    const before = await logSize(d);
    const sources = await d.db.query('SELECT * FROM roster_sources ORDER BY kind, source_key');
    const broken = await sample((l) =>
      l
        .replace('José', 'Josefina')
        .replace('rosa.garcia@example.org', 'rosa at example')
        .replace(/^gua-1,,,true,district-1,guardian,/, 'gua-1,,,true,district-1,grandma,'),
    );
    const error = await importRoster(d.db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RosterError);
    expect((error as RosterError).issues).toEqual([
      { file: 'users.csv', line: 5, field: 'email', message: 'must be an email address' },
      { file: 'users.csv', line: 6, field: 'role', message: 'is not a OneRoster role' },
    ]);
    expect((error as Error).message).toContain(
      'users.csv, line 5, email: must be an email address',
    );
    expect(await logSize(d)).toBe(before);
    expect(await d.db.query('SELECT * FROM roster_sources ORDER BY kind, source_key')).toEqual(
      sources,
    );
    const missing = await importRoster(d.db, new Map([['orgs.csv', 'sourcedId,name,type\n']]))
      .then(() => null)
      .catch((e: unknown) => (e as RosterError).issues);
    expect(missing).toEqual([
      { file: 'users.csv', line: 0, field: '', message: 'is missing from the roster' },
    ]);
  });

  it('takes a OneRoster 1.2 zip over HTTP from a district administrator, with roles in roles.csv', async () => {
    const d = await district();
    const zip = zipSync({
      'export/orgs.csv': strToU8(
        'sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd1,active,,Hill District,district,,\ns9,active,,Hillside Middle,school,,d1\n',
      ),
      'export/users.csv': strToU8(
        'sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrg,pronouns\n' +
          'u1,active,,true,,,Amina,Yusuf,,,,,,u2,07,,,,Mina,,,s9,\n' +
          'u2,active,,true,,,Hodan,Yusuf,,,hodan@example.org,,612-555-0101,u1,,,,,,,,d1,\n',
      ),
      'export/roles.csv': strToU8(
        'sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId\n' +
          'r1,active,,u1,primary,student,,,s9,\nr2,active,,u2,primary,guardian,,,d1,\n',
      ),
      'export/readme.txt': strToU8('not a roster file'),
    });
    const post = (body: Uint8Array, token = d.adminToken, zone = 'America/Chicago', dry = false) =>
      d.app.inject({
        method: 'POST',
        url: `/v1/admin/roster?timeZone=${encodeURIComponent(zone)}${dry ? '&dryRun=true' : ''}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/zip' },
        payload: Buffer.from(body),
      });
    // A dry run first: what the import would do, and nothing done.
    const before = await logSize(d);
    const dryRun = await post(zip, d.adminToken, 'America/Chicago', true);
    expect(dryRun.statusCode).toBe(200);
    expect(dryRun.json()).toMatchObject({
      dryRun: true,
      version: '1.2',
      schools: { created: 1 },
      students: { created: 1 },
      caregivers: { created: 1 },
      links: { created: 1 },
    });
    expect(await logSize(d)).toBe(before);
    expect(await d.db.query("SELECT 1 FROM schools WHERE name = 'Hillside Middle'")).toEqual([]);
    expect(await d.db.query('SELECT 1 FROM roster_sources')).toEqual([]);
    const reply = await post(zip);
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({ ...dryRun.json(), dryRun: false });
    // The history: this import, by whom, with what it did; the dry run is not in it.
    const history = await d.app.inject({
      method: 'GET',
      url: '/v1/admin/roster/imports',
      headers: { authorization: `Bearer ${d.adminToken}` },
    });
    expect(history.json()).toEqual([
      {
        id: expect.any(String),
        importedAt: expect.any(String),
        importedByName: 'Pat Admin',
        summary: { ...dryRun.json(), dryRun: undefined },
      },
    ]);
    const [school] = await d.db.query<{ id: string; time_zone: string }>(
      "SELECT id, time_zone FROM schools WHERE name = 'Hillside Middle'",
    );
    expect(school?.time_zone).toBe('America/Chicago');
    const desk = await device(d, 'Hillside desk', { schoolId: school?.id });
    const office = await d.addStaff('Hana Office', 'front_office', [], school?.id);
    await desk.signIn(office);
    expect(caregiversOf(desk, 'mina')).toEqual(['Amina: Hodan Yusuf (allowed)']);

    expect((await post(strToU8('not a zip'))).json()).toMatchObject({
      code: 'VALIDATION',
      issues: [{ path: '(zip)', message: 'is not a zip file that can be read' }],
    });
    expect((await post(zip, 'ha_forged')).statusCode).toBe(401);
    // A school's own administrator manages staff and devices, not the district's roster.
    const principal = await d.addStaff('Sam Principal', 'administrator', ['admin']);
    const session = await d.send('POST', '/v1/admin/sessions', {
      email: principal.email,
      password: DISTRICT_PASSWORD,
    });
    expect((await post(zip, session.body.token as string)).statusCode).toBe(403);
    const theirHistory = await d.app.inject({
      method: 'GET',
      url: '/v1/admin/roster/imports',
      headers: { authorization: `Bearer ${session.body.token as string}` },
    });
    expect(theirHistory.statusCode).toBe(403);
    expect((await post(zip, d.adminToken, 'Mars/Olympus')).statusCode).toBe(400);
    // An upload said to be over the limit is refused before a byte of it is read.
    const huge = await d.app.inject({
      method: 'POST',
      url: '/v1/admin/roster',
      headers: {
        authorization: `Bearer ${d.adminToken}`,
        'content-type': 'application/zip',
        'content-length': String(300 * 1024 * 1024),
      },
      payload: Buffer.from(zip),
    });
    expect([huge.statusCode, huge.json().message]).toEqual([
      413,
      'That request is too large to accept.',
    ]);
  });
});
