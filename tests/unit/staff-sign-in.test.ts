import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { API, CALL_NAMES, DEMO_PASSWORD } from '../../contract';
import { openCore } from '../../db/core';
import { backoffSeconds } from '../../db/privacy/throttle';
import { TEST_PASSWORD, TEST_SCHOOL } from '../fixtures';
import { fail, ok, snapshot, tempCore, tempDir } from '../helpers';

const PASSWORD = TEST_PASSWORD;

function school(now: () => Date = () => new Date()) {
  const file = join(tempDir(), 'hearth.sqlite');
  const key = randomBytes(32);
  const core = openCore({ file, key, now, checkOutputs: true });
  const status = ok(core, 'setup.school', { ...TEST_SCHOOL, staffName: 'Ada Admin' });
  return { core, file, key, admin: status.staff };
}

describe('staff sign-in', () => {
  it('makes the first staff member an administrator, signed in, storing only argon2id-derived key material', () => {
    const { core, admin } = school();
    expect(admin).toMatchObject({
      displayName: 'Ada Admin',
      role: 'administrator',
      teams: ['admin'],
    });
    const row = core.store.db.prepare('SELECT * FROM staff_keys').get() as Record<string, unknown>;
    expect(JSON.parse(row.kdf as string)).toMatchObject({
      algorithm: 'argon2id',
      memoryCost: 65_536,
      timeCost: 3,
    });
    expect((row.verifier as Buffer).length).toBe(32);
    expect((row.public_key as Buffer).length).toBe(32);
    expect(JSON.stringify(row)).not.toContain(PASSWORD);
    expect(
      Buffer.concat([row.verifier as Buffer, row.sealed_private_key as Buffer]).includes(PASSWORD),
    ).toBe(false);
    core.close();
  });

  it('asks everyone to sign in after a restart, and refuses every staff call until then, writing nothing', () => {
    const { core, file, key } = school();
    core.close();
    const reopened = openCore({ file, key });
    expect(ok(reopened, 'app.status', {}).staff).toBeNull();
    const guarded = CALL_NAMES.filter((name) => API[name].access !== 'anyone');
    expect(guarded.length).toBeGreaterThan(10);
    // Nothing may change, so every call is held to one snapshot: the first that wrote is named.
    const before = snapshot(reopened);
    for (const name of guarded) {
      expect(fail(reopened, name, {}).code, name).toBe('SIGN_IN_REQUIRED');
      expect(snapshot(reopened), name).toBe(before);
    }
    const [admin] = ok(reopened, 'staff.list', {});
    const status = ok(reopened, 'session.signIn', {
      staffId: admin?.id as string,
      password: PASSWORD,
    });
    expect(status.staff?.id).toBe(admin?.id);
    expect(ok(reopened, 'visit.inBuilding', {})).toEqual([]);
    reopened.close();
    // Every guarded call with a whole-database snapshot after it: about a second alone here,
    // several on a CI machine running the other test files beside it.
  }, 20_000);

  it('locks: nothing about families until someone signs in again, with a quick switch list', () => {
    const { core, admin } = school();
    ok(core, 'person.create', { firstName: 'Ana', kind: 'caregiver' });
    const locked = ok(core, 'session.lock', {});
    expect(locked.staff).toBeNull();
    expect(locked.recentStaffIds).toEqual([admin?.id]);
    expect(fail(core, 'search.people', { text: 'ana' }).code).toBe('SIGN_IN_REQUIRED');
    core.close();
  });

  it('keeps the language each member chooses with them, across sign-ins, to sync like their record', () => {
    const { core, admin } = school();
    const front = ok(core, 'staff.create', {
      displayName: 'Rosa Front',
      role: 'front_office',
      password: 'front password',
    });
    ok(core, 'session.signIn', { staffId: front.id, password: 'front password' });
    expect(ok(core, 'session.setLanguage', { language: 'es' }).staff?.language).toBe('es');
    expect(fail(core, 'session.setLanguage', { language: 'Spanish!' }).code).toBe('VALIDATION');
    ok(core, 'session.lock', {});
    expect(fail(core, 'session.setLanguage', { language: 'en' }).code).toBe('SIGN_IN_REQUIRED');
    const back = ok(core, 'session.signIn', { staffId: front.id, password: 'front password' });
    expect(back.staff?.language).toBe('es');
    const other = ok(core, 'session.signIn', { staffId: admin?.id ?? '', password: TEST_PASSWORD });
    expect(other.staff?.language ?? null).toBeNull();
    expect(
      core.store.db
        .prepare("SELECT fields FROM change_log WHERE tbl = 'staff' AND row_id = ?")
        .all(front.id),
    ).toContainEqual({ fields: '["language"]' });
    core.close();
  });

  it('throttles wrong passwords with a growing wait that a right password cannot skip, across restarts', () => {
    let now = new Date('2026-11-23T15:00:00Z');
    const { core, file, key, admin } = school(() => now);
    ok(core, 'session.lock', {});
    const staffId = admin?.id as string;
    const attempt = (password: string) => core.call('session.signIn', { staffId, password });
    for (let i = 0; i < 2; i++) {
      const wrong = fail(core, 'session.signIn', { staffId, password: 'nope' });
      expect(wrong.code).toBe('WRONG_PASSWORD');
      expect(wrong.details).toEqual({ retryAt: null });
    }
    const third = fail(core, 'session.signIn', { staffId, password: 'nope' });
    expect(third.code).toBe('WRONG_PASSWORD');
    expect(third.message).toMatch(/Wait 5 seconds/);
    const blocked = attempt(PASSWORD);
    expect(!blocked.ok && blocked.error.code).toBe('TOO_MANY_ATTEMPTS');
    core.close();

    const reopened = openCore({ file, key, now: () => now });
    expect(fail(reopened, 'session.signIn', { staffId, password: PASSWORD }).code).toBe(
      'TOO_MANY_ATTEMPTS',
    );
    now = new Date(now.getTime() + 6_000);
    expect(fail(reopened, 'session.signIn', { staffId, password: 'nope' }).message).toMatch(
      /Wait 10 seconds/,
    );
    now = new Date(now.getTime() + 11_000);
    expect(ok(reopened, 'session.signIn', { staffId, password: PASSWORD }).staff?.id).toBe(staffId);
    // A right password clears the count.
    expect(reopened.store.db.prepare('SELECT * FROM sign_in_throttle').all()).toEqual([]);
    reopened.close();
  });

  it('doubles the wait after the free attempts, capped at 15 minutes', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map(backoffSeconds)).toEqual([0, 0, 0, 5, 10, 20, 40]);
    expect(backoffSeconds(40)).toBe(900);
  });

  it('lets only an administrator add staff, and the new member signs in with their password', () => {
    const { core, admin } = school();
    const nurse = ok(core, 'staff.create', {
      displayName: 'Nia Nurse',
      role: 'nurse',
      teams: ['health'],
      password: 'nurse password',
    });
    const front = ok(core, 'staff.create', {
      displayName: 'Pat Front',
      role: 'front_office',
      password: 'front password',
    });
    expect(front.teams).toEqual([]);
    expect(
      fail(core, 'staff.create', { displayName: 'X', role: 'teacher', password: 'short' }).issues,
    ).toEqual([{ path: 'password', message: 'must be at least 8 characters' }]);
    ok(core, 'session.signIn', { staffId: front.id, password: 'front password' });
    const before = snapshot(core);
    expect(
      fail(core, 'staff.create', {
        displayName: 'Sneaky',
        role: 'administrator',
        password: 'sneaky password',
      }).code,
    ).toBe('UNAUTHORIZED');
    expect(snapshot(core)).toBe(before);
    const status = ok(core, 'session.signIn', { staffId: nurse.id, password: 'nurse password' });
    expect(status.recentStaffIds).toEqual([nurse.id, front.id, admin?.id]);
    core.close();
  });

  it('gives demo staff the demo password, and signs no one in', () => {
    const core = tempCore();
    const status = ok(core, 'setup.demo', {});
    expect(status.staff).toBeNull();
    const staff = ok(core, 'staff.list', {});
    const nurse = staff.find((s) => s.role === 'nurse');
    expect(nurse?.teams).toEqual(['health']);
    ok(core, 'session.signIn', { staffId: nurse?.id as string, password: DEMO_PASSWORD });
  });
});
