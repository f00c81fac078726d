/**
 * Sync's bookkeeping keys in the `meta` table. Each is written in the transaction whose data
 * it describes (a page with its cursor, an enrollment with its token).
 */
export const SYNC_META = {
  /** The last pulled server seq. */
  cursor: 'sync_cursor',
  /** The audiences of the last page (JSON), to notice when they shrink or grow. */
  audiences: 'sync_audiences',
  lastSyncAt: 'sync_last_at',
  /** The newest remote clock merged into this device's clock (db/clock.ts resumes from it). */
  clockFloor: 'clock_floor',
  serverUrl: 'sync_server_url',
  /** The device's secret for the server. The database file is encrypted at rest. */
  token: 'sync_device_token',
  serverDeviceId: 'sync_server_device_id',
  revokedAt: 'sync_revoked_at',
  /** The school's key version this device last fetched keys at (db/sync/keys.ts). */
  keysSeen: 'sync_keys_seen',
  /** The district log's epoch last seen: another one means a restore (journal.ts). */
  epoch: 'sync_epoch',
  /** The last audit entry (by pk) the district confirmed it holds (audit-upload.ts). */
  auditUploaded: 'sync_audit_uploaded',
} as const;
