import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, sep } from 'node:path';
import type { Core } from '../db/core';
import { CONTENT_TYPES, resolveAsset } from '../electron/security/asset-path';
import { CONTENT_SECURITY_POLICY } from '../electron/security/csp';

/**
 * Browser mode: the same API table over a loopback HTTP connection. Only 127.0.0.1 is bound;
 * every API request must carry the per-launch secret (handed to the page in the URL fragment,
 * which browsers never send to a server) and name this host, so neither another local page
 * (CSRF, DNS rebinding) nor another local process can call the API.
 */
export interface BrowserHost {
  url: string;
  /** The URL to open: `url` plus the secret in the fragment. */
  launchUrl: string;
  port: number;
  close(): Promise<void>;
}

export interface BrowserHostOptions {
  core: Core;
  staticDir: string;
  port?: number;
  secret?: string;
}

const MAX_BODY_BYTES = 1024 * 1024;
const BASE_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': type,
    'cache-control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

/**
 * Read a request body up to MAX_BODY_BYTES. A larger body is drained and dropped (null), so
 * the client still receives the 413. Bodies are read only after the secret was checked.
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

function secretMatches(expected: string, header: string | undefined): boolean {
  const given = /^Bearer (.+)$/.exec(header ?? '')?.[1];
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  let allowedHosts: Set<string> = new Set();

  async function serveStatic(res: ServerResponse, pathname: string) {
    const file = resolveAsset(options.staticDir, pathname);
    if (!file) return send(res, 404, 'Not found', 'text/plain');
    try {
      const body = await readFile(file);
      const immutable = file.includes(`${sep}assets${sep}`);
      send(res, 200, body, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', {
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-store',
      });
    } catch {
      send(res, 404, 'Not found', 'text/plain');
    }
  }

  async function serveCall(req: IncomingMessage, res: ServerResponse) {
    if (!secretMatches(secret, req.headers.authorization)) {
      return sendJson(res, 401, {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'This request is not from the Hearth window.' },
      });
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return sendJson(res, 403, {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'Calls from other sites are refused.' },
      });
    }
    const raw = await readBody(req);
    if (raw === null) {
      return sendJson(res, 413, {
        ok: false,
        error: { code: 'VALIDATION', message: 'That request is too large.' },
      });
    }
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      message = undefined;
    }
    // Valid JSON that is not an object (`null`, a number, a list) is no call either.
    if (typeof message !== 'object' || message === null || Array.isArray(message)) {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'That request could not be read.' },
      });
    }
    sendJson(
      res,
      200,
      options.core.call(
        'name' in message && typeof message.name === 'string' ? message.name : '',
        'input' in message ? message.input : undefined,
      ),
    );
  }

  const server = createServer((req, res) => {
    // DNS rebinding: a hostile page's hostname resolving to 127.0.0.1 still sends its own Host.
    if (!allowedHosts.has(req.headers.host ?? ''))
      return send(res, 421, 'Wrong host', 'text/plain');
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'Use POST', 'text/plain', { allow: 'POST' });
      serveCall(req, res).catch(() =>
        sendJson(res, 500, {
          ok: false,
          error: { code: 'INTERNAL', message: 'Something went wrong.' },
        }),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method not allowed', 'text/plain');
    serveStatic(res, pathname).catch(() => send(res, 500, 'Error', 'text/plain'));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    launchUrl: `${url}#k=${secret}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
