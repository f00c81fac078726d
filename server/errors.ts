import type { ErrorCode, FieldIssue } from '../contract';

/** A refusal the client should see as it is: an HTTP status and a stable ErrorBody. */
export class ServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
  }
}

export const forbidden = (message = 'This account may not do that.') =>
  new ServerError(403, 'FORBIDDEN', message);
