import { describe, expect, it } from 'vitest';
import {
  MAX_GROUP,
  MAX_GROUP_BYTES,
  nextGroup,
  type PushWrite,
} from '../../server/sync/group-commit';

/** A waiting push whose JSON is about `bytes` long. */
const waiting = (bytes: number, n: number) => ({
  n,
  push: {
    device: 'd',
    pushed: 0,
    last: 1,
    school: 's',
    entries: 'x'.repeat(bytes),
    records: '[]',
    rejections: '[]',
    after: 0,
    audiences: [],
    limit: null,
    state: null,
  } satisfies PushWrite,
});

describe('the next group of waiting pushes', () => {
  it('takes at most MAX_GROUP pushes, in the order they arrived', () => {
    const queue = Array.from({ length: MAX_GROUP + 8 }, (_, n) => waiting(100, n));
    expect(nextGroup(queue).map((w) => w.n)).toEqual([...Array(MAX_GROUP).keys()]);
    expect(nextGroup(queue.slice(MAX_GROUP))).toHaveLength(8);
  });

  it('stops before the group passes MAX_GROUP_BYTES, but always takes one', () => {
    const third = Math.floor(MAX_GROUP_BYTES / 3);
    expect(nextGroup([0, 1, 2, 3].map((n) => waiting(third, n))).map((w) => w.n)).toEqual([0, 1]);
    const huge = [waiting(MAX_GROUP_BYTES + 1, 0), waiting(10, 1)];
    expect(nextGroup(huge).map((w) => w.n)).toEqual([0]);
    expect(nextGroup([])).toEqual([]);
  });
});
