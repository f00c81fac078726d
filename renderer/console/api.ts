import type { z } from 'zod';
import { HearthError, isErrorBody } from '../../contract/errors';
import { WORDS, say } from '../../contract/words';

/**
 * The district console's client for the server's admin routes. The session is an HttpOnly
 * cookie the browser sends by itself; a request that changes anything also carries the
 * session's CSRF token, which the server gave this page when it signed in or reloaded.
 * Every answer is checked against its contract schema, as the server checks every body.
 */
let csrfToken: string | null = null;

export function keepCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Called when any answer says the session is over, so the console shows sign-in again. */
let onSessionEnded: () => void = () => undefined;
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

/**
 * One request to the server: its answer when it succeeded, else a HearthError. A body is JSON,
 * or a file, sent as it is (the only file the console sends is a roster zip).
 */
async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const file = body instanceof Blob ? body : null;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = file ? 'application/zip' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-hearth-csrf'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
  } catch {
    throw new HearthError('INTERNAL', say(WORDS.serverUnreachable));
  }
  if (response.ok) return response;
  const answer: unknown = await response.json().catch(() => null);
  if (response.status === 401) onSessionEnded();
  throw isErrorBody(answer)
    ? HearthError.fromBody(answer)
    : new HearthError('INTERNAL', say(WORDS.serverAnswered, { status: response.status }));
}

/** A request whose answer is JSON, checked against `schema`. */
export async function request<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<z.output<S>> {
  const response = await send(method, path, body);
  const answer: unknown =
    response.status === 204 ? undefined : await response.json().catch(() => null);
  const parsed = schema.safeParse(answer);
  if (!parsed.success)
    throw new HearthError('INTERNAL', say(WORDS.serverAnswered, { status: response.status }));
  return parsed.data;
}

/** A file the server makes (a CSV), as text. */
export async function requestText(path: string): Promise<string> {
  return (await send('GET', path)).text();
}
