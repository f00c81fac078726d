import { createHash, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { WORDS, say } from '../../contract';
import { ServerError } from '../errors';

/**
 * The district console's session: the same administrator session as a bearer token
 * (`admin_sessions`), carried in a cookie the console's script cannot read.
 *
 * - `__Host-`: only this host sets or receives it, over HTTPS, for the whole site. Browsers
 *   count http://localhost and 127.0.0.1 as secure, so a server on the loopback works too.
 * - SameSite=Strict: another site's page never sends it, not even on a link followed to here.
 * - A request that changes anything also carries the CSRF token in a header, which only a page
 *   of this origin can have read (from `GET /v1/console/session`), and an Origin, when the
 *   browser sends one, of this host. Each of the three would stop a forged request alone.
 */
export const CONSOLE_COOKIE = '__Host-hearth-console';
export const CSRF_HEADER = 'x-hearth-csrf';

export const consoleCookie = (expires: Date): CookieSerializeOptions => ({
  path: '/',
  httpOnly: true,
  secure: true,
  sameSite: 'strict',
  expires,
});

/**
 * The CSRF token of a session: derived from its token, so nothing more is stored and it ends
 * with the session. Knowing it gives nothing without the cookie.
 */
export const csrfTokenFor = (sessionToken: string): string =>
  createHash('sha256').update(`hearth-console-csrf\0${sessionToken}`).digest('base64url');

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session token in the console's cookie, or null when the request carries none. */
export function consoleToken(request: FastifyRequest): string | null {
  const token = request.cookies[CONSOLE_COOKIE];
  return token?.startsWith('ha_') ? token : null;
}

/**
 * A request authenticated by the cookie that changes anything: refused unless it carries the
 * session's CSRF token and, when the browser names one, this host's origin.
 */
export function checkForgery(request: FastifyRequest, sessionToken: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  if (origin !== undefined && !sameHost(origin, request.headers.host))
    throw new ServerError(403, 'FORBIDDEN', say(WORDS.consoleRequestForged));
  const sent = request.headers[CSRF_HEADER];
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(typeof sent === 'string' ? sent : '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new ServerError(403, 'FORBIDDEN', say(WORDS.consoleRequestForged));
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
