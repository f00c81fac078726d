import { z } from 'zod';

export const BACKUP_REASONS = [
  'daily',
  'manual',
  'before-update',
  'before-restore',
  'before-join',
] as const;

/** A backup of this computer's database, as Settings lists it. */
export const backupFileSchema = z.object({
  name: z.string(),
  at: z.string(),
  bytes: z.int(),
  reason: z.enum(BACKUP_REASONS),
});

export const backupListSchema = z.object({
  /** Where the backups are, for an administrator who copies them elsewhere. */
  folder: z.string(),
  backups: z.array(backupFileSchema),
});

export type BackupFile = z.infer<typeof backupFileSchema>;
export type BackupReason = BackupFile['reason'];
