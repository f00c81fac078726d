import type { Team } from '../../contract';

/**
 * The privacy predicate, in SQL, so every read path filters rows before they leave the
 * database. Bind `@viewer` (the signed-in staff id) and `@scopes` (viewerScopes below).
 *
 * - listed: the viewer may know the record exists. Everyone but the author is kept from
 *   even seeing that a private record exists.
 * - readable: the viewer may see its content (visibility `staff`, one of their teams, or
 *   their own private record). Queries return content columns only when this holds.
 */
export function visibilitySql(alias: string, authorColumn: string) {
  const readable = `(${alias}.visibility IN (SELECT value FROM json_each(@scopes)) OR (${alias}.visibility = 'private' AND ${alias}.${authorColumn} = @viewer))`;
  const listed = `(${alias}.visibility <> 'private' OR ${alias}.${authorColumn} = @viewer)`;
  return { readable, listed };
}

/** The visibilities a viewer reads by membership: all staff, plus each of their teams. */
export function viewerScopes(teams: readonly Team[]): string {
  return JSON.stringify(['staff', ...teams.map((team) => `team:${team}`)]);
}
