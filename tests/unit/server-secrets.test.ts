import { describe, expect, it } from 'vitest';
import {
  hashSecret,
  newEnrollmentCode,
  newToken,
  normalizeEnrollmentCode,
} from '../../server/auth/secrets';

describe('server secrets', () => {
  it('makes enrollment codes people can read aloud, and forgives how they are typed', () => {
    const codes = new Set(Array.from({ length: 200 }, newEnrollmentCode));
    expect(codes.size).toBe(200);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(normalizeEnrollmentCode(code)).toBe(code);
      expect(normalizeEnrollmentCode(` ${code.toLowerCase().replace(/-/g, ' ')} `)).toBe(code);
    }
    // O, I and L are not in the alphabet: typed, they mean 0 and 1.
    expect(normalizeEnrollmentCode('ABOI-L000-1111')).toBe('AB01-1000-1111');
  });

  it('makes tokens that say what they are, and keeps only a hash of them', () => {
    const token = newToken('hd');
    expect(token).toMatch(/^hd_[\w-]{43}$/);
    expect(newToken('hd')).not.toBe(token);
    expect(hashSecret(token)).toEqual(hashSecret(token));
    expect(hashSecret(token).toString('hex')).not.toContain(token);
    expect(hashSecret(token)).toHaveLength(32);
  });
});
