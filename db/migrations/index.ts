import { sql as initial } from './0001_initial';
import { sql as outboxWithoutValues } from './0002_outbox_without_values';

/**
 * Ordered migrations. Append only: a migration that has shipped is never edited; a change is
 * a new file with the next version. The position in this list is the version number.
 */
export const MIGRATIONS: readonly { name: string; sql: string }[] = [
  { name: '0001_initial', sql: initial },
  { name: '0002_outbox_without_values', sql: outboxWithoutValues },
];
