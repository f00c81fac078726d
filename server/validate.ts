import { WORDS, say } from '../contract';
import type { z } from 'zod';
import { ServerError } from './errors';

/** A request body checked against its contract schema before anything else reads it. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success)
    throw new ServerError(
      400,
      'VALIDATION',
      say(WORDS.needAnotherLook),
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  return parsed.data;
}
