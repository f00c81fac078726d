import { HearthError, type ServerSchool } from '../../contract';
import { refuseIfSetUp } from '../demo/install';
import { derivePassword, setStaffKeys, unlockStaffKeys } from '../privacy/credentials';
import { forgetTeamKeys } from '../privacy/keyring';
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
 * offline: keys only that password opens (db/privacy/credentials.ts). A password changed
 * at the district replaces the old keys, and team keys sealed to them are shared again.
 */
export function rememberSignIn(store: Store, staffId: string, password: string, now: Date): void {
  if (unlockStaffKeys(store, staffId, password)) return;
  setStaffKeys(store, staffId, derivePassword(password), now);
  forgetTeamKeys(store, staffId);
}

/** The district withdrew this device: nobody signs in here again until it is enrolled anew. */
export function markRevoked(store: Store, at: Date): void {
  setMeta(store, SYNC_META.revokedAt, at.toISOString());
}

export function refuseIfRevoked(store: Store): void {
  if (getMeta(store, SYNC_META.revokedAt))
    throw new HearthError(
      'DEVICE_REVOKED',
      'The district withdrew this computer’s access, so Hearth is locked here. Ask district IT.',
    );
}
