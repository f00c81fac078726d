import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WORDS, say, type PushInput } from '../../contract';
import { fromRow } from '../../db/columns';
import { callOrThrow } from '../../db/core';
import { SyncFailure, type SyncTransport } from '../../db/sync/client';
import type { Device } from '../district';
import { districtFixture } from '../district-fixture';
import { serverBackends } from '../server-backends';

/**
 * The convergence property: whatever offline edits 3-5 devices make to shared families, in
 * whatever sync order, with requests and answers lost, duplicated or replayed late, and
 * edits made while a pull is on the wire, once every device has synced, every device holds
 * what the server holds, and every field holds the newest edit made to it anywhere (no
 * accepted change lost).
 */
const BACKENDS = serverBackends();

const FIELDS = {
  households: ['name', 'address'],
  people: ['bestTimes', 'email', 'homeLanguage'],
} as const;
const VALUES = {
  name: ['Okafor', 'Nguyen', 'Hale'],
  address: ['1 Elm', '2 Oak', null],
  bestTimes: ['mornings', 'evenings', null],
  email: ['a@example.org', 'b@example.org', null],
  homeLanguage: ['es', 'vi', null],
} as const;
type Table = keyof typeof FIELDS;
type Field = (typeof FIELDS)[Table][number];

const FAULTS = ['none', 'lose-request', 'lose-answer', 'send-twice', 'replay-old'] as const;
type Fault = (typeof FAULTS)[number];

interface Edit {
  table: Table;
  row: number;
  field: number;
  value: number;
}
const edit: fc.Arbitrary<Edit> = fc.record({
  table: fc.constantFrom<Table>('households', 'people'),
  row: fc.nat(1),
  field: fc.nat(2),
  value: fc.nat(2),
});
const command = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), device: fc.nat(4), edit }),
  fc.record({
    kind: fc.constant('sync' as const),
    device: fc.nat(4),
    fault: fc.constantFrom(...FAULTS),
    /** An edit made on the device while its pull is on the wire. */
    meanwhile: fc.option(edit, { nil: undefined }),
  }),
);

const offline = () => new SyncFailure('OFFLINE', say(WORDS.serverUnreachable), true);

/** The device's transport with one fault for this exchange; `sent` keeps pushes for late replays. */
function withFault(
  inner: SyncTransport,
  fault: Fault,
  sent: PushInput[],
  meanwhile: () => void,
): SyncTransport {
  let armed = fault !== 'none';
  let waiting = true;
  return {
    keys: (input) => inner.keys(input),
    audit: (input) => inner.audit(input),
    async push(input) {
      sent.push(input);
      if (!armed) return inner.push(input);
      armed = false;
      if (fault === 'lose-request') throw offline();
      if (fault === 'replay-old') await inner.push(sent[0] ?? input);
      const result = await inner.push(input);
      if (fault === 'lose-answer') throw offline();
      return fault === 'send-twice' ? inner.push(input) : result;
    },
    async pull(after, limit) {
      const page = await inner.pull(after, limit);
      if (waiting) meanwhile();
      waiting = false;
      return page;
    },
  };
}

describe.each(BACKENDS)('sync convergence on $name', ({ name, open }) => {
  const { district, device } = districtFixture(open);

  async function run(deviceCount: number, commands: Command[]) {
    const d = await district();
    const staff = await d.addStaff('Lena Liaison', 'liaison', ['support']);
    const devices: Device[] = [];
    for (let i = 0; i < deviceCount; i++) {
      const dev = await device(d, `Device ${i}`);
      await dev.signIn(staff);
      devices.push(dev);
    }
    const sent = devices.map((): PushInput[] => []);
    /** The newest edit of each field anywhere, `table:id:field` -> [clock, value]. */
    const newest = new Map<string, [string, unknown]>();
    const lastStamp = (dev: Device) =>
      dev.core.store.db
        .prepare('SELECT seq, hlc FROM change_log ORDER BY seq DESC LIMIT 1')
        .get() as { seq: number; hlc: string } | undefined;
    const remember = (
      dev: Device,
      before: { seq: number } | undefined,
      key: string,
      value: unknown,
    ) => {
      const after = lastStamp(dev);
      if (!after || after.seq === before?.seq) return; // the value was already there: no edit
      const known = newest.get(key);
      if (!known || after.hlc > known[0]) newest.set(key, [after.hlc, value]);
    };

    // Two shared families, each with one caregiver, on every device.
    const first = devices[0] as Device;
    const rows: Record<Table, string[]> = { households: [], people: [] };
    for (const family of ['Okafor', 'Nguyen']) {
      const household = callOrThrow(first.core, 'household.create', {
        name: family,
        address: null,
      });
      const made = lastStamp(first)?.hlc ?? '';
      newest.set(`households:${household.id}:name`, [made, family]);
      newest.set(`households:${household.id}:address`, [made, null]);
      const person = callOrThrow(first.core, 'person.create', {
        firstName: 'Ada',
        kind: 'caregiver',
        householdId: household.id,
      });
      for (const field of FIELDS.people)
        newest.set(`people:${person.id}:${field}`, [lastStamp(first)?.hlc ?? '', null]);
      rows.households.push(household.id);
      rows.people.push(person.id);
    }
    for (const dev of devices) await dev.sync();

    const apply = (dev: Device, step: Edit) => {
      const id = rows[step.table][step.row] as string;
      const field = FIELDS[step.table][step.field % FIELDS[step.table].length] as Field;
      const value = VALUES[field][step.value];
      const before = lastStamp(dev);
      if (step.table === 'households')
        callOrThrow(dev.core, 'household.update', { id, [field]: value });
      else callOrThrow(dev.core, 'person.update', { id, [field]: value });
      remember(dev, before, `${step.table}:${id}:${field}`, value);
    };
    for (const step of commands) {
      const i = step.device % deviceCount;
      const dev = devices[i] as Device;
      if (step.kind === 'edit') {
        apply(dev, step.edit);
        continue;
      }
      const meanwhile = () => step.meanwhile && apply(dev, step.meanwhile);
      await dev
        .sync(withFault(dev.transport, step.fault, sent[i] as PushInput[], meanwhile))
        .catch((e: unknown) => {
          if (!(e instanceof SyncFailure)) throw e;
        });
    }

    // Everyone syncs until quiet: a round to push, a round to pull what the others pushed.
    for (let round = 0; round < 2; round++) for (const dev of devices) await dev.sync();

    const server = new Map(
      (
        await d.db.query<{ tbl: Table; id: string; data: Record<string, unknown> }>(
          `SELECT tbl, id, data FROM records WHERE tbl IN ('households', 'people')`,
        )
      ).map((r) => [`${r.tbl}:${r.id}`, r.data]),
    );
    for (const [key, [, value]] of newest) {
      const [table, id, field] = key.split(':') as [Table, string, Field];
      expect(server.get(`${table}:${id}`)?.[field]).toEqual(value);
      for (const dev of devices) {
        const row = dev.core.store.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id);
        expect(
          (fromRow(table, row as Record<string, unknown>) as Record<string, unknown>)[field],
        ).toEqual(value);
      }
    }
    for (const dev of devices) expect(dev.core.sync.pending()).toBe(0);
  }

  it('every device ends equal to the server, with the newest edit of every field', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 3, max: 5 }),
        fc.array(command, { minLength: 5, maxLength: 40 }),
        run,
      ),
      // PGlite starts slowly (a fresh embedded database per run); PostgreSQL takes the bulk.
      { numRuns: name === 'PGlite' ? 6 : 20, endOnFailure: true },
    );
  }, 300_000);
});

type Command =
  | { kind: 'edit'; device: number; edit: Edit }
  | { kind: 'sync'; device: number; fault: Fault; meanwhile: Edit | undefined };
