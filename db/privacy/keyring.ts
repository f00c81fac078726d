import {
  HearthError,
  teamOf,
  type Sealed,
  type Team,
  type Visibility,
  WORDS,
  say,
} from '../../contract';
import type { Store } from '../store';
import type { UnlockedStaffKeys } from './credentials';
import { decrypt, encrypt, newSecretKey, openSealed, sealTo } from './keys';

/**
 * The keys a signed-in staff member holds, in memory only: their private key and every
 * version of their teams' keys that has been shared with them. Locking drops it.
 */
export interface Keyring extends UnlockedStaffKeys {
  staffId: string;
  teams: Map<Team, Map<number, Buffer>>;
  /**
   * Content this session has already decrypted, by record id, with the exact sealed text it
   * came from: an entry is used only for that same ciphertext on that same record, so it
   * can never be stale or moved to another record. Dropped with the keyring on lock.
   */
  opened: Map<string, { sealed: string; content: unknown }>;
}

/** Enough for every restricted record a busy day touches; past it, start again. */
const OPENED_LIMIT = 20_000;

const teamKeyBinding = (team: Team, version: number, staffId: string) =>
  `hearth/team-key/${team}/${version}/${staffId}`;
const recordKeyBinding = (recordId: string) => `hearth/record-key/${recordId}`;
const contentBinding = (recordId: string) => `hearth/record/${recordId}`;

interface SealedTeamKeyRow {
  team: Team;
  version: number;
  sealed_key: Buffer;
}

export function openKeyring(store: Store, staffId: string, keys: UnlockedStaffKeys): Keyring {
  const keyring: Keyring = { ...keys, staffId, teams: new Map(), opened: new Map() };
  // Only shares sealed to the key pair just unlocked open with it.
  const rows = store
    .sql('SELECT team, version, sealed_key FROM team_keys WHERE staff_id = ? AND recipient_key = ?')
    .all(staffId, keys.publicKey) as SealedTeamKeyRow[];
  for (const row of rows) {
    const key = openSealed(
      keys.privateKey,
      keys.publicKey,
      row.sealed_key,
      teamKeyBinding(row.team, row.version, staffId),
    );
    holdTeamKey(keyring, row.team, row.version, key);
  }
  return keyring;
}

function holdTeamKey(keyring: Keyring, team: Team, version: number, key: Buffer): void {
  let versions = keyring.teams.get(team);
  if (!versions) keyring.teams.set(team, (versions = new Map()));
  versions.set(version, key);
}

interface MemberRow {
  id: string;
  public_key: Buffer;
}

/**
 * Active members of a team who can receive keys: by the key pair they sign in with here,
 * or else by their district public key (they have not signed in on this computer).
 */
function teamMembers(store: Store, team: Team): MemberRow[] {
  return store
    .sql(
      `SELECT s.id, coalesce(k.public_key, p.public_key) AS public_key FROM staff s
       LEFT JOIN staff_keys k ON k.staff_id = s.id
       LEFT JOIN staff_public_keys p ON p.staff_id = s.id
       WHERE s.active = 1 AND coalesce(k.public_key, p.public_key) IS NOT NULL
         AND EXISTS (SELECT 1 FROM json_each(s.teams) WHERE value = ?)`,
    )
    .all(team) as MemberRow[];
}

function shareTeamKey(
  store: Store,
  team: Team,
  version: number,
  key: Buffer,
  member: MemberRow,
  sharedBy: string,
  now: Date,
): void {
  store
    .sql(
      `INSERT INTO team_keys (team, version, staff_id, sealed_key, sealed_by, created_at, recipient_key)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (team, version, staff_id) DO UPDATE SET sealed_key = excluded.sealed_key,
         sealed_by = excluded.sealed_by, created_at = excluded.created_at,
         recipient_key = excluded.recipient_key, uploaded = 0
       WHERE team_keys.recipient_key IS NOT excluded.recipient_key`,
    )
    .run(
      team,
      version,
      member.id,
      sealTo(member.public_key, key, teamKeyBinding(team, version, member.id)),
      sharedBy,
      now.toISOString(),
      member.public_key,
    );
}

/**
 * Run whenever someone signs in and after staff changes: for each of the holder's teams,
 * make the team's first key, or a new version if a member left, and share every version
 * the holder has with members who lack it. Members can only get keys from someone who
 * holds them, so a new member waits for a teammate to sign in on a device once.
 */
export function reconcileTeamKeys(
  store: Store,
  keyring: Keyring,
  holderTeams: readonly Team[],
  now: Date,
): void {
  for (const team of holderTeams) {
    const latest = store
      .sql('SELECT max(version) AS version FROM team_keys WHERE team = ?')
      .get(team) as { version: number | null };
    const rotation = store.sql('SELECT 1 FROM team_key_rotations WHERE team = ?').get(team);
    const members = teamMembers(store, team);
    if (latest.version === null || rotation) {
      // Numbered by time, so two computers making a key offline never reuse a number.
      const version = Math.max((latest.version ?? 0) + 1, now.getTime());
      const key = newSecretKey();
      for (const member of members)
        shareTeamKey(store, team, version, key, member, keyring.staffId, now);
      store.sql('DELETE FROM team_key_rotations WHERE team = ?').run(team);
      holdTeamKey(keyring, team, version, key);
    }
    for (const [version, key] of keyring.teams.get(team) ?? []) {
      for (const member of members)
        shareTeamKey(store, team, version, key, member, keyring.staffId, now);
    }
  }
}

/**
 * Take a member out of a team's keys: their copies are deleted and the team gets a new key
 * before anything else is written for it. Known limit: what they could read before, they
 * may have kept; rotation protects what is written after.
 */
export function removeFromTeamKeys(store: Store, staffId: string, team: Team, now: Date): void {
  store.sql('DELETE FROM team_keys WHERE staff_id = ? AND team = ?').run(staffId, team);
  store
    .sql('INSERT OR IGNORE INTO team_key_rotations (team, requested_at) VALUES (?, ?)')
    .run(team, now.toISOString());
}

/**
 * Move a member's team keys from one of their key pairs to another (this computer's own to
 * the district's): each share is opened with the old private key and sealed to the new
 * public key, so nothing they could read here is lost.
 */
export function resealTeamKeys(
  store: Store,
  staffId: string,
  from: UnlockedStaffKeys,
  toPublicKey: Buffer,
  now: Date,
): void {
  const rows = store
    .sql('SELECT team, version, sealed_key FROM team_keys WHERE staff_id = ? AND recipient_key = ?')
    .all(staffId, from.publicKey) as SealedTeamKeyRow[];
  for (const row of rows) {
    const binding = teamKeyBinding(row.team, row.version, staffId);
    const key = openSealed(from.privateKey, from.publicKey, row.sealed_key, binding);
    shareTeamKey(
      store,
      row.team,
      row.version,
      key,
      { id: staffId, public_key: toPublicKey },
      staffId,
      now,
    );
  }
}

/** After a password reset: keys sealed to the old key pair cannot be opened any more. */
export function forgetTeamKeys(store: Store, staffId: string): void {
  store.sql('DELETE FROM team_keys WHERE staff_id = ?').run(staffId);
}

function keyingFailure(visibility: Visibility): HearthError {
  const team = teamOf(visibility);
  return new HearthError('KEYS_UNAVAILABLE', say(WORDS.teamKeyMissing, { team: team ?? '' }));
}

/**
 * Encrypt a restricted record's content with a fresh key of its own, wrapped with the
 * newest version of its team's key (or sealed to the author alone when private).
 */
export function sealContent(
  keyring: Keyring,
  visibility: Visibility,
  recordId: string,
  content: unknown,
): Sealed {
  const recordKey = newSecretKey();
  const box = encrypt(recordKey, Buffer.from(JSON.stringify(content)), contentBinding(recordId));
  const team = teamOf(visibility);
  let keyVersion = 0;
  let wrapped: Buffer;
  if (team) {
    const versions = keyring.teams.get(team);
    if (!versions || versions.size === 0) throw keyingFailure(visibility);
    keyVersion = Math.max(...versions.keys());
    wrapped = encrypt(versions.get(keyVersion) as Buffer, recordKey, recordKeyBinding(recordId));
  } else {
    wrapped = sealTo(keyring.publicKey, recordKey, recordKeyBinding(recordId));
  }
  return { keyVersion, key: wrapped.toString('base64'), box: box.toString('base64') };
}

/**
 * The content, or null when this keyring cannot open it: it lacks the key version the record
 * was sealed with, or (a private record) the author's password was reset since.
 */
export function openContent(
  keyring: Keyring,
  visibility: Visibility,
  recordId: string,
  sealed: string,
): unknown {
  const cached = keyring.opened.get(recordId);
  if (cached?.sealed === sealed) return cached.content;
  let content: unknown;
  try {
    content = openWith(keyring, visibility, recordId, JSON.parse(sealed) as Sealed);
  } catch {
    return null;
  }
  if (content === null) return null;
  if (keyring.opened.size >= OPENED_LIMIT) keyring.opened.clear();
  keyring.opened.set(recordId, { sealed, content });
  return content;
}

function openWith(
  keyring: Keyring,
  visibility: Visibility,
  recordId: string,
  sealed: Sealed,
): unknown {
  const team = teamOf(visibility);
  const wrapped = Buffer.from(sealed.key, 'base64');
  let recordKey: Buffer;
  if (team) {
    const teamKey = keyring.teams.get(team)?.get(sealed.keyVersion);
    if (!teamKey) return null;
    recordKey = decrypt(teamKey, wrapped, recordKeyBinding(recordId));
  } else {
    recordKey = openSealed(
      keyring.privateKey,
      keyring.publicKey,
      wrapped,
      recordKeyBinding(recordId),
    );
  }
  const plain = decrypt(recordKey, Buffer.from(sealed.box, 'base64'), contentBinding(recordId));
  return JSON.parse(plain.toString('utf8')) as unknown;
}
