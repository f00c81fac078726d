import { useCallback, useEffect, useRef, useState } from 'react';
import { z } from 'zod';
import { errorMessage } from '../i18n/said';
import { downloadCsv } from '../ui/download';
import { request, requestText } from './api';

const PAGE = 100;

/** Filters as a query string (empty ones left out), with anything more. */
function queryOf(filters: Record<string, string>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra }))
    if (value) params.set(key, value);
  return params.toString();
}

/**
 * A list the server pages newest first (`path`, with `before` and `limit`), and its CSV twin
 * (`path` + ".csv"), under the same filters. Each change of the filters starts again from the
 * newest item. Answers may arrive in any order: a page asked for under filters that have
 * changed since (or before the list started again) is dropped, so the list shown always
 * matches the filters shown.
 */
export function usePagedList<S extends z.ZodType<{ id: string }>>(
  path: string,
  item: S,
  filters: Record<string, string>,
  fileName: string,
) {
  const [items, setItems] = useState<z.output<S>[] | null>(null);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Which start of the list is shown: each first page begins a new one. */
  const started = useRef(0);

  const load = useCallback(
    (before: string | null) => {
      const start = before ? started.current : ++started.current;
      const current = () => start === started.current;
      const query = queryOf(filters, { limit: String(PAGE), ...(before ? { before } : {}) });
      request('GET', `${path}?${query}`, z.array(item)).then(
        (page) => {
          if (!current()) return;
          setError(null);
          setItems((shown) => (before ? [...(shown ?? []), ...page] : page));
          setMore(page.length === PAGE);
        },
        (e: unknown) => {
          if (current()) setError(errorMessage(e));
        },
      );
    },
    [path, item, filters],
  );
  useEffect(() => load(null), [load]);

  return {
    items,
    error,
    /** The next page, when the last one was full. */
    loadOlder: more && items ? () => load(items.at(-1)?.id ?? null) : null,
    download: () =>
      requestText(`${path}.csv?${queryOf(filters)}`).then(
        (csv) => downloadCsv(csv, fileName),
        (e: unknown) => setError(errorMessage(e)),
      ),
  };
}
