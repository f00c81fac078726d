import { describe, expect, it } from 'vitest';
import { warmPushCode } from '../../server/sync/warm';

describe("the district server's warm-up of a push's code", () => {
  it('plans its made-up batches as real pushes, inserts and then updates, refusing none', () => {
    // A refusal (or a batch the contract no longer takes, which throws) would mean the
    // warm-up stopped running the code a push runs: the first burst would be slow again.
    expect(warmPushCode(1)).toBe(0);
    expect(warmPushCode(3)).toBe(0);
  });
});
