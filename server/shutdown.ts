/** How long a stopping server waits for requests in flight and the database before it gives up. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * A graceful stop with a deadline. `stop` stops taking requests, lets those in flight finish
 * and closes the database; a request that never ends (a statement waiting on a lock another
 * instance holds, a client that stopped reading) must not keep a stopping server alive, or a
 * service manager waits out its own timeout and kills it with nothing said in the log. Past
 * `graceMs` the server says so and exits with a failure; a stop that fails does the same.
 */
export async function stopWithin(
  graceMs: number,
  stop: () => Promise<void>,
  outcome: { exit(code: number): void; overdue(): void; failed(error: unknown): void },
): Promise<void> {
  let settled = false;
  /** The first outcome stands: a stop finishing after the deadline changes nothing. */
  const settle = (code: number, say?: () => void) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    say?.();
    outcome.exit(code);
  };
  const timer = setTimeout(() => settle(1, outcome.overdue), graceMs);
  try {
    await stop();
    settle(0);
  } catch (error) {
    settle(1, () => outcome.failed(error));
  }
}
