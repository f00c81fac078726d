import type { ErrorCode, FieldIssue, Saying } from '../contract';
import { WORDS, say } from '../contract';

/** A refusal the client should see as it is: an HTTP status and a stable ErrorBody. */
export class ServerError extends Error {
  readonly said: Saying;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    saying: Saying,
    readonly issues?: FieldIssue[],
  ) {
    super(saying.text);
    this.said = saying;
  }
}

export const forbidden = (saying = say(WORDS.accountMayNot)) =>
  new ServerError(403, 'FORBIDDEN', saying);
