import type {
  ComputerState,
  KeyBundle,
  PullPage,
  PushChange,
  PushResult,
  ServerSchool,
  StaffKeyRecord,
  TeamKeyShare,
  UploadedAuditEntry,
} from '../../contract';
import type { LocalClock } from '../clock';
import type { UnlockedStaffKeys } from '../privacy/credentials';
import { getMeta, setMeta, type Store } from '../store';
import type { Writer } from '../write';
import { acknowledge, applyPage, type PageEffect } from './apply';
import {
  districtConnection,
  joinDistrict,
  markRevoked,
  rememberSignIn,
  type DistrictConnection,
} from './enrollment';
import { auditToUpload, auditUploaded } from './audit-upload';
import { applyKeyBundle, sharesToUpload } from './keys';
import { SYNC_META } from './meta';
import { openConflictCount } from './listed';
import { nextBatch, pendingCount } from './outbox';
import { restampAhead } from './restamp';

/**
 * The core's side of sync, for the sync client (client.ts), which does the talking. Every
 * method is synchronous on the core's one connection, so it never interleaves with an API
 * call; each write runs in its own transaction.
 */
export interface SyncPort {
  /** Stamp again pending changes made while the clock was more than a day ahead (restamp.ts). */
  restampAhead(): number;
  nextBatch(limit: number): PushChange[];
  /** Returns true when the answer says the district was restored (db/sync/journal.ts). */
  acknowledge(batch: PushChange[], result: PushResult): boolean;
  applyPage(page: PullPage): { effect: PageEffect; unreadable: number };
  cursor(): number;
  pending(): number;
  /** This computer's version and what waits on it, told to the district with each sync. */
  computerState(): ComputerState;
  join(connection: DistrictConnection, school: ServerSchool): void;
  connection(): DistrictConnection | null;
  /**
   * Keep the keys of someone the district just signed in (enrollment.ts); returns this
   * computer's key record when the district should keep it.
   */
  rememberSignIn(
    staffId: string,
    password: string,
    district: StaffKeyRecord | null,
  ): StaffKeyRecord | null;
  sharesToUpload(): TeamKeyShare[];
  /** `version`: the school's key version the bundle is at least as new as. */
  applyKeys(bundle: KeyBundle, sent: TeamKeyShare[], version?: number): void;
  keysSeen(): number;
  /** Audit entries the district does not have yet, and the position to confirm with them. */
  auditToUpload(limit: number): { entries: UploadedAuditEntry[]; through: number };
  auditUploaded(through: number): void;
  /** The server says this device was revoked: lock it and refuse every sign-in. */
  revoked(): void;
}

export function syncPort(deps: {
  store: Store;
  appVersion: string;
  writer: Writer;
  clock: LocalClock;
  now: () => Date;
  wrote: () => void;
  lock: () => void;
  /** New keys arrived: the signed-in member's keyring takes them (and shares them on). */
  keysChanged: () => void;
  /** A person now uses their district keys here: a session of theirs switches to them. */
  rekeyed: (staffId: string, keys: UnlockedStaffKeys) => void;
}): SyncPort {
  const { store } = deps;
  const write = <T>(work: () => T): T => {
    const result = store.db.transaction(work).immediate();
    deps.wrote();
    return result;
  };
  return {
    restampAhead: () => {
      const stamped = store.db
        .transaction(() => restampAhead(store, deps.clock, deps.now().getTime()))
        .immediate();
      if (stamped > 0) deps.wrote();
      return stamped;
    },
    nextBatch: (limit) => store.db.transaction(() => nextBatch(store, limit)).deferred(),
    acknowledge: (batch, result) => write(() => acknowledge(deps, batch, result)),
    applyPage: (page) => write(() => applyPage(deps, page)),
    cursor: () => Number(getMeta(store, SYNC_META.cursor) ?? 0),
    pending: () => pendingCount(store),
    computerState: () => ({
      appVersion: deps.appVersion,
      changesWaiting: pendingCount(store),
      conflictsWaiting: openConflictCount(store),
    }),
    join: (connection, school) => write(() => joinDistrict(store, connection, school)),
    connection: () => districtConnection(store),
    revoked: () => {
      write(() => markRevoked(store, deps.now()));
      deps.lock();
    },
    rememberSignIn: (staffId, password, district) => {
      const { upload, adopted } = write(() =>
        rememberSignIn(store, staffId, password, district, deps.now()),
      );
      if (adopted) deps.rekeyed(staffId, adopted);
      return upload;
    },
    sharesToUpload: () => store.db.transaction(() => sharesToUpload(store)).deferred(),
    applyKeys: (bundle, sent, version) => {
      const learned = write(() => {
        if (version !== undefined) setMeta(store, SYNC_META.keysSeen, String(version));
        return applyKeyBundle(store, bundle, sent, deps.now());
      });
      if (learned) deps.keysChanged();
    },
    keysSeen: () => Number(getMeta(store, SYNC_META.keysSeen) ?? -1),
    auditToUpload: (limit) => store.db.transaction(() => auditToUpload(store, limit)).deferred(),
    auditUploaded: (through) =>
      store.db.transaction(() => auditUploaded(store, through)).immediate(),
  };
}
