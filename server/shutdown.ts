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
  let done = false;
  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    outcome.overdue();
    outcome.exit(1);
  }, graceMs);
  try {
    await stop();
    if (!done) outcome.exit(0);
  } catch (error) {
    if (!done) {
      outcome.failed(error);
      outcome.exit(1);
    }
  } finally {
    done = true;
    clearTimeout(timer);
  }
}
