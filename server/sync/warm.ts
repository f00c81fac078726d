import { randomBytes } from 'node:crypto';
import { FIND_DEVICE } from '../auth/guards';
import { hashSecret } from '../auth/secrets';
import type { WarmStatement } from '../db';
import { FIND_PULLING_DEVICE, READ_PAGE } from './pull';
import { READ_PUSH } from './push';

/**
 * The statements every sync runs, with parameters that match nothing (a token no device has,
 * a school that does not exist), for `ServerDb.warm` at start: a district's computers wake
 * together, and the first burst would otherwise also pay for opening connections and
 * planning these on each. (sync_push writes, so it is left to its first real call.)
 */
export function hotStatements(): WarmStatement[] {
  const nobody = hashSecret(randomBytes(32).toString('base64url'));
  const noSchool = '00000000-0000-0000-0000-000000000000';
  return [
    { text: FIND_DEVICE, params: [nobody, null] },
    { text: FIND_PULLING_DEVICE, params: [nobody, null] },
    { text: READ_PUSH, params: [nobody, [], []] },
    { text: READ_PAGE, params: [noSchool, 0, [], 1] },
  ];
}
