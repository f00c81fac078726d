import { describe, expect, it } from 'vitest';
import {
  HearthError,
  STAMPS_PER_RUN,
  SYNCED_RECORDS,
  formatHlc,
  newId,
  tickRun,
  type PulledChange,
  type School,
} from '../../contract';
import { LocalClock } from '../../db/clock';
import { fromRow } from '../../db/columns';
import type { Core } from '../../db/core';
import { collectInto, createDemoFamilies } from '../../db/demo/generate';
import { DERIVED_INDEXERS } from '../../db/derived';
import { ROWS_PER_STATEMENT, RowInserter } from '../../db/insert-rows';
import { findMatches } from '../../db/search';
import { openStore } from '../../db/store';
import { TABLE_ORDER, Writer, type NewRecord } from '../../db/write';
import { tempCore } from '../helpers';

const FAMILY_TABLES = ['households', 'people', 'students', 'student_person_links'] as const;

function schoolOf(core: Core): School {
  return fromRow(
    'schools',
    core.store.sql('SELECT * FROM schools').get() as Record<string, unknown>,
  );
}

const writerFor = (core: Core, author: string) =>
  new Writer(
    core.store,
    LocalClock.resume(core.store, core.deviceId, Date.now),
    DERIVED_INDEXERS,
    () => author,
  );

/** Every family row, its school left out (each database has its own school). */
function familyRows(core: Core) {
  return FAMILY_TABLES.map((table) =>
    (core.store.sql(`SELECT * FROM ${table} ORDER BY pk`).all() as Record<string, unknown>[]).map(
      ({ school_id: _school, ...row }) => row,
    ),
  );
}

const newEntries = (core: Core, after: number) =>
  core.store
    .sql(
      'SELECT seq, tbl, row_id, fields, hlc, staff_id FROM change_log WHERE seq > ? ORDER BY seq',
    )
    .all(after) as {
    seq: number;
    tbl: string;
    row_id: string;
    fields: string | null;
    hlc: string;
    staff_id: string | null;
  }[];

const lastSeq = (core: Core) =>
  (core.store.sql('SELECT coalesce(max(seq), 0) AS seq FROM change_log').get() as { seq: number })
    .seq;

describe('inserting many records at once', () => {
  it('writes what inserting them one by one writes, whatever order the tables come in', () => {
    const one = tempCore({ setup: 'school' });
    const many = tempCore({ setup: 'school' });
    const records: NewRecord[] = [];
    // Sizes that leave rows over after the full 50-row statements in every table.
    createDemoFamilies(collectInto(records), schoolOf(one), { students: 73, people: 121 }, 5);
    const counts = Object.fromEntries(
      FAMILY_TABLES.map((t) => [t, records.filter((r) => r.table === t).length]),
    );
    expect(Object.values(counts).every((n) => n > 50 && n % 50 !== 0)).toBe(true);

    const beforeOne = lastSeq(one);
    const beforeMany = lastSeq(many);
    one.store.db.transaction(() => {
      const writer = writerFor(one, 'staff-a');
      for (const { table, record } of records) writer.insert(table, record);
    })();
    const otherSchool = schoolOf(many).id;
    // Children before their parents: insertMany puts the tables in order itself.
    const reversed = records
      .map((r) => ({ ...r, record: { ...r.record, schoolId: otherSchool } }) as NewRecord)
      .reverse();
    // Within a table the given order is kept, so put each table's own records back in order.
    const inTableOrder = FAMILY_TABLES.toReversed().flatMap((t) =>
      reversed.filter((r) => r.table === t).reverse(),
    );
    many.store.db.transaction(() => writerFor(many, 'staff-a').insertMany(inTableOrder))();

    expect(familyRows(many)).toEqual(familyRows(one));
    expect(many.store.sql('SELECT * FROM household_facts ORDER BY household_id').all()).toEqual(
      one.store.sql('SELECT * FROM household_facts ORDER BY household_id').all(),
    );
    // The search index finds the same rows by name and by phone.
    const people = records.filter((r) => r.table === 'people').slice(0, 40);
    for (const { record } of people) {
      const person = record as {
        id: string;
        firstName: string;
        lastName: string | null;
        phones: string[];
      };
      const { pk } = many.store.sql('SELECT pk FROM people WHERE id = ?').get(person.id) as {
        pk: number;
      };
      for (const typed of [`${person.firstName} ${person.lastName ?? ''}`, ...person.phones]) {
        const found = findMatches(many.store, 'people', typed, 100);
        expect(found.map((m) => m.pk)).toContain(pk);
        expect(found).toEqual(findMatches(one.store, 'people', typed, 100));
      }
    }
    const student = records.find((r) => r.table === 'students')?.record as { firstName: string };
    expect(findMatches(many.store, 'students', student.firstName, 100)).toEqual(
      findMatches(one.store, 'students', student.firstName, 100),
    );

    // One change-log entry per record naming every field, by its author, stamped in order.
    const entries = newEntries(many, beforeMany);
    const key = (e: {
      tbl: string;
      row_id: string;
      fields: string | null;
      staff_id: string | null;
    }) => `${e.tbl} ${e.row_id} ${e.fields} ${e.staff_id}`;
    expect(entries.map(key).sort()).toEqual(newEntries(one, beforeOne).map(key).sort());
    expect(entries).toHaveLength(records.length);
    expect(entries.every((e, i) => i === 0 || e.hlc > (entries[i - 1]?.hlc ?? ''))).toBe(true);
  });

  it("stamps each table's entries with a run of the clock, written as the clock writes a stamp", () => {
    const core = tempCore({ setup: 'school' });
    const records: NewRecord[] = [];
    createDemoFamilies(collectInto(records), schoolOf(core), { students: 12, people: 20 }, 3);
    // A wall clock that stands still, two counters short of the millisecond's last: the
    // first table's run (households) does not fit and moves to the next millisecond.
    const wall = 1_790_000_000_000;
    const resumed = { wall, counter: STAMPS_PER_RUN - 3, node: core.deviceId };
    const clock = new LocalClock(core.deviceId, () => wall, formatHlc(resumed));
    const before = lastSeq(core);
    core.store.db.transaction(() =>
      new Writer(core.store, clock, DERIVED_INDEXERS, () => 'staff-a').insertMany(records),
    )();

    let prev = resumed;
    const expected = TABLE_ORDER.flatMap((table) => {
      const ids = records.filter((r) => r.table === table).map((r) => r.record.id);
      if (ids.length === 0) return [];
      const first = tickRun(prev, ids.length, wall);
      prev = { ...first, counter: first.counter + ids.length - 1 };
      return ids.map((id, i) => ({
        tbl: table,
        row_id: id,
        hlc: formatHlc({ ...first, counter: first.counter + i }),
        staff_id: 'staff-a',
      }));
    });
    const entries = newEntries(core, before);
    expect(
      entries.map(({ tbl, row_id, hlc, staff_id }) => ({ tbl, row_id, hlc, staff_id })),
    ).toEqual(expected);
    expect(entries.every((e) => e.fields === null)).toBe(true);
    expect(entries[0]?.hlc).toBe(formatHlc({ wall: wall + 1, counter: 0, node: core.deviceId }));
    // The clock goes on after the last stamp it handed out.
    expect(clock.next() > (entries.at(-1)?.hlc ?? '')).toBe(true);
  });

  it('refuses the whole batch when one record is not valid, naming it, before writing anything', () => {
    const core = tempCore({ setup: 'school' });
    const records: NewRecord[] = [];
    createDemoFamilies(collectInto(records), schoolOf(core), { students: 10, people: 10 }, 3);
    const index = records.findIndex((r) => r.table === 'people' && records.indexOf(r) > 5);
    const bad = records[index] as Extract<NewRecord, { table: 'people' }>;
    records[index] = { table: 'people', record: { ...bad.record, firstName: '  ' } };
    const before = lastSeq(core);
    let thrown: unknown;
    try {
      writerFor(core, 'staff-a').insertMany(records);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HearthError);
    expect((thrown as HearthError).code).toBe('VALIDATION');
    expect((thrown as HearthError).issues).toEqual([
      { path: `${index}.firstName`, message: 'cannot be empty' },
    ]);
    for (const table of FAMILY_TABLES)
      expect(core.store.sql(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    expect(lastSeq(core)).toBe(before);
  });

  it('puts every table after the tables it refers to', () => {
    const core = tempCore();
    expect([...TABLE_ORDER].sort()).toEqual(Object.keys(SYNCED_RECORDS).sort());
    for (const [position, table] of TABLE_ORDER.entries()) {
      const parents = core.store.db.pragma(`foreign_key_list(${table})`) as { table: string }[];
      for (const { table: parent } of parents) {
        if (parent === table || !TABLE_ORDER.includes(parent as never)) continue;
        expect(TABLE_ORDER.indexOf(parent as never), `${table} refers to ${parent}`).toBeLessThan(
          position,
        );
      }
    }
  });
});

describe('applying a pulled page', () => {
  /** Values from the district as a page brings them, for the school `schoolId`. */
  function arriving(records: NewRecord[], schoolId: string, existing: string) {
    const person = records.find((r) => r.table === 'people')?.record as { id: string };
    // The page's last link: it arrives after the record already held here (below), which
    // sends in the records held before it.
    const link = records.findLast((r) => r.table === 'student_person_links')?.record as {
      id: string;
    };
    const values: Omit<PulledChange, 'seq' | 'hlc'>[] = records.map(({ table, record }) => ({
      table,
      rowId: record.id,
      values: { ...record, schoolId },
      removed: false,
    }));
    // A record written again later in the page, one already on this computer (which sends
    // the records held so far in first), a record that does not validate here, and a record
    // from earlier in the page removed.
    values.splice(40, 0, {
      table: 'people',
      rowId: person.id,
      values: { firstName: 'Renamed' },
      removed: false,
    });
    values.splice(60, 0, {
      table: 'households',
      rowId: existing,
      values: { name: 'Named at the district' },
      removed: false,
    });
    values.splice(80, 0, {
      table: 'people',
      rowId: newId(),
      values: { ...(records[1]?.record ?? {}), id: undefined, firstName: '  ', schoolId },
      removed: false,
    });
    values.push({ table: 'student_person_links', rowId: link.id, values: {}, removed: true });
    return values.map((v, i) => ({
      ...v,
      seq: i + 1,
      hlc: `${String(Date.now() + i).padStart(15, '0')}.000000.district`,
    }));
  }

  it('writes what applying its values one at a time writes, new records held and sent in together', () => {
    const one = tempCore({ setup: 'school' });
    const paged = tempCore({ setup: 'school' });
    const records: NewRecord[] = [];
    createDemoFamilies(collectInto(records), schoolOf(one), { students: 40, people: 60 }, 11);
    const page = (changes: PulledChange[]) => ({
      changes,
      next: changes[changes.length - 1]?.seq ?? 0,
      more: false,
      audiences: [],
      keys: 0,
    });
    // A family this computer already holds from the district (a local one would still be
    // waiting to be pushed, and the page would leave its fields alone).
    const existing = newId();
    for (const core of [one, paged])
      core.sync.applyPage(
        page([
          {
            seq: 1,
            table: 'households',
            rowId: existing,
            hlc: `${String(Date.now() - 1000).padStart(15, '0')}.000000.district`,
            values: { id: existing, schoolId: schoolOf(core).id, name: 'Made here', address: null },
            removed: false,
          },
        ]),
      );
    const before = lastSeq(paged);

    const changes = arriving(records, schoolOf(one).id, existing);
    const unreadableOne = changes.reduce(
      (sum, change) => sum + one.sync.applyPage(page([change])).unreadable,
      0,
    );
    const applied = paged.sync.applyPage(page(arriving(records, schoolOf(paged).id, existing)));

    expect(applied).toEqual({ effect: 'applied', unreadable: 1 });
    expect(unreadableOne).toBe(1);
    expect(familyRows(paged)).toEqual(familyRows(one));
    const rows = familyRows(paged);
    expect(rows[0]).toContainEqual(
      expect.objectContaining({ id: existing, name: 'Named at the district' }),
    );
    expect(rows[1]).toContainEqual(expect.objectContaining({ first_name: 'Renamed' }));
    expect(rows[3]).toHaveLength(
      records.filter((r) => r.table === 'student_person_links').length - 1,
    );
    expect(paged.store.sql('SELECT * FROM household_facts ORDER BY household_id').all()).toEqual(
      one.store.sql('SELECT * FROM household_facts ORDER BY household_id').all(),
    );
    expect(findMatches(paged.store, 'people', 'Renamed', 10)).toHaveLength(1);
    expect(findMatches(paged.store, 'people', 'Renamed', 10)).toEqual(
      findMatches(one.store, 'people', 'Renamed', 10),
    );
    // Values from the district are not this computer's changes: nothing is logged to push.
    expect(lastSeq(paged)).toBe(before);
  });

  it('keeps a record held for a page as it was when later values for it do not validate', () => {
    const core = tempCore({ setup: 'school' });
    const id = newId();
    const school = schoolOf(core).id;
    core.store.db.transaction(() => {
      const batch = writerFor(core, 'staff-a').remoteBatch();
      expect(
        batch.apply('households', id, { id, schoolId: school, name: 'Ade', address: null }),
      ).toBe(true);
      expect(batch.apply('households', id, { name: '   ' })).toBe(false);
      expect(core.store.sql('SELECT count(*) AS n FROM households').get()).toEqual({ n: 0 });
      batch.flush();
    })();
    expect(core.store.sql('SELECT name FROM households WHERE id = ?').get(id)).toEqual({
      name: 'Ade',
    });
  });
});

describe('rows inserted many to a statement', () => {
  it.each([0, 1, 49, 50, 51, 120])(
    'writes %i rows, a full statement as soon as it fills, the suffix on every statement',
    (count) => {
      const store = openStore(':memory:');
      store.db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, label TEXT NOT NULL)');
      // Rows already there, one in the first full statement's range and one in the rest's:
      // the suffix must reach both kinds of statement.
      const existing = [30, 110];
      for (const n of existing) store.sql("INSERT INTO t VALUES (?, 'kept')").run(n);
      const rows = new RowInserter(store, 'INSERT INTO t (n, label)', 2, ' ON CONFLICT DO NOTHING');
      for (let n = 1; n <= count; n++) rows.add(n, `row ${n}`);
      // Nothing is held back once a statement's worth has come.
      const full = count - (count % ROWS_PER_STATEMENT);
      const added = () => (store.sql('SELECT count(*) AS c FROM t').get() as { c: number }).c - 2;
      expect(added()).toBe(full - existing.filter((n) => n <= full).length);
      rows.end();
      const expected = [
        ...new Set([...existing, ...Array.from({ length: count }, (_, i) => i + 1)]),
      ]
        .sort((a, b) => a - b)
        .map((n) => ({ n, label: existing.includes(n) ? 'kept' : `row ${n}` }));
      expect(store.sql('SELECT n, label FROM t ORDER BY n').all()).toEqual(expected);
      store.close();
    },
  );
});
