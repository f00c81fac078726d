import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD } from '../fixtures';
import { fail, ok, tempCore } from '../helpers';

/** The lock the core owns (db/idle-lock.ts): it needs no window to be open to hold. */
describe('the idle lock', () => {
  function school() {
    let elapsed = 0;
    const core = tempCore({ setup: 'school', elapsedMs: () => elapsed });
    const wait = (minutes: number) => {
      elapsed += minutes * 60_000;
    };
    return { core, wait };
  }

  it('locks after the idle time with no call, whatever the window does', () => {
    const { core, wait } = school();
    const admin = ok(core, 'app.status', {}).staff;
    wait(4);
    expect(ok(core, 'staff.list', {}).length).toBeGreaterThan(0);
    wait(4);
    ok(core, 'staff.list', {});
    // The default is five minutes: a call after that finds Hearth locked.
    wait(5.1);
    expect(fail(core, 'note.recent', { visibility: 'team:admin' }).code).toBe('SIGN_IN_REQUIRED');
    expect(ok(core, 'app.status', {}).staff).toBeNull();
    ok(core, 'session.signIn', { staffId: admin?.id as string, password: TEST_PASSWORD });
    expect(ok(core, 'app.status', {}).staff?.id).toBe(admin?.id);
  });

  it('waits as long as the school chose, from 1 to 30 minutes', () => {
    const { core, wait } = school();
    for (const minutes of [0, 31, 2.5])
      expect(fail(core, 'settings.setIdleLock', { minutes }).issues?.[0]?.path).toBe('minutes');
    expect(ok(core, 'settings.setIdleLock', { minutes: 30 }).idleLockMinutes).toBe(30);
    wait(29);
    expect(ok(core, 'app.status', {}).staff).not.toBeNull();
    wait(30.5);
    expect(ok(core, 'app.status', {}).staff).toBeNull();
    expect(ok(core, 'app.status', {}).idleLockMinutes).toBe(30);
  });

  it('is set by administrators only', () => {
    const { core } = school();
    const nurse = ok(core, 'staff.create', {
      displayName: 'Nia Nurse',
      role: 'nurse',
      password: 'nurse password here',
    });
    ok(core, 'session.signIn', { staffId: nurse.id, password: 'nurse password here' });
    expect(fail(core, 'settings.setIdleLock', { minutes: 10 }).code).toBe('UNAUTHORIZED');
    expect(ok(core, 'app.status', {}).idleLockMinutes).toBe(5);
  });
});
