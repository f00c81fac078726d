/** Wrong guesses allowed before waiting starts; then the wait doubles, up to 15 minutes. */
const FREE_ATTEMPTS = 3;
const MAX_WAIT_SECONDS = 15 * 60;

/** Seconds to wait after `failures` wrong passwords in a row. */
export function backoffSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_WAIT_SECONDS, 2 ** (failures - FREE_ATTEMPTS) * 5);
}
