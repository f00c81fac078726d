import { describe, expect, it } from 'vitest';
import { stopWithin } from '../../server/shutdown';

/** What a stop said and how it exited. */
function watch() {
  const said: string[] = [];
  const exits: number[] = [];
  return {
    said,
    exits,
    outcome: {
      exit: (code: number) => exits.push(code),
      overdue: () => said.push('overdue'),
      failed: (error: unknown) => said.push(`failed: ${String(error)}`),
    },
  };
}

const after = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

describe('a stopping server', () => {
  it('exits cleanly once its requests and database are done', async () => {
    const w = watch();
    await stopWithin(1000, () => after(5), w.outcome);
    await after(20);
    expect(w.exits).toEqual([0]);
    expect(w.said).toEqual([]);
  });

  it('gives up past its deadline, saying so, when a request never ends', async () => {
    const w = watch();
    void stopWithin(20, () => new Promise<void>(() => undefined), w.outcome);
    await after(60);
    expect(w.said).toEqual(['overdue']);
    expect(w.exits).toEqual([1]);
  });

  it('exits once, with a failure, when the stop finishes after the deadline', async () => {
    const w = watch();
    await stopWithin(10, () => after(40), w.outcome);
    expect(w.exits).toEqual([1]);
    expect(w.said).toEqual(['overdue']);
  });

  it('says why and exits with a failure when closing fails', async () => {
    const w = watch();
    await stopWithin(1000, () => Promise.reject(new Error('the pool would not end')), w.outcome);
    expect(w.exits).toEqual([1]);
    expect(w.said).toEqual(['failed: Error: the pool would not end']);
  });
});
