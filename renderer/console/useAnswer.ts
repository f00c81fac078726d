import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { errorMessage } from '../i18n/said';
import { request } from './api';

/**
 * The server's answer to a GET of `path`, checked against `schema` (a module constant: a new
 * schema asks again); a null path asks nothing. It is asked when the path changes, and again
 * by `reload`, which settles once its answer is shown. Answers to superseded asks are dropped,
 * so a slow earlier answer never replaces a later one, and an answer for another path (the
 * school chosen before) is never shown for this one; as useCall does for the school's app.
 * When asking again fails, the last answer stays, with the error.
 */
export function useAnswer<S extends z.ZodType>(path: string | null, schema: S) {
  const [answer, setAnswer] = useState<{
    path: string;
    data: z.output<S> | null;
    error: string | null;
  } | null>(null);
  const latest = useRef(0);
  const reload = useCallback(async () => {
    const ask = ++latest.current;
    if (path === null) return;
    await request('GET', path, schema).then(
      (data) => {
        if (ask === latest.current) setAnswer({ path, data, error: null });
      },
      (e: unknown) => {
        if (ask === latest.current)
          setAnswer((shown) => ({
            path,
            data: shown?.path === path ? shown.data : null,
            error: errorMessage(e),
          }));
      },
    );
  }, [path, schema]);
  useEffect(() => void reload(), [reload]);
  const current = answer?.path === path ? answer : null;
  return { data: current?.data ?? null, error: current?.error ?? null, reload };
}
