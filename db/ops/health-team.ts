import { HearthError, WORDS, say, type Staff } from '../../contract';
import { requireViewer, type Ctx } from '../context';
import type { Keyring } from '../privacy/keyring';

/** Health content is sealed for this team alone (office visits, profiles). */
export const HEALTH = 'team:health' as const;

/** The signed-in member, with their keys, when they are on the health team. */
export function requireHealthTeam(ctx: Ctx): { staff: Staff; keyring: Keyring } {
  const viewer = requireViewer(ctx);
  if (!viewer.staff.teams.includes('health'))
    throw new HearthError('UNAUTHORIZED', say(WORDS.healthTeamOnly));
  return viewer;
}
