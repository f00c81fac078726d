import { MAX_KEY_SHARES, type KeyBundle, type Team, type TeamKeyShare } from '../../contract';
import type { Store } from '../store';

/**
 * The local half of the key exchange (contract/keys.ts): upload the team key shares made
 * here that the district can use (sealed to a member's district key), and keep what it
 * sends back: every member's district public key, and shares for the people who signed in
 * here that open with the keys they sign in with.
 */

interface ShareRow {
  team: Team;
  version: number;
  staff_id: string;
  recipient_key: Buffer;
  sealed_key: Buffer;
  sealed_by: string;
}

/** Whether the district holds this public key as the staff member's (the last exchange said so). */
export function knownToDistrict(store: Store, staffId: string, publicKey: Buffer): boolean {
  return (
    store
      .sql('SELECT 1 FROM staff_public_keys WHERE staff_id = ? AND public_key = ?')
      .get(staffId, publicKey) !== undefined
  );
}

export function sharesToUpload(store: Store): TeamKeyShare[] {
  const rows = store
    .sql(
      `SELECT t.team, t.version, t.staff_id, t.recipient_key, t.sealed_key, t.sealed_by
       FROM team_keys t JOIN staff_public_keys p ON p.staff_id = t.staff_id
         AND p.public_key = t.recipient_key
       WHERE t.uploaded = 0 LIMIT ?`,
    )
    .all(MAX_KEY_SHARES) as ShareRow[];
  return rows.map((r) => ({
    team: r.team,
    version: r.version,
    staffId: r.staff_id,
    recipientKey: r.recipient_key.toString('base64'),
    sealedKey: r.sealed_key.toString('base64'),
    sealedBy: r.sealed_by,
  }));
}

/** Keep a key exchange's answer; returns whether this computer learned a key it lacked. */
export function applyKeyBundle(
  store: Store,
  bundle: KeyBundle,
  sent: TeamKeyShare[],
  now: Date,
): boolean {
  let learned = false;
  for (const { staffId, publicKey } of bundle.publicKeys) {
    const info = store
      .sql(
        `INSERT INTO staff_public_keys (staff_id, public_key)
         SELECT ?, ? WHERE EXISTS (SELECT 1 FROM staff WHERE id = ?)
         ON CONFLICT (staff_id) DO UPDATE SET public_key = excluded.public_key
         WHERE staff_public_keys.public_key IS NOT excluded.public_key`,
      )
      .run(staffId, Buffer.from(publicKey, 'base64'), staffId);
    if (info.changes > 0) learned = true;
  }
  for (const share of sent)
    store
      .sql(
        'UPDATE team_keys SET uploaded = 1 WHERE team = ? AND version = ? AND staff_id = ? AND recipient_key = ?',
      )
      .run(share.team, share.version, share.staffId, Buffer.from(share.recipientKey, 'base64'));
  for (const share of bundle.shares) {
    const info = store
      .sql(
        `INSERT INTO team_keys (team, version, staff_id, sealed_key, sealed_by, created_at, recipient_key, uploaded)
         SELECT @team, @version, @staffId, @sealedKey, @sealedBy, @now, @recipientKey, 1
         WHERE EXISTS (SELECT 1 FROM staff_keys k WHERE k.staff_id = @staffId AND k.public_key = @recipientKey)
           AND EXISTS (SELECT 1 FROM staff WHERE id = @sealedBy)
         ON CONFLICT (team, version, staff_id) DO UPDATE SET sealed_key = excluded.sealed_key,
           sealed_by = excluded.sealed_by, recipient_key = excluded.recipient_key, uploaded = 1
         WHERE team_keys.recipient_key IS NOT excluded.recipient_key`,
      )
      .run({
        team: share.team,
        version: share.version,
        staffId: share.staffId,
        sealedKey: Buffer.from(share.sealedKey, 'base64'),
        sealedBy: share.sealedBy,
        now: now.toISOString(),
        recipientKey: Buffer.from(share.recipientKey, 'base64'),
      });
    if (info.changes > 0) learned = true;
  }
  return learned;
}
