import { z } from 'zod';

const base64 = z.base64().max(200_000);

/**
 * The encrypted content of a restricted record. `key` is the record's own key, wrapped with
 * version `keyVersion` of its team's key, or sealed to the author for a private record;
 * `box` is the content encrypted with the record's key. Safe to store and sync anywhere.
 */
export const sealedSchema = z.object({
  keyVersion: z.int().min(0),
  key: base64,
  box: base64,
});
