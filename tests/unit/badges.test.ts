import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BADGE_CODE, badgeCodeFrom, readBadgeCode } from '../../contract';
import { fail, ok, snapshot, tempCore } from '../helpers';

describe('visitor badge codes', () => {
  it('are eight symbols of 40 random bits, read back however they are typed', () => {
    expect(badgeCodeFrom(new Uint8Array([0, 0, 0, 0, 0]))).toBe('0000-0000');
    expect(badgeCodeFrom(new Uint8Array([255, 255, 255, 255, 255]))).toBe('ZZZZ-ZZZZ');
    const codes = new Set(Array.from({ length: 2_000 }, () => badgeCodeFrom(randomBytes(5))));
    expect(codes.size).toBe(2_000);
    for (const code of codes) expect(code).toMatch(BADGE_CODE);
    expect(readBadgeCode(' k7qm 2xpd ')).toBe('K7QM-2XPD');
    expect(readBadgeCode('K7QM-2XPO')).toBe('K7QM-2XP0');
    expect(readBadgeCode('il00-0000')).toBe('1100-0000');
    expect(readBadgeCode('K7QM-2XP')).toBeNull();
    expect(readBadgeCode('K7QM-2XPU')).toBeNull();
  });

  it('sign the visitor out when scanned or typed the same day, and not a day later', () => {
    let now = new Date('2026-12-03T15:00:00Z');
    const core = tempCore({ setup: 'school', now: () => now });
    const signIn = (fullName: string) =>
      ok(core, 'visit.signIn', { visitor: { newVisitor: { fullName } }, purpose: 'meeting' });
    const ana = signIn('Ana Ruiz');
    const ben = signIn('Ben Okoro');
    expect(ana.badgeCode).toMatch(BADGE_CODE);
    expect(ana.badgeCode).not.toBe(ben.badgeCode);

    now = new Date('2026-12-03T16:00:00Z');
    const typed = (ana.badgeCode ?? '').toLowerCase().replace('-', ' ');
    const out = ok(core, 'visit.signOutByCode', { code: typed });
    expect(out).toMatchObject({ id: ana.id, signedOutAt: now.toISOString() });
    expect(fail(core, 'visit.signOutByCode', { code: typed })).toMatchObject({
      code: 'CONFLICT',
      message: `The visitor with badge ${ana.badgeCode}, Ana Ruiz, was already signed out.`,
    });

    // Ben kept his badge overnight: yesterday's code signs no one out, and nothing changes.
    now = new Date('2026-12-04T14:00:00Z');
    const before = snapshot(core);
    expect(fail(core, 'visit.signOutByCode', { code: ben.badgeCode })).toMatchObject({
      code: 'NOT_FOUND',
      message: `No one signed in today has the badge code ${ben.badgeCode}. A badge is good only on the day of its visit.`,
    });
    expect(snapshot(core)).toBe(before);
    expect(fail(core, 'visit.signOutByCode', { code: 'not a code' }).code).toBe('NOT_FOUND');
  });

  it('keeps this computer’s badge choices, off and on a label until an administrator says', () => {
    const core = tempCore({ setup: 'school' });
    expect(ok(core, 'app.status', {}).badges).toEqual({ printAtSignIn: false, layout: 'label' });
    ok(core, 'settings.setBadges', { printAtSignIn: true, layout: 'a4' });
    expect(ok(core, 'app.status', {}).badges).toEqual({ printAtSignIn: true, layout: 'a4' });
  });
});
