import { describe, expect, it } from 'vitest';
import { warmPushCode } from '../../server/sync/warm';

describe("the district server's warm-up of a push's code", () => {
  it('plans its made-up batches as real pushes, inserts and then updates, refusing none', () => {
    // A refusal (or a batch the contract no longer takes, which throws) would mean the
    // warm-up stopped running the code a push runs: the first burst would be slow again.
    // Each batch of 10 comes back whole in its answer's page, as a push's page brings it.
    expect(warmPushCode(1)).toEqual({ refused: 0, paged: 10 });
    expect(warmPushCode(3)).toEqual({ refused: 0, paged: 30 });
  });
});
