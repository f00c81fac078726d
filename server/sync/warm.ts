import { randomBytes } from 'node:crypto';
import { MAX_PULL_CHANGES, formatHlc, newId, pushInput } from '../../contract';
import { FIND_DEVICE, type DeviceCaller } from '../auth/guards';
import { hashSecret } from '../auth/secrets';
import type { WarmStatement } from '../db';
import { parseBody } from '../validate';
import { audiencesOf } from './device-staff';
import { SYNC_PUSH_GROUP, groupJson, type PushWrite } from './group-commit';
import { LogCache } from './log-cache';
import type { StoredRecord } from './merge';
import { FIND_PULLING_DEVICE, READ_PAGE, READ_TAIL, pageText } from './pull';
import { READ_PUSH, checkBatch, planPush, pushWrite, withPage } from './push';
import { entriesJson, recordKey, recordsJson } from './store';

/**
 * The statements every sync runs, with parameters that match nothing (a token no device has,
 * a school that does not exist), for `ServerDb.warm` at start: a district's computers wake
 * together, and the first burst would otherwise also pay for opening connections and
 * planning these on each.
 */
export function hotStatements(): WarmStatement[] {
  const nobody = hashSecret(randomBytes(32).toString('base64url'));
  const noSchool = '00000000-0000-0000-0000-000000000000';
  return [
    { text: FIND_DEVICE, params: [nobody, null] },
    { text: FIND_PULLING_DEVICE, params: [nobody, null] },
    { text: READ_PUSH, params: [nobody, [], []] },
    { text: READ_PAGE, params: [noSchool, 0, [], 1] },
    { text: READ_TAIL, params: [noSchool, 0, 1] },
  ];
}

/** A school, its administrator and a computer, made only to be rolled back. */
const WARM_COMPUTER = `WITH school AS (
    INSERT INTO schools (id, name, time_zone) VALUES ($1, 'Warm-up', 'UTC') RETURNING id
  ), admin AS (
    INSERT INTO staff_accounts (id, school_id, email, display_name, role, password_hash)
    SELECT $2, id, $3, 'Warm-up', 'administrator', '' FROM school RETURNING id
  )
  INSERT INTO devices (id, school_id, name, token_hash, enrolled_by)
  SELECT $4, $1, 'Warm-up', $5, id FROM admin`;

/**
 * What a push writes, for `ServerDb.warm` to run in a transaction it rolls back: sync_push
 * and sync_push_group are PL/pgSQL, whose statements each connection plans on their first
 * run, which would otherwise be the first burst of the morning. A throwaway computer pushes
 * a family in a group that reads the school's log tail, the group's second copy of it races,
 * and then a push of its own runs alone with its page read by sync_page; nothing of it stays
 * (the log's sequence only skips the seqs they drew, as after any failed push).
 */
export function warmWrites(): WarmStatement[] {
  const school = newId();
  const admin = newId();
  const device = newId();
  const push = (pushed: number): PushWrite => {
    const id = newId();
    const values = { id, schoolId: school, name: 'Warm-up', address: null };
    const hlc = formatHlc({ wall: Date.now(), counter: pushed, node: device });
    const clocks = Object.fromEntries(Object.keys(values).map((field) => [field, hlc]));
    const common = { schoolId: school, table: 'households' as const, audience: 'school' };
    return {
      device,
      pushed,
      last: pushed + 1,
      school,
      entries: entriesJson([{ ...common, rowId: id, hlc, values, removed: false }]),
      records: recordsJson([{ ...common, id, data: values, clocks, seqs: {}, version: null }]),
      rejections: '[]',
      after: 0,
      audiences: [],
      limit: 1,
      state: null,
    };
  };
  const first = push(0);
  return [
    {
      text: WARM_COMPUTER,
      params: [school, admin, `warm-up-${admin}@hearth.invalid`, device, hashSecret(newId())],
    },
    {
      text: SYNC_PUSH_GROUP,
      params: [school, groupJson([first, { ...first, limit: null }]), 0, 1],
    },
    { text: SYNC_PUSH_GROUP, params: [school, groupJson([push(1)]), null, null] },
  ];
}

/** How many made-up batches warmPushCode runs at start. */
export const WARM_PUSH_ROUNDS = 500;

/**
 * Run the JavaScript of a sync's push on made-up batches, `rounds` times, writing nothing:
 * the body parsed and checked, the batch planned, its JSON for PostgreSQL, and its page cut
 * from a log kept only for this and answered. V8 compiles a function for speed only after
 * it has run many times; without this, the first burst of the morning is where the push's
 * code is still slow. A school's computers push new families and then change them, so the
 * batches are inserts and then updates. Returns the batches' changes it refused (none,
 * unless the planning rules changed under it) and how many changes the answers' pages
 * carried (every change pushed: each batch's page is cut from the log after it).
 *
 * Measured on the sync benchmark's copy (three interleaved pairs): the first burst's server
 * CPU per sync 1.65–1.75 ms with it against 2.05–2.45 without, its p95 454–497 ms against
 * 507–618; 500 rounds take about a third of a second at start. PostgreSQL's CPU in that
 * burst (1.75–2.0 ms a sync, against 1.0–1.4 in later bursts) is not changed by it.
 */
export function warmPushCode(rounds = WARM_PUSH_ROUNDS): { refused: number; paged: number } {
  const school = newId();
  const epoch = 'warm-up';
  const staff = { id: newId(), teams: [], role: 'front_office' };
  const device: DeviceCaller = {
    deviceId: newId(),
    school: { id: school, name: 'Warm-up', timeZone: 'UTC' },
    staff: [staff],
    log: { epoch, head: 0, resendAfter: 0 },
  };
  const audiences = audiencesOf(device);
  const cache = new LogCache();
  const stored = new Map<string, StoredRecord>();
  const ids = Array.from({ length: 10 }, newId);
  let seq = 0;
  let refused = 0;
  let paged = 0;
  for (let round = 0; round < rounds; round++) {
    const before = seq;
    const changes = ids.map((id) => {
      seq += 1;
      const insert = !stored.has(recordKey('households', id));
      return {
        seq,
        table: 'households',
        rowId: id,
        hlc: formatHlc({ wall: Date.now(), counter: seq % 60_000, node: device.deviceId }),
        by: staff.id,
        insert,
        values: insert
          ? { id, schoolId: school, name: `Family ${seq}`, address: null }
          : { name: `Family ${seq}` },
      };
    });
    const body = JSON.stringify({
      basedOn: before,
      changes,
      pull: { after: before, limit: MAX_PULL_CHANGES },
    });
    const input = parseBody(pushInput, JSON.parse(body));
    checkBatch(input.changes, Date.now());
    const held = { device, pushedSeq: before };
    const plan = planPush(held, stored, new Map(), input);
    refused += plan.rejected.length;
    for (const record of plan.records) stored.set(recordKey(record.table, record.id), record);
    const write = pushWrite(held, plan, input, { versions: new Map(), audiences, state: null });
    const after = cache.tailStart(school, epoch, before);
    // The group's JSON and the answer are only made, not used: running them is the point.
    groupJson([write]);
    cache.extend(
      school,
      epoch,
      after,
      plan.log.map((entry, index) => ({
        seq: before + index + 1,
        audience: entry.audience,
        wire: JSON.stringify({ seq: before + index + 1, values: entry.values }),
      })),
    );
    const kept = cache.page(school, epoch, before, audiences, MAX_PULL_CHANGES);
    if (!kept) throw new Error('the warm-up page was not kept');
    paged += kept.count;
    const page = { changes: kept.changes, next: kept.next, more: kept.full, keys: 0 };
    withPage(
      JSON.stringify({ ...plan.result, log: device.log }),
      pageText(page, audiences, device.log),
    );
  }
  return { refused, paged };
}
