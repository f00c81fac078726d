import {
  MAX_DRIFT_MS,
  type KeyBundle,
  type StaffKeyRecord,
  type TeamKeyShare,
} from '../../contract';
import type { DeviceCaller } from '../auth/guards';
import type { ServerDb, Sql } from '../db';

const BUMP = `INSERT INTO key_versions (school_id, version) VALUES ($1, 1)
  ON CONFLICT (school_id) DO UPDATE SET version = key_versions.version + 1`;

/** The key record the server keeps for a staff member, or null. */
export async function staffKeyRecord(db: Sql, staffId: string): Promise<StaffKeyRecord | null> {
  const [row] = await db.query<{ record: StaffKeyRecord }>(
    'SELECT record FROM staff_keys WHERE staff_id = $1',
    [staffId],
  );
  return row?.record ?? null;
}

/**
 * Keep a staff member's key record. Only sign-in calls this, in the request that has just
 * checked their password: nobody else can put a key of their own in someone's name.
 * A new record (a changed password) makes shares sealed to the old key useless: they go.
 */
export async function keepStaffKeyRecord(
  db: ServerDb,
  staffId: string,
  record: StaffKeyRecord,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO staff_keys (staff_id, record, public_key) VALUES ($1, $2, $3)
       ON CONFLICT (staff_id) DO UPDATE SET record = excluded.record,
         public_key = excluded.public_key, updated_at = now()`,
      [staffId, JSON.stringify(record), record.publicKey],
    );
    await tx.query('DELETE FROM team_key_shares WHERE staff_id = $1 AND recipient_key <> $2', [
      staffId,
      record.publicKey,
    ]);
    const [account] = await tx.query<{ school_id: string | null }>(
      'SELECT school_id FROM staff_accounts WHERE id = $1',
      [staffId],
    );
    if (account?.school_id) await tx.query(BUMP, [account.school_id]);
  });
}

/** A member who left a team (or Hearth) keeps no share of its keys here. */
export async function dropSharesOutside(
  tx: Sql,
  staffId: string,
  teams: readonly string[],
): Promise<void> {
  await tx.query('DELETE FROM team_key_shares WHERE staff_id = $1 AND NOT (team = ANY ($2))', [
    staffId,
    teams,
  ]);
}

/**
 * Shares a device may upload: made by one of its signed-in staff who is on the team, for an
 * active member of the device's school on that team, sealed to that member's current key.
 * Others (a member who just left, a key replaced since) are dropped: they would open nothing
 * anyone may read.
 *
 * A version the district has not seen for the team is taken only if it is not stamped ahead
 * of the server's clock by more than a change's clock may be (MAX_DRIFT_MS). Computers seal
 * new notes with the newest version they hold, so a key planted far ahead by someone about to
 * leave the team would outlive the rotation made when they leave, and they could read what
 * is written after. Versions are numbered by time, not counted (two offline computers never
 * give two keys one number), so the district cannot know a "next" one; an unseen version
 * stamped earlier is a key made on a computer that was offline and must still reach the team.
 */
export async function acceptShares(tx: Sql, device: DeviceCaller, shares: TeamKeyShare[]) {
  if (shares.length === 0) return;
  const stored = await tx.query(
    `INSERT INTO team_key_shares (school_id, team, version, staff_id, recipient_key, sealed_key, sealed_by)
     SELECT DISTINCT ON (s.team, s.version, s."staffId")
       $1, s.team, s.version, s."staffId", s."recipientKey", s."sealedKey", s."sealedBy"
     FROM jsonb_to_recordset($2::jsonb)
       AS s (team text, version bigint, "staffId" uuid, "recipientKey" text, "sealedKey" text, "sealedBy" uuid)
     JOIN staff_accounts member ON member.id = s."staffId" AND member.active
       AND member.school_id = $1 AND s.team = ANY (member.teams)
     JOIN staff_keys k ON k.staff_id = member.id AND k.public_key = s."recipientKey"
     JOIN staff_accounts sealer ON sealer.id = s."sealedBy" AND sealer.active
       AND s.team = ANY (sealer.teams)
     WHERE s."sealedBy" = ANY ($3::uuid[])
       AND (s.version <= $4 OR EXISTS (SELECT 1 FROM team_key_shares seen
         WHERE seen.school_id = $1 AND seen.team = s.team AND seen.version = s.version))
     -- One share a member, team and version: a batch naming one twice (two people on this
     -- computer sealed the same key for a newcomer) stores one of them, as one statement can
     -- write a row only once.
     ORDER BY s.team, s.version, s."staffId"
     ON CONFLICT (school_id, team, version, staff_id) DO UPDATE
       SET recipient_key = excluded.recipient_key, sealed_key = excluded.sealed_key,
         sealed_by = excluded.sealed_by
       WHERE team_key_shares.recipient_key <> excluded.recipient_key
     RETURNING 1`,
    [
      device.school.id,
      JSON.stringify(shares),
      device.staff.map((s) => s.id),
      Date.now() + MAX_DRIFT_MS,
    ],
  );
  if (stored.length > 0) await tx.query(BUMP, [device.school.id]);
}

export async function bundleFor(tx: Sql, device: DeviceCaller): Promise<KeyBundle> {
  const publicKeys = await tx.query<{ staffId: string; publicKey: string }>(
    `SELECT k.staff_id AS "staffId", k.public_key AS "publicKey" FROM staff_keys k
     JOIN staff_accounts s ON s.id = k.staff_id WHERE s.school_id = $1 AND s.active`,
    [device.school.id],
  );
  const shares = await tx.query<TeamKeyShare>(
    `SELECT team, version::float8 AS version, staff_id AS "staffId",
       recipient_key AS "recipientKey", sealed_key AS "sealedKey", sealed_by AS "sealedBy"
     FROM team_key_shares WHERE school_id = $1 AND staff_id = ANY ($2::uuid[])`,
    [device.school.id, device.staff.map((s) => s.id)],
  );
  return { publicKeys, shares };
}
