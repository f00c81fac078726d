import type { SyncedTable } from './records';

/**
 * Who may receive a synced record: the whole school, one team (`team:<team>`), or one staff
 * member (`staff:<id>`, for private notes and follow-ups and strengths the family shared only
 * with the person who recorded them). The server files each change under its record's
 * audience and sends a device only the audiences of its signed-in staff; content of a
 * restricted record is sealed anyway, so this decides who even learns it exists.
 */
export const SCHOOL_AUDIENCE = 'school';
/**
 * Records the district took off every device (a roster's `tobedeleted`): no device receives
 * this audience, so the server keeps them only as tombstones.
 */
export const RETIRED_AUDIENCE = 'retired';

/** Tables whose records may be narrower than the school, and the fields that decide it. */
export const NARROWED_TABLES = {
  notes: { owner: 'authorId', ownerColumn: 'author_id' },
  follow_ups: { owner: 'createdBy', ownerColumn: 'created_by' },
  strengths: { owner: 'recordedBy', ownerColumn: 'recorded_by' },
} as const satisfies Partial<Record<SyncedTable, { owner: string; ownerColumn: string }>>;

export function audienceOf(table: SyncedTable, record: Record<string, unknown>): string {
  if (table === 'strengths')
    return record.consent === 'recorder_only'
      ? `staff:${String(record.recordedBy)}`
      : SCHOOL_AUDIENCE;
  if (table === 'notes' || table === 'follow_ups') {
    const visibility = String(record.visibility);
    if (visibility === 'staff') return SCHOOL_AUDIENCE;
    if (visibility === 'private') return `staff:${String(record[NARROWED_TABLES[table].owner])}`;
    return visibility;
  }
  return SCHOOL_AUDIENCE;
}

/** The audiences a staff member belongs to, besides the school. */
export function audiencesOfStaff(staff: { id: string; teams: readonly string[] }): string[] {
  return [...staff.teams.map((team) => `team:${team}`), `staff:${staff.id}`];
}
