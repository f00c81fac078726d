import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { credentialsInput, WORDS, say, type ConsoleSession } from '../../contract';
import {
  CONSOLE_COOKIE,
  consoleCookie,
  consoleToken,
  checkForgery,
  csrfTokenFor,
} from '../auth/console-session';
import { adminSession, requireAdmin } from '../auth/guards';
import { hashSecret } from '../auth/secrets';
import { SIGN_IN_LIMIT } from '../auth/sign-in';
import type { ServerDb } from '../db';
import { ServerError } from '../errors';
import { parseBody } from '../validate';
import { openAdminSession } from './accounts';

/**
 * The console's pages allow nothing but this origin's own files: no inline script or style,
 * no frames around them, no form sent elsewhere. With no third-party script anywhere, a
 * script injected into a page has nowhere to come from and nowhere to send what it reads.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The district console: its session (a cookie, see auth/console-session.ts) and its built
 * files from `consoleDir` (vite.console.config.ts builds them into dist/console). A server
 * whose console was not built still serves computers; `/console` then says so.
 */
export async function consoleRoutes(
  app: FastifyInstance,
  db: ServerDb,
  consoleDir: string | null,
): Promise<void> {
  app.post(
    '/v1/console/session',
    { config: { rateLimit: SIGN_IN_LIMIT } },
    async (request, reply): Promise<ConsoleSession> => {
      const input = parseBody(credentialsInput, request.body);
      const session = await openAdminSession(db, request, reply, input);
      void reply
        .code(201)
        .setCookie(CONSOLE_COOKIE, session.token, consoleCookie(new Date(session.expiresAt)));
      return {
        staff: session.staff,
        csrfToken: csrfTokenFor(session.token),
        expiresAt: session.expiresAt,
      };
    },
  );

  // Who is signed in: null, not 401, when no one is (the page asks as it opens, and a signed-out
  // browser is the usual case there, not an error).
  app.get('/v1/console/session', async (request, reply) => {
    const token = consoleToken(request);
    const found = token ? await adminSession(db, token) : null;
    const session: ConsoleSession | null =
      found && token
        ? {
            staff: found.staff,
            csrfToken: csrfTokenFor(token),
            expiresAt: found.expiresAt.toISOString(),
          }
        : null;
    return reply.type('application/json').send(JSON.stringify(session));
  });

  // Signing out ends this session; "everywhere" ends every session of this administrator,
  // the console's on other browsers and scripts' bearer tokens alike.
  app.delete('/v1/console/session', async (request, reply) => {
    const token = consoleToken(request);
    if (token) {
      checkForgery(request, token);
      await db.query('DELETE FROM admin_sessions WHERE token_hash = $1', [hashSecret(token)]);
    }
    return reply
      .clearCookie(CONSOLE_COOKIE, consoleCookie(new Date(0)))
      .code(204)
      .send();
  });

  app.post('/v1/console/sign-out-everywhere', async (request, reply) => {
    const staff = await requireAdmin(db, request);
    await db.query('DELETE FROM admin_sessions WHERE staff_id = $1', [staff.id]);
    return reply
      .clearCookie(CONSOLE_COOKIE, consoleCookie(new Date(0)))
      .code(204)
      .send();
  });

  app.addHook('onSend', async (request, reply) => {
    if (!request.url.startsWith('/console')) return;
    void reply
      .header('content-security-policy', CONSOLE_CSP)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      .header('x-frame-options', 'DENY');
  });

  if (!consoleDir || !existsSync(consoleDir)) {
    app.get('/console*', async () => {
      throw new ServerError(404, 'NOT_FOUND', say(WORDS.consoleNotBuilt));
    });
    return;
  }
  app.get('/console', (_request, reply) => reply.redirect('/console/'));
  await app.register(fastifyStatic, {
    root: consoleDir,
    prefix: '/console/',
    index: 'console.html',
    // Hashed file names never change; the page that names them must be asked for each time.
    setHeaders: (res, path) =>
      res.header(
        'cache-control',
        path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      ),
  });
}
