import { randomBytes } from 'node:crypto';
import { formatHlc, newId } from '../../contract';
import { FIND_DEVICE } from '../auth/guards';
import { hashSecret } from '../auth/secrets';
import type { WarmStatement } from '../db';
import { SYNC_PUSH_GROUP, groupJson, type PushWrite } from './group-commit';
import { FIND_PULLING_DEVICE, READ_PAGE, READ_TAIL } from './pull';
import { READ_PUSHES } from './push-reads';
import { entriesJson, recordsJson } from './store';

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
    {
      text: READ_PUSHES,
      params: [JSON.stringify([{ hash: nobody.toString('hex'), tables: [], ids: [], seqs: [] }])],
    },
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
