import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { tempCore } from '../helpers';
import { onSchoolDay } from '../../db/demo/school-days';

const CHICAGO = 'America/Chicago';

/** Weekday (0 is Sunday) and minutes after midnight of an instant, where the school is. */
function schoolTime(iso: string, timeZone: string) {
  const local = new TZDate(iso, timeZone);
  return { day: local.getDay(), minute: local.getHours() * 60 + local.getMinutes() };
}

describe('the demo school’s days', () => {
  it('counts school days from today over weekends, at a time of day where the school is', () => {
    // Wednesday 2 December 2026, 9 a.m. in Chicago.
    const wednesday = new Date('2026-12-02T15:00:00Z');
    expect(onSchoolDay(wednesday, CHICAGO, -3, 8 * 60).toISOString()).toBe(
      '2026-11-27T14:00:00.000Z',
    );
    expect(onSchoolDay(wednesday, CHICAGO, 3, 16 * 60).toISOString()).toBe(
      '2026-12-07T22:00:00.000Z',
    );
    // Saturday 5 December, 11 p.m. in Chicago (Sunday in UTC): the day before is Friday.
    const saturdayNight = new Date('2026-12-06T05:00:00Z');
    expect(onSchoolDay(saturdayNight, CHICAGO, -1, 9 * 60).toISOString()).toBe(
      '2026-12-04T15:00:00.000Z',
    );
    expect(onSchoolDay(saturdayNight, CHICAGO, 1, 9 * 60).toISOString()).toBe(
      '2026-12-07T15:00:00.000Z',
    );
    // Across the end of daylight saving time (1 November 2026): still 8 a.m. there.
    expect(onSchoolDay(wednesday, CHICAGO, -25, 8 * 60).toISOString()).toBe(
      '2026-10-28T13:00:00.000Z',
    );
  });

  it.each([
    ['a Monday morning', '2026-12-07T15:00:00Z'],
    ['a Sunday afternoon', '2026-12-06T20:00:00Z'],
  ])(
    'puts every contact, strength, voice item, home visit and due date of the demo on a school day in working hours (set up on %s)',
    (_, when) => {
      const now = new Date(when);
      const core = tempCore({ setup: 'demo', now: () => now });
      const db = core.store.db;
      const { zone } = db.prepare('SELECT time_zone AS zone FROM schools').get() as {
        zone: string;
      };
      const times = [
        ...(db.prepare('SELECT occurred_at AS at FROM contacts').pluck().all() as string[]),
        ...(db.prepare('SELECT recorded_at FROM strengths').pluck().all() as string[]),
        ...(db.prepare('SELECT raised_at FROM voice_items').pluck().all() as string[]),
        ...(db
          .prepare('SELECT heard_at FROM voice_items WHERE heard_at IS NOT NULL')
          .pluck()
          .all() as string[]),
      ];
      const planned = db.prepare('SELECT scheduled_at FROM home_visits').pluck().all() as string[];
      // Each kind is there, so the checks below check something.
      expect(times.length).toBeGreaterThan(150);
      expect(planned).toHaveLength(4);
      for (const at of [...times, ...planned]) {
        const { day, minute } = schoolTime(at, zone);
        expect(day, at).toBeGreaterThanOrEqual(1);
        expect(day, at).toBeLessThanOrEqual(5);
        expect(minute, at).toBeGreaterThanOrEqual(7 * 60 + 30);
        expect(minute, at).toBeLessThanOrEqual(16 * 60 + 30);
      }
      // What happened is behind today; what is planned is ahead of it.
      for (const at of times) expect(Date.parse(at), at).toBeLessThan(now.getTime());
      for (const at of planned) expect(Date.parse(at), at).toBeGreaterThan(now.getTime());
      const dueDays = db.prepare('SELECT due_on FROM follow_ups').pluck().all() as string[];
      expect(dueDays).toHaveLength(3);
      for (const due of dueDays) expect(new Date(`${due}T12:00:00Z`).getUTCDay(), due).not.toBe(0);
      for (const due of dueDays) expect(new Date(`${due}T12:00:00Z`).getUTCDay(), due).not.toBe(6);
    },
  );
});
