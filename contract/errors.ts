/**
 * Error codes are stable: the UI, tests and (later) the server match on the code, never on
 * the message. Messages are written for the person at the desk: what happened, what to do.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CALL',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'SIGN_IN_REQUIRED',
  'WRONG_PASSWORD',
  'TOO_MANY_ATTEMPTS',
  'PICKUP_ACK_REQUIRED',
  'UNAUTHORIZED',
  'KEYS_UNAVAILABLE',
  'DATABASE_TOO_NEW',
  'DATABASE_KEY_MISMATCH',
  'INTERNAL',
  // The district server's: a device whose token was revoked must lock; a code that enrolls
  // a device works once, before it expires.
  'DEVICE_REVOKED',
  'FORBIDDEN',
  'ENROLLMENT_CODE_INVALID',
  // A push stamped more than a day ahead of the server's clock: refused whole.
  'CLOCK_AHEAD',
  // A staff member with no keys on this enrolled computer yet: the district must check them once.
  'DISTRICT_SIGN_IN_NEEDED',
  // The version handshake (contract/sync.ts PROTOCOL_VERSION): which side needs updating.
  'UPDATE_HEARTH',
  'SERVER_TOO_OLD',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

import type { Said, Saying } from './words';

export interface FieldIssue {
  /** Dotted path of the field, e.g. "visitor.phone"; empty for the input as a whole. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  /** In English, for logs and other tools; `said` lets a window word it in its language. */
  message: string;
  said?: Said;
  issues?: FieldIssue[];
  /** Structured extras a screen may need, e.g. the pickup warnings to show. */
  details?: unknown;
}

export class HearthError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;
  readonly details: unknown;
  readonly said: Said | undefined;

  /** What it says is one of contract/words.ts's sentences, so every window can word it. */
  constructor(
    code: ErrorCode,
    saying: Saying,
    extra: { issues?: FieldIssue[]; details?: unknown } = {},
  ) {
    super(saying.text);
    this.name = 'HearthError';
    this.code = code;
    this.said = saying.id ? { id: saying.id, values: saying.values } : undefined;
    this.issues = extra.issues;
    this.details = extra.details;
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (this.said) body.said = this.said;
    if (this.issues) body.issues = this.issues;
    if (this.details !== undefined) body.details = this.details;
    return body;
  }

  /** An error that crossed a boundary; a body from an older peer may carry no `said`. */
  static fromBody(body: ErrorBody): HearthError {
    return new HearthError(
      body.code,
      { id: body.said?.id ?? '', values: body.said?.values, text: body.message },
      { issues: body.issues, details: body.details },
    );
  }
}

/** The envelope every transport carries, so a thrown error never crosses a process boundary raw. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

export function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
