/**
 * The Node.js flags the district server runs with, wherever it is started: `npm run server`
 * (package.json), the container (deploy/Dockerfile), the systemd unit
 * (deploy/hearth-server.service) and the tests' server process (tests/district-process.ts).
 * tests/unit/node-flags.test.ts holds those to this list.
 *
 * `--max-semi-space-size=64`: V8's young generation grows to 2 × 64 MiB instead of its
 * default 2 × 16. A district's computers sync in bursts (every computer at 8 a.m.), and the
 * hundreds of requests in flight at once keep their batches, plans and pages alive across
 * the young generation's collections: with the default size each collection copies them and
 * promotes many to the old generation, to be collected again there. Measured on the sync
 * benchmark's 200-computer bursts (tests/bench/sync.ts): the profiler's garbage-collection
 * time fell by 60% and the server's CPU per sync by 15–30%, for 40–75 MB more resident
 * memory; 32 MiB did not help.
 * `--min-semi-space-size=64`: and starts at that size, instead of growing to it during the
 * first burst after a start (while small it collects more often, so more of that burst's
 * requests are copied and promoted). The first burst's server CPU per sync was 1.90–2.05 ms
 * with it against 2.20–3.00 without (five interleaved pairs), for a little more resident
 * memory after the bursts (320–325 MB against 286–319).
 * Tried and left out: `--initial-old-space-size=128`, with which V8 skips full collections
 * below 128 MiB of old generation. A burst of 200 syncs sets off a full collection every
 * fifth of a second without it (V8 marks once the room under the old generation's limit is
 * no more than the young generation, and that limit leaves some ten megabytes of room with
 * 64 MiB young), one in five bursts with it; but six interleaved pairs of the sync benchmark
 * put the p95 of a burst higher with it in five (308 ms against 275 at the mean): the full
 * collections had been emptying the young generation, whose own collections then became
 * 11–35 ms pauses mid-burst.
 * These flags must be on the command line (or in NODE_OPTIONS): V8 sizes the heap when the
 * process starts, so setting them from inside the server changes nothing.
 *
 * `--enable-source-maps`: stack traces in the logs name the TypeScript source.
 */
const SEMI_SPACE_MB = 64;

export const SERVER_NODE_FLAGS = [
  `--max-semi-space-size=${SEMI_SPACE_MB}`,
  `--min-semi-space-size=${SEMI_SPACE_MB}`,
  '--enable-source-maps',
] as const;

const SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size(?:=(\d+))?$/;

/** The young generation's size the flags give, in MiB, the last one given counting; or null. */
function semiSpaceOf(flags: readonly string[]): number | null {
  let size: number | null = null;
  for (const [index, flag] of flags.entries()) {
    const match = SEMI_SPACE_FLAG.exec(flag);
    if (match) size = Number(match[1] ?? flags[index + 1]);
  }
  return size;
}

/**
 * A warning for the log when this process was started with a smaller young generation than
 * SERVER_NODE_FLAGS ask for (an operator's own service file, say); null when it was not.
 * Node takes the flag from NODE_OPTIONS or its command line (`execArgv`), which wins.
 */
export function youngGenerationWarning(
  execArgv: readonly string[],
  nodeOptions = '',
): string | null {
  const size = semiSpaceOf([...nodeOptions.split(/\s+/), ...execArgv]);
  if (size !== null && size >= SEMI_SPACE_MB) return null;
  return `Started without --max-semi-space-size=${SEMI_SPACE_MB} (node ${SERVER_NODE_FLAGS.join(' ')} dist-server/main.mjs): each sync costs the server about a fifth more CPU when many computers sync at once.`;
}
