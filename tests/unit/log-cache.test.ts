import { describe, expect, it } from 'vitest';
import { LogCache, receives, type JsonPieces, type TailEntry } from '../../server/sync/log-cache';

const SCHOOL = 'school-a';
const EPOCH = 'epoch-1';

/** An entry whose wire text names its seq, `bytes` long at least. */
const entry = (seq: number, audience = 'school', bytes = 0): TailEntry => ({
  seq,
  audience,
  wire: `{"seq":${seq}}`.padEnd(bytes, ' '),
});

/** The seqs of a page's changes, read from the JSON its pieces make when joined. */
const seqsOf = (changes: JsonPieces) =>
  (JSON.parse(Buffer.concat(changes).toString('utf8')) as { seq: number }[]).map(
    (change) => change.seq,
  );

describe('which entries a computer receives', () => {
  it('receives what the whole school shares and what its staff’s audiences hold, nothing else', () => {
    const audiences = new Set(['team:health', 'staff:ana']);
    expect(receives('school', audiences)).toBe(true);
    expect(receives('team:health', audiences)).toBe(true);
    expect(receives('staff:ana', audiences)).toBe(true);
    expect(receives('team:support', audiences)).toBe(false);
    expect(receives('staff:ben', audiences)).toBe(false);
    expect(receives('retired', audiences)).toBe(false);
    expect(receives('team:health', new Set())).toBe(false);
  });
});

describe('the recent log kept per school', () => {
  it('cuts a page of what the computer may receive after its cursor, ending where the window ends', () => {
    const cache = new LogCache();
    expect(cache.tailStart(SCHOOL, EPOCH, 10)).toBe(10);
    cache.extend(SCHOOL, EPOCH, 10, [
      entry(11),
      entry(14, 'team:health'),
      entry(15, 'staff:ben'),
      entry(17),
    ]);
    const page = cache.page(SCHOOL, EPOCH, 11, ['team:health'], 100);
    expect(page && seqsOf(page.changes)).toEqual([14, 17]);
    expect(page).toMatchObject({ count: 2, next: 17, full: false });
    // Entries it may not see are passed over: its cursor still moves to the window's end.
    const passed = cache.page(SCHOOL, EPOCH, 14, [], 100);
    expect(passed && seqsOf(passed.changes)).toEqual([17]);
    const nothing = cache.page(SCHOOL, EPOCH, 17, ['team:health'], 100);
    expect(nothing && seqsOf(nothing.changes)).toEqual([]);
    expect(nothing).toMatchObject({ count: 0, next: 17, full: false });
  });

  it('stops a full page at its last change, which is where the computer reads on', () => {
    const cache = new LogCache();
    cache.tailStart(SCHOOL, EPOCH, 0);
    cache.extend(
      SCHOOL,
      EPOCH,
      0,
      [1, 2, 3, 4, 5].map((seq) => entry(seq)),
    );
    const page = cache.page(SCHOOL, EPOCH, 1, [], 2);
    expect(page && seqsOf(page.changes)).toEqual([2, 3]);
    expect(page).toMatchObject({ next: 3, full: true });
  });

  it('covers only cursors inside its window; a page before or past it is not cut', () => {
    const cache = new LogCache();
    cache.tailStart(SCHOOL, EPOCH, 10);
    cache.extend(SCHOOL, EPOCH, 10, [entry(12), entry(13)]);
    expect(cache.covers(SCHOOL, EPOCH, 9)).toBe(false);
    expect(cache.covers(SCHOOL, EPOCH, 10)).toBe(true);
    expect(cache.covers(SCHOOL, EPOCH, 13)).toBe(true);
    expect(cache.covers(SCHOOL, EPOCH, 14)).toBe(false);
    expect(cache.page(SCHOOL, EPOCH, 9, [], 100)).toBeNull();
    expect(cache.page('school-b', EPOCH, 12, [], 100)).toBeNull();
    expect(cache.stats).toEqual({ cut: 0, missed: 2 });
  });

  it('keeps only reads that join the window: an overlap adds what is new, a gap is ignored', () => {
    const cache = new LogCache();
    cache.tailStart(SCHOOL, EPOCH, 0);
    cache.extend(SCHOOL, EPOCH, 0, [entry(1), entry(2)]);
    // Read after 1 by another request meanwhile: 2 again, then 3.
    cache.extend(SCHOOL, EPOCH, 1, [entry(2), entry(3)]);
    // Read after 5: nothing is known of 4 and 5, so none of it is kept.
    cache.extend(SCHOOL, EPOCH, 5, [entry(6)]);
    const page = cache.page(SCHOOL, EPOCH, 0, [], 100);
    expect(page && seqsOf(page.changes)).toEqual([1, 2, 3]);
    expect(page?.next).toBe(3);
    expect(cache.tailStart(SCHOOL, EPOCH, 2)).toBe(3);
  });

  it('starts again where a computer is when the log moved past the window elsewhere', () => {
    const cache = new LogCache();
    cache.tailStart(SCHOOL, EPOCH, 0);
    cache.extend(SCHOOL, EPOCH, 0, [entry(1), entry(2)]);
    expect(cache.tailStart(SCHOOL, EPOCH, 40)).toBe(40);
    expect(cache.covers(SCHOOL, EPOCH, 2)).toBe(false);
    expect(cache.keptBytes()).toBe(0);
  });

  it('forgets a window of another epoch: after a restore, the log is not what it kept', () => {
    const cache = new LogCache();
    cache.tailStart(SCHOOL, EPOCH, 0);
    cache.extend(SCHOOL, EPOCH, 0, [entry(1), entry(2)]);
    expect(cache.page(SCHOOL, 'epoch-2', 0, [], 100)).toBeNull();
    cache.extend(SCHOOL, 'epoch-2', 0, [entry(1, 'school', 50)]);
    expect(cache.page(SCHOOL, EPOCH, 0, [], 100)).not.toBeNull();
    expect(cache.tailStart(SCHOOL, 'epoch-2', 0)).toBe(0);
    expect(cache.page(SCHOOL, EPOCH, 0, [], 100)).toBeNull();
    expect(cache.covers(SCHOOL, 'epoch-2', 0)).toBe(true);
  });

  it('lets the oldest entries go past its share per school, and no cursor before them is covered', () => {
    const cache = new LogCache({ schoolBytes: 1000, totalBytes: 10_000 });
    cache.tailStart(SCHOOL, EPOCH, 0);
    cache.extend(
      SCHOOL,
      EPOCH,
      0,
      Array.from({ length: 12 }, (_, i) => entry(i + 1, 'school', 100)),
    );
    // 1,200 bytes: down to 750 at most, the oldest first.
    expect(cache.keptBytes()).toBe(700);
    expect(cache.covers(SCHOOL, EPOCH, 4)).toBe(false);
    expect(cache.covers(SCHOOL, EPOCH, 5)).toBe(true);
    const page = cache.page(SCHOOL, EPOCH, 5, [], 100);
    expect(page && seqsOf(page.changes)).toEqual([6, 7, 8, 9, 10, 11, 12]);
  });

  it('counts a wire text by its UTF-8 bytes, as it is kept: a name beyond ASCII takes more than its characters', () => {
    const cache = new LogCache({ schoolBytes: 1000, totalBytes: 10_000 });
    cache.tailStart(SCHOOL, EPOCH, 0);
    const latin = '{"seq":1,"values":{"name":"Familia Núñez"}}';
    const vietnamese = '{"seq":2,"values":{"name":"Gia đình Nguyễn"}}';
    cache.extend(SCHOOL, EPOCH, 0, [
      { seq: 1, audience: 'school', wire: latin },
      { seq: 2, audience: 'school', wire: vietnamese },
    ]);
    expect(cache.keptBytes()).toBe(Buffer.byteLength(latin) + Buffer.byteLength(vietnamese));
    expect(cache.keptBytes()).toBeGreaterThan(latin.length + vietnamese.length);
    // Past the school's share, the oldest go until what is left fits three quarters of it.
    cache.extend(
      SCHOOL,
      EPOCH,
      2,
      Array.from({ length: 4 }, (_, i) => ({
        seq: i + 3,
        audience: 'school',
        wire: `{"seq":${i + 3},"values":{"name":"${'Trần'.repeat(60)}"}}`,
      })),
    );
    expect(cache.keptBytes()).toBeLessThanOrEqual(750);
    expect(cache.covers(SCHOOL, EPOCH, 2)).toBe(false);
  });

  it('holds the memory it counts: a read’s entries in a block of their own, not in a pool shared with other buffers', () => {
    const cache = new LogCache();
    cache.tailStart(SCHOOL, EPOCH, 0);
    cache.extend(SCHOOL, EPOCH, 0, [entry(1), entry(2), entry(3)]);
    const page = cache.page(SCHOOL, EPOCH, 0, [], 100);
    const wires = (page?.changes ?? []).filter((piece) => piece.length > 1);
    expect(wires.map((wire) => wire.toString('utf8'))).toEqual([1, 2, 3].map((n) => entry(n).wire));
    const blocks = new Set(wires.map((wire) => wire.buffer));
    expect(blocks.size).toBe(1);
    expect([...blocks][0]?.byteLength).toBe(cache.keptBytes());
  });

  it('lets the school used longest ago go when all schools together pass the limit', () => {
    const cache = new LogCache({ schoolBytes: 1000, totalBytes: 1500 });
    for (const school of ['a', 'b']) {
      cache.tailStart(school, EPOCH, 0);
      cache.extend(school, EPOCH, 0, [entry(1, 'school', 600)]);
    }
    // A page of a is cut: b is now the one used longest ago.
    expect(cache.page('a', EPOCH, 0, [], 10)).not.toBeNull();
    cache.tailStart('c', EPOCH, 0);
    cache.extend('c', EPOCH, 0, [entry(1, 'school', 600)]);
    expect(cache.keptBytes()).toBe(1200);
    expect(cache.covers('b', EPOCH, 0)).toBe(false);
    expect(cache.covers('a', EPOCH, 0)).toBe(true);
    expect(cache.covers('c', EPOCH, 0)).toBe(true);
  });
});
