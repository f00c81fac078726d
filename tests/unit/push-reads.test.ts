import { describe, expect, it } from 'vitest';
import { MAX_READ_CHANGES, nextReads } from '../../server/sync/push-reads';

/** A waiting read of a batch of `changes` changes. */
const waiting = (changes: number, n: number) => ({
  n,
  read: {
    hash: 'ab',
    tables: [],
    ids: [],
    seqs: Array.from({ length: changes }, (_, i) => i + 1),
  },
});

describe("the next statement of waiting pushes' reads", () => {
  it('takes the reads in the order they arrived, for up to MAX_READ_CHANGES changes', () => {
    const quarter = MAX_READ_CHANGES / 4;
    const queue = [0, 1, 2, 3, 4, 5].map((n) => waiting(quarter, n));
    expect(nextReads(queue).map((w) => w.n)).toEqual([0, 1, 2, 3]);
    expect(nextReads(queue.slice(4)).map((w) => w.n)).toEqual([4, 5]);
    // A morning's burst of batches of ten goes in one statement.
    expect(nextReads(Array.from({ length: 200 }, (_, n) => waiting(10, n)))).toHaveLength(200);
  });

  it('always takes one read, however large its batch', () => {
    const huge = [waiting(MAX_READ_CHANGES + 1, 0), waiting(1, 1)];
    expect(nextReads(huge).map((w) => w.n)).toEqual([0]);
    expect(nextReads([])).toEqual([]);
  });
});
