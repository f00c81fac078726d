import type { Staff } from '../../contract';

/**
 * The privacy predicate, in SQL, so every read path filters rows before they leave the
 * database. Bind `@school`, `@viewer` and `@scopes` with viewerBindings below.
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

/**
 * The viewer's school and id, and the visibilities they read by membership: all staff, plus
 * each of their teams.
 */
export function viewerBindings(staff: Staff) {
  return {
    school: staff.schoolId,
    viewer: staff.id,
    scopes: JSON.stringify(['staff', ...staff.teams.map((team) => `team:${team}`)]),
  };
}
