import { describe, expect, it } from 'vitest';
import { fail, ok, snapshot, tempCore } from '../helpers';

describe('emergency roll call', () => {
  it('lists everyone signed in when it began, marks them accounted for, ends, and is kept in the log', () => {
    let now = new Date('2026-12-03T15:00:00Z');
    const core = tempCore({ setup: 'school', now: () => now });
    const visit = (name: string, seeing: string | null) =>
      ok(core, 'visit.signIn', {
        visitor: { newVisitor: { fullName: name } },
        purpose: 'meeting',
        seeing,
      });
    const ana = visit('Ana Ruiz', 'Ms. Alvarez');
    const ben = visit('Ben Okoro', null);
    const gone = visit('Cy Left', 'Office');
    ok(core, 'visit.signOut', { visitId: gone.id });

    now = new Date('2026-12-03T15:10:00Z');
    const call = ok(core, 'rollCall.start', { kind: 'drill' });
    expect(call.people.map((p) => [p.visitorName, p.seeing, p.accounted])).toEqual([
      ['Ana Ruiz', 'Ms. Alvarez', false],
      ['Ben Okoro', null, false],
    ]);
    // A second press, or a second computer, gets the same roll call.
    expect(ok(core, 'rollCall.start', { kind: 'emergency' }).id).toBe(call.id);
    // Someone signed in after it began is not on its list.
    visit('Dee Late', null);
    expect(ok(core, 'rollCall.current', {})?.people).toHaveLength(2);

    const marked = ok(core, 'rollCall.mark', { id: call.id, visitId: ana.id, accounted: true });
    expect(marked.people.map((p) => p.accounted)).toEqual([true, false]);
    const before = snapshot(core);
    expect(
      fail(core, 'rollCall.mark', { id: call.id, visitId: gone.id, accounted: true }),
    ).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'visitId', message: 'is not on this roll call' }],
    });
    expect(snapshot(core)).toBe(before);
    ok(core, 'rollCall.mark', { id: call.id, visitId: ben.id, accounted: true });
    ok(core, 'rollCall.mark', { id: call.id, visitId: ben.id, accounted: false });

    now = new Date('2026-12-03T15:25:00Z');
    const ended = ok(core, 'rollCall.end', { id: call.id });
    expect(ended.endedAt).toBe(now.toISOString());
    expect(ok(core, 'rollCall.current', {})).toBeNull();
    expect(
      fail(core, 'rollCall.mark', { id: call.id, visitId: ben.id, accounted: true }).code,
    ).toBe('CONFLICT');
    expect(ok(core, 'rollCall.list', {})).toEqual([
      {
        id: call.id,
        kind: 'drill',
        startedAt: '2026-12-03T15:10:00.000Z',
        endedAt: '2026-12-03T15:25:00.000Z',
        startedByName: expect.any(String),
        people: 2,
        accounted: 1,
      },
    ]);
    // A new roll call begins afresh.
    expect(ok(core, 'rollCall.start', { kind: 'emergency' }).id).not.toBe(call.id);
  });
});
