import { describe, expect, it } from 'vitest';
import { districtAuditEntrySchema } from '../../contract';
import { callOrThrow } from '../../db/core';
import type { SyncTransport } from '../../db/sync/client';
import { PUSH_BODY_LIMIT } from '../../server/routes/sync';
import { buildServer } from '../../server/app';
import type { ServerDb } from '../../server/db';
import { READ_TAIL } from '../../server/sync/pull';
import {
  addOkaforFamily,
  householdCreation,
  injectSender,
  injectTransport,
  type Device,
} from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * Both halves of sync together: real SQLite files on the devices, the real server on PGlite
 * and on a throwaway PostgreSQL cluster (required in CI).
 */
const BACKENDS = serverBackends();

describe.each(BACKENDS)('sync on $name', ({ open }) => {
  const { district, device } = districtFixture(open);

  const row = (dev: Device, sql: string, ...params: unknown[]) =>
    dev.core.store.db.prepare(sql).get(...params) as Record<string, unknown> | undefined;

  /** Another server instance on the district's database, whose statements are counted. */
  async function countedInstance(db: ServerDb) {
    const statements: string[] = [];
    const counted: ServerDb = {
      ...db,
      query: (text, params) => {
        statements.push(text);
        return db.query(text, params);
      },
    };
    return { statements, other: await buildServer({ db: counted, logger: false }) };
  }

  /** A liaison's laptop and the front desk of one school, enrolled, nobody signed in yet. */
  async function laptopAndDesk() {
    const d = await district();
    const liaison = await d.addStaff('Lena Liaison', 'liaison', ['support']);
    const office = await d.addStaff('Omar Office', 'front_office', []);
    const laptop = await device(d, 'Liaison laptop');
    const desk = await device(d, 'Front desk');
    return { d, liaison, office, laptop, desk };
  }

  it('a family made on one device reaches another; offline edits merge field by field', async () => {
    const { liaison, office, laptop, desk } = await laptopAndDesk();
    // Enrollment alone brings the school and its staff.
    expect(row(desk, 'SELECT name FROM schools')).toEqual({ name: 'Riverside Elementary' });
    expect(row(desk, 'SELECT count(*) AS n FROM staff')).toEqual({ n: 2 });

    await laptop.signIn(liaison);
    await desk.signIn(office);
    const { mother } = addOkaforFamily(laptop.core);
    expect(laptop.core.sync.pending()).toBe(4);
    await laptop.sync();
    expect(laptop.core.sync.pending()).toBe(0);
    await desk.sync();
    expect(
      callOrThrow(desk.core, 'search.people', { text: 'okafor' }).map(
        (h) => h.type === 'person' && h.person.id,
      ),
    ).toContain(mother.id);

    // Offline on both: different fields of the same person, and the same field.
    callOrThrow(laptop.core, 'person.update', {
      id: mother.id,
      homeLanguage: 'yo',
      bestTimes: 'evenings',
    });
    await new Promise((r) => setTimeout(r, 5));
    callOrThrow(desk.core, 'person.update', {
      id: mother.id,
      email: 'ada@example.org',
      bestTimes: 'mornings',
    });
    await laptop.sync();
    await desk.sync();
    await laptop.sync();
    for (const dev of [laptop, desk])
      expect(callOrThrow(dev.core, 'person.get', { id: mother.id }).person).toMatchObject({
        homeLanguage: 'yo',
        email: 'ada@example.org',
        bestTimes: 'mornings',
      });
    // The desk replaced a value it had not seen: both computers keep both for review, the
    // laptop too, whose value was overwritten, and once only though it pulls the log again.
    const conflicts = (x: Device) =>
      x.core.store.db.prepare('SELECT field, mine, theirs, kept FROM sync_conflicts').all();
    expect(conflicts(desk)).toEqual([
      { field: 'bestTimes', mine: '"mornings"', theirs: '"evenings"', kept: 'mine' },
    ]);
    expect(conflicts(laptop)).toEqual([
      { field: 'bestTimes', mine: '"evenings"', theirs: '"mornings"', kept: 'theirs' },
    ]);
    laptop.core.store.db.prepare("UPDATE meta SET value = '0' WHERE key = 'sync_cursor'").run();
    await laptop.sync();
    expect(conflicts(laptop)).toHaveLength(1);

    // Someone at the desk reviews it and keeps the laptop's value after all.
    const review = callOrThrow(desk.core, 'sync.review', {});
    expect(review.conflicts).toMatchObject([
      {
        record: 'Ada Okafor',
        field: 'bestTimes',
        mine: '"mornings"',
        theirs: '"evenings"',
        kept: 'mine',
      },
    ]);
    expect(callOrThrow(desk.core, 'sync.status', {})).toMatchObject({
      joined: true,
      conflicts: 1,
      pending: 0,
    });
    const after = callOrThrow(desk.core, 'sync.resolveConflict', {
      id: review.conflicts[0]?.id ?? 0,
      keep: 'theirs',
    });
    expect(after.conflicts).toEqual([]);
    expect(callOrThrow(desk.core, 'sync.status', {})).toMatchObject({ conflicts: 0, pending: 1 });
    await desk.sync();
    await laptop.sync();
    for (const dev of [laptop, desk])
      expect(callOrThrow(dev.core, 'person.get', { id: mother.id }).person.bestTimes).toBe(
        'evenings',
      );
    // Settled at the desk, it leaves the laptop's list when the chosen value arrives there.
    expect(callOrThrow(laptop.core, 'sync.review', {}).conflicts).toEqual([]);
  });

  it('a duplicate merged on one computer moves its contacts, visits and notes everywhere, with nothing refused', async () => {
    const { liaison, office, laptop, desk } = await laptopAndDesk();
    await desk.signIn(office);
    await laptop.signIn(liaison);
    const { family, mother, student } = addOkaforFamily(desk.core);
    const twin = callOrThrow(desk.core, 'person.create', {
      firstName: 'Ada',
      lastName: 'Okafor',
      kind: 'caregiver',
      phones: ['555 0100'],
      householdId: family.id,
    });
    callOrThrow(desk.core, 'contact.log', {
      householdId: family.id,
      personId: twin.id,
      kind: 'call',
      direction: 'family_to_school',
      tone: 'information',
      summary: 'Asked about the bus.',
    });
    callOrThrow(desk.core, 'visit.signIn', {
      visitor: { personId: twin.id },
      purpose: 'meeting',
      seeing: 'Counselor',
    });
    callOrThrow(desk.core, 'note.create', {
      studentId: student.id,
      personId: twin.id,
      visibility: 'staff',
      subject: 'Bus',
      body: 'Mother asked about the bus stop.',
    });
    await desk.sync();
    callOrThrow(desk.core, 'person.merge', { keepId: mother.id, mergeId: twin.id });
    await desk.sync();
    expect(callOrThrow(desk.core, 'sync.review', {}).rejections).toEqual([]);
    expect(desk.core.sync.pending()).toBe(0);
    await laptop.sync();
    // The call and the walk-in's own contact, the visit, the note.
    for (const [table, n] of [
      ['contacts', 2],
      ['visits', 1],
      ['notes', 1],
    ] as const)
      expect(
        row(laptop, `SELECT count(*) AS n FROM ${table} WHERE person_id = ?`, mother.id),
      ).toEqual({ n });
  });
  it('a doubled student merged at the desk moves contacts, notes and another’s private follow-up everywhere, with nothing refused', async () => {
    const { liaison, office, laptop, desk } = await laptopAndDesk();
    await desk.signIn(office);
    await laptop.signIn(liaison);
    const { family, mother, student } = addOkaforFamily(desk.core);
    const twin = callOrThrow(desk.core, 'student.create', {
      firstName: 'Tobi',
      lastName: 'Okafor',
      grade: '3',
      dateOfBirth: '2017-03-01',
      links: [{ personId: mother.id, relationship: 'Mother' }],
    });
    callOrThrow(desk.core, 'contact.log', {
      householdId: family.id,
      personId: mother.id,
      studentIds: [twin.id],
      kind: 'call',
      direction: 'school_to_family',
      tone: 'good_news',
      summary: 'Tobi helped a new classmate.',
    });
    await desk.sync();
    await laptop.sync();
    const followUp = callOrThrow(laptop.core, 'followUp.create', {
      studentId: twin.id,
      visibility: 'private',
      title: 'Ask about the reading club',
      assigneeId: liaison.id,
      dueOn: '2099-01-31',
    });
    await laptop.sync();
    await desk.sync();
    callOrThrow(desk.core, 'student.merge', { keepId: student.id, mergeId: twin.id });
    await desk.sync();
    expect(callOrThrow(desk.core, 'sync.review', {}).rejections).toEqual([]);
    expect(desk.core.sync.pending()).toBe(0);
    await laptop.sync();
    expect(row(laptop, 'SELECT student_id FROM follow_ups WHERE id = ?', followUp.id)).toEqual({
      student_id: student.id,
    });
    expect(
      row(laptop, `SELECT count(*) AS n FROM contacts WHERE student_ids LIKE ?`, `%${student.id}%`),
    ).toEqual({ n: 1 });
    expect(
      row(laptop, 'SELECT merged_into_id, date_of_birth FROM students WHERE id = ?', twin.id),
    ).toEqual({
      merged_into_id: student.id,
      date_of_birth: '2017-03-01',
    });
    expect(callOrThrow(laptop.core, 'student.get', { id: student.id }).student.dateOfBirth).toBe(
      '2017-03-01',
    );
    // The laptop moved what only it holds; the district takes that move too.
    await laptop.sync();
    expect(callOrThrow(laptop.core, 'sync.review', {}).rejections).toEqual([]);
    expect(laptop.core.sync.pending()).toBe(0);
  });
  it('a warned pickup, a warning again at sign-out and a roll call reach every computer as the desk kept them', async () => {
    const { liaison, office, laptop, desk } = await laptopAndDesk();
    await laptop.signIn(liaison);
    await desk.signIn(office);
    const { mother, student } = addOkaforFamily(laptop.core);
    await laptop.sync();
    await desk.sync();
    // Someone who may not take the student, in for a meeting as the stranger comes.
    const uncle = callOrThrow(desk.core, 'person.create', {
      firstName: 'Obi',
      lastName: 'Okafor',
      kind: 'relative',
    });
    callOrThrow(desk.core, 'link.set', {
      studentId: student.id,
      personId: uncle.id,
      relationship: 'Uncle',
      pickup: 'not_allowed',
      officeNote: 'Court order on file.',
    });
    const meeting = callOrThrow(desk.core, 'visit.signIn', {
      visitor: { personId: uncle.id },
      purpose: 'meeting',
    });
    const confirmation = { name: 'Ada Okafor', personId: mother.id, how: 'phone' as const };
    const pickup = callOrThrow(desk.core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Sam Stranger' } },
      studentIds: [student.id],
      purpose: 'pickup',
      guardianConfirmation: confirmation,
    });
    const roll = callOrThrow(desk.core, 'rollCall.start', { kind: 'drill' });
    callOrThrow(desk.core, 'rollCall.mark', { id: roll.id, visitId: pickup.id, accounted: true });
    callOrThrow(desk.core, 'rollCall.end', { id: roll.id });
    const out = callOrThrow(desk.core, 'visit.signOut', {
      visitId: meeting.id,
      acknowledgeWarnings: true,
    });
    expect(out.signOutWarnings).toHaveLength(1);
    await desk.sync();
    expect(desk.core.sync.pending()).toBe(0);
    await laptop.sync();
    const seen = callOrThrow(laptop.core, 'visit.today', { text: 'stranger' }).visits[0];
    expect(seen).toMatchObject({
      guardianConfirmation: confirmation,
      pickupWarnings: [{ status: 'not_listed', studentId: student.id }],
    });
    const left = callOrThrow(laptop.core, 'visit.today', { text: '' }).visits.find(
      (v) => v.id === meeting.id,
    );
    expect(left?.signOutWarnings).toMatchObject([{ studentId: student.id, status: 'not_allowed' }]);
    expect(left?.signOutAcknowledgedAt).toBe(left?.signedOutAt);
    expect(callOrThrow(laptop.core, 'rollCall.list', {})).toMatchObject([
      { id: roll.id, kind: 'drill', people: 2, accounted: 1 },
    ]);
  });

  it('the caution list an administrator keeps reaches the desk, and the visit it warned of carries the entries and its badge code back', async () => {
    const { d, office, laptop, desk } = await laptopAndDesk();
    const admin = await d.addStaff('Ada Admin', 'administrator', []);
    await laptop.signIn(admin);
    await desk.signIn(office);
    const entry = callOrThrow(laptop.core, 'caution.add', {
      fullName: 'Dale Whitcomb',
      phones: ['(312) 555-0199'],
      reason: 'Trespass notice: call the principal.',
      photo: null,
      expiresOn: null,
    });
    await laptop.sync();
    await desk.sync();
    const [match] = callOrThrow(desk.core, 'caution.match', {
      fullName: 'Dale Whitcombe',
      phones: ['312.555.0199'],
    });
    expect(match).toMatchObject({ id: entry.id, matchedBy: 'phone' });
    const visit = callOrThrow(desk.core, 'visit.signIn', {
      visitor: { newVisitor: { fullName: 'Dale Whitcombe', phone: '312.555.0199' } },
      purpose: 'meeting',
      seenCautionIds: [entry.id],
    });
    await desk.sync();
    await laptop.sync();
    const [kept] = callOrThrow(laptop.core, 'visit.inBuilding', {});
    expect(kept).toMatchObject({ cautionIds: [entry.id], badgeCode: visit.badgeCode });
    // Who added it and who was shown it reach the district's audit log.
    const listed = await d.send(
      'GET',
      `/v1/admin/audit?schoolId=${d.schoolId}`,
      undefined,
      d.adminToken,
    );
    expect(listed.status).toBe(200);
    const entries = districtAuditEntrySchema
      .array()
      .parse(listed.body)
      .filter((e) => e.recordType === 'caution_list')
      .map((e) => [e.action, e.staffId]);
    expect(entries).toEqual(
      expect.arrayContaining([
        ['create', admin.id],
        ['read', office.id],
      ]),
    );
  });

  it('sends a queue heavier than one request may be in several, none of them refused', async () => {
    const { d, office, laptop, desk } = await laptopAndDesk();
    const admin = await d.addStaff('Ada Admin', 'administrator', []);
    await laptop.signIn(admin);
    await desk.signIn(office);
    // 150 caution-list entries with the largest photo each: about 9 MB, offline.
    const photo = `data:image/jpeg;base64,${'A'.repeat(59_970)}`;
    for (let i = 0; i < 150; i++)
      callOrThrow(laptop.core, 'caution.add', {
        fullName: `Visitor ${i}`,
        phones: [],
        reason: 'Trespass notice: call the principal.',
        photo,
        expiresOn: null,
      });
    const bodies: number[] = [];
    await laptop.sync({
      ...laptop.transport,
      push: (input) => {
        bodies.push(Buffer.byteLength(JSON.stringify(input)));
        return laptop.transport.push(input);
      },
    });
    expect(bodies.length).toBeGreaterThan(1);
    expect(Math.max(...bodies)).toBeLessThanOrEqual(PUSH_BODY_LIMIT);
    expect(laptop.core.sync.pending()).toBe(0);
    await desk.sync();
    expect(desk.core.store.db.prepare('SELECT count(*) AS n FROM caution_entries').get()).toEqual({
      n: 150,
    });
  });

  it('a computer with nothing to push and nothing new costs the database one statement, and still gets what is new', async () => {
    const { d, liaison, office, laptop, desk } = await laptopAndDesk();
    await laptop.signIn(liaison);
    await desk.signIn(office);
    addOkaforFamily(laptop.core);
    await laptop.sync();
    await desk.sync();
    const { statements, other } = await countedInstance(d.db);
    try {
      const through = injectTransport({ ...d, send: injectSender(other) }, desk.token);
      await desk.sync(through);
      expect(statements).toHaveLength(1);
      expect(statements[0]).not.toContain('sync_page');

      // What another computer pushes through the first instance is new at the head: read,
      // once, into what this instance keeps of the school's log (it kept nothing yet).
      callOrThrow(laptop.core, 'household.create', { name: 'Nguyen', address: null });
      await laptop.sync();
      statements.length = 0;
      await desk.sync(through);
      expect(statements.filter((s) => /sync_(page|tail)/.test(s))).toEqual([READ_TAIL]);
      expect(row(desk, "SELECT name FROM households WHERE name = 'Nguyen'")).toEqual({
        name: 'Nguyen',
      });

      // And again: only what is new since is read, and the page is cut from what is kept.
      callOrThrow(laptop.core, 'household.create', { name: 'Osei', address: null });
      callOrThrow(laptop.core, 'household.create', { name: 'Park', address: null });
      await laptop.sync();
      statements.length = 0;
      await desk.sync(through);
      expect(statements.filter((s) => /sync_(page|tail)/.test(s))).toEqual([READ_TAIL]);
      expect(
        desk.core.store.db
          .prepare("SELECT name FROM households WHERE name IN ('Osei', 'Park') ORDER BY name")
          .all(),
      ).toEqual([{ name: 'Osei' }, { name: 'Park' }]);
    } finally {
      await other.close();
    }
  });

  it('a computer behind what a server instance keeps of the log gets its pages read from the database, whole', async () => {
    const { d, liaison, office, laptop, desk } = await laptopAndDesk();
    const library = await device(d, 'Library');
    await laptop.signIn(liaison);
    await desk.signIn(office);
    await library.signIn(office);
    callOrThrow(laptop.core, 'household.create', { name: 'Abara', address: null });
    await laptop.sync();
    await desk.sync();
    const { statements, other } = await countedInstance(d.db);
    const throughOther = (dev: Device) =>
      dev.sync(injectTransport({ ...d, send: injectSender(other) }, dev.token));
    try {
      // The desk starts what the other instance keeps of the log, from its cursor on.
      callOrThrow(laptop.core, 'household.create', { name: 'Bello', address: null });
      await laptop.sync();
      await throughOther(desk);
      // The library last synced before Abara: behind that window.
      statements.length = 0;
      await throughOther(library);
      expect(statements.filter((s) => s.includes('sync_page(')).length).toBeGreaterThan(0);
      const names = (dev: Device) =>
        (
          dev.core.store.db
            .prepare("SELECT name FROM households WHERE name IN ('Abara', 'Bello') ORDER BY name")
            .all() as { name: string }[]
        ).map((h) => h.name);
      expect(names(desk)).toEqual(['Abara', 'Bello']);
      expect(names(library)).toEqual(['Abara', 'Bello']);
    } finally {
      await other.close();
    }
  });

  it('the last batch’s answer brings the first page: a usual sync is one request', async () => {
    const { d, liaison, office, laptop, desk } = await laptopAndDesk();
    await laptop.signIn(liaison);
    await desk.signIn(office);
    const { mother } = addOkaforFamily(laptop.core);
    await laptop.sync();

    callOrThrow(desk.core, 'household.create', { name: 'Reyes', address: null });
    const requests: string[] = [];
    const counted: SyncTransport = {
      push: (input) => {
        requests.push(input.pull ? 'push with pull' : 'push');
        return desk.transport.push(input);
      },
      pull: (after, limit) => {
        requests.push('pull');
        return desk.transport.pull(after, limit);
      },
      keys: desk.transport.keys,
      audit: desk.transport.audit,
    };
    await desk.sync(counted);
    expect(requests).toEqual(['push with pull']);
    expect(desk.core.sync.pending()).toBe(0);
    expect(callOrThrow(desk.core, 'person.get', { id: mother.id }).person.firstName).toBe('Ada');

    // A full page sends the device on to pull the rest.
    callOrThrow(laptop.core, 'person.update', { id: mother.id, bestTimes: 'evenings' });
    callOrThrow(laptop.core, 'household.create', { name: 'Nguyen', address: null });
    await laptop.sync();
    callOrThrow(desk.core, 'household.create', { name: 'Adeyemi', address: null });
    requests.length = 0;
    await desk.sync(counted, { pullSize: 1 });
    expect(requests.slice(0, 2)).toEqual(['push with pull', 'pull']);
    expect(callOrThrow(desk.core, 'person.get', { id: mother.id }).person.bestTimes).toBe(
      'evenings',
    );

    // A page bigger than the most one page holds is refused with the batch, whole.
    const count = async () =>
      (await d.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_log'))[0]?.n;
    const before = await count();
    const id = '0190a0a0-0000-7000-8000-0000000000aa';
    const reply = await d.send(
      'POST',
      '/v1/sync/push',
      {
        basedOn: 0,
        changes: [
          householdCreation({
            rowId: id,
            schoolId: d.schoolId,
            by: office.id,
            node: 'test',
            name: 'Too big',
            seq: 1_000,
          }),
        ],
        pull: { after: 0, limit: 2_001 },
      },
      desk.token,
    );
    expect(reply.status).toBe(400);
    expect(await count()).toBe(before);
  });
});
