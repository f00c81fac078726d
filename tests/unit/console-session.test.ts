import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  CONSOLE_COOKIE,
  CSRF_HEADER,
  checkForgery,
  consoleCookie,
  consoleToken,
  csrfTokenFor,
} from '../../server/auth/console-session';
import { ServerError } from '../../server/errors';

/** The district console's guards against forged requests, on requests as Fastify hands them. */
const TOKEN = 'ha_session-token';

function request(
  method: string,
  headers: Record<string, string> = {},
  cookies: Record<string, string> = {},
): FastifyRequest {
  return { method, headers: { host: 'hearth.example', ...headers }, cookies } as FastifyRequest;
}

const refusal = (fn: () => void) => {
  try {
    fn();
  } catch (error) {
    return error instanceof ServerError ? `${error.status} ${error.code}` : String(error);
  }
  return 'allowed';
};

describe('the console session’s forgery checks', () => {
  it('lets reading through without a token, and a change only with the session’s token', () => {
    const csrf = csrfTokenFor(TOKEN);
    expect(refusal(() => checkForgery(request('GET'), TOKEN))).toBe('allowed');
    expect(refusal(() => checkForgery(request('POST'), TOKEN))).toBe('403 FORBIDDEN');
    expect(refusal(() => checkForgery(request('POST', { [CSRF_HEADER]: csrf }), TOKEN))).toBe(
      'allowed',
    );
    // Another session's token is no use here.
    const other = csrfTokenFor('ha_another');
    expect(refusal(() => checkForgery(request('PATCH', { [CSRF_HEADER]: other }), TOKEN))).toBe(
      '403 FORBIDDEN',
    );
    expect(refusal(() => checkForgery(request('DELETE', { [CSRF_HEADER]: 'short' }), TOKEN))).toBe(
      '403 FORBIDDEN',
    );
  });

  it('refuses a change from another origin even with the token, and an origin it cannot read', () => {
    const csrf = { [CSRF_HEADER]: csrfTokenFor(TOKEN) };
    const from = (origin: string) =>
      refusal(() => checkForgery(request('POST', { ...csrf, origin }), TOKEN));
    expect(from('https://hearth.example')).toBe('allowed');
    expect(from('https://hearth.example.evil.test')).toBe('403 FORBIDDEN');
    expect(from('https://evil.test')).toBe('403 FORBIDDEN');
    expect(from('null')).toBe('403 FORBIDDEN');
  });

  it('reads only an administrator session from the cookie, and sets it out of scripts’ reach', () => {
    expect(consoleToken(request('GET', {}, { [CONSOLE_COOKIE]: TOKEN }))).toBe(TOKEN);
    expect(consoleToken(request('GET', {}, { [CONSOLE_COOKIE]: 'hd_device' }))).toBeNull();
    expect(consoleToken(request('GET'))).toBeNull();
    expect(consoleCookie(new Date(0))).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/',
    });
    expect(CONSOLE_COOKIE.startsWith('__Host-')).toBe(true);
  });
});
