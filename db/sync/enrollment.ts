import { HearthError, type ServerSchool, type StaffKeyRecord, WORDS, say } from '../../contract';
import { refuseIfSetUp } from '../demo/install';
import {
  adoptStaffKeyRecord,
  derivePassword,
  setStaffKeys,
  staffKeyRecordOf,
  unlockStaffKeys,
  type UnlockedStaffKeys,
} from '../privacy/credentials';
import { forgetTeamKeys, resealTeamKeys } from '../privacy/keyring';
import { getMeta, setMeta, type Store } from '../store';
import { SYNC_META } from './meta';

export interface DistrictConnection {
  serverUrl: string;
  /** The device's secret for the server. The database file is encrypted at rest. */
  token: string;
  serverDeviceId: string;
}

/**
 * Make this (never set up) device one of the school's computers: its school, staff and
 * families arrive with the first pull. A device already used on its own is refused; moving
 * its records into a district is not supported (they belong to a school the district does
 * not know).
 */
export function joinDistrict(
  store: Store,
  connection: DistrictConnection,
  school: ServerSchool,
): void {
  refuseIfSetUp(store);
  setMeta(store, 'school_id', school.id);
  setMeta(store, 'setup', 'real');
  setMeta(store, SYNC_META.serverUrl, connection.serverUrl);
  setMeta(store, SYNC_META.token, connection.token);
  setMeta(store, SYNC_META.serverDeviceId, connection.serverDeviceId);
}

export function districtConnection(store: Store): DistrictConnection | null {
  const [serverUrl, token, serverDeviceId] = [
    SYNC_META.serverUrl,
    SYNC_META.token,
    SYNC_META.serverDeviceId,
  ].map((k) => getMeta(store, k));
  return serverUrl && token && serverDeviceId ? { serverUrl, token, serverDeviceId } : null;
}

/**
 * After the server accepted a staff member's password, keep what lets them sign in here
 * offline: keys only that password opens (db/privacy/credentials.ts). They are the same
 * keys on every computer: the district's record when it has one that this password opens
 * (`adopted`; team keys this computer held under its own earlier keys are sealed again to
 * them), else this computer's (new ones if it had none for this password), returned as
 * `upload` for the district to keep.
 */
export function rememberSignIn(
  store: Store,
  staffId: string,
  password: string,
  district: StaffKeyRecord | null,
  now: Date,
): { upload: StaffKeyRecord | null; adopted: UnlockedStaffKeys | null } {
  const local = unlockStaffKeys(store, staffId, password);
  if (district) {
    if (local && local.publicKey.toString('base64') === district.publicKey)
      return { upload: null, adopted: null };
    const adopted = adoptStaffKeyRecord(store, staffId, district, password, now);
    if (adopted) {
      if (local) resealTeamKeys(store, staffId, local, adopted.publicKey, now);
      return { upload: null, adopted };
    }
  }
  if (!local) {
    setStaffKeys(store, staffId, derivePassword(password), now);
    forgetTeamKeys(store, staffId);
  }
  return { upload: staffKeyRecordOf(store, staffId), adopted: null };
}

/** The district withdrew this device: nobody signs in here again until it is enrolled anew. */
export function markRevoked(store: Store, at: Date): void {
  setMeta(store, SYNC_META.revokedAt, at.toISOString());
}

export function refuseIfRevoked(store: Store): void {
  if (getMeta(store, SYNC_META.revokedAt))
    throw new HearthError('DEVICE_REVOKED', say(WORDS.accessWithdrawn));
}
