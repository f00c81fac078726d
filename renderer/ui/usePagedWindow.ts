import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api/client';

/** Rows drawn beyond the visible ones, so fast scrolling never shows a gap. */
const OVERSCAN = 6;

/** A page of rows and the cursor of the next page (null at the end); may carry more. */
interface Page {
  items: unknown[];
  next: object | null;
}

interface Loaded<P extends Page> {
  items: P['items'];
  next: P['next'];
  query: string;
  error: string | null;
  /** The first page as it came, for what it carries besides rows. */
  head: P | null;
}

/**
 * A long list drawn as a window: only the rows in view are in the page, and the next page
 * loads as the list nears the end of what is loaded. Rows have one fixed height. `query`
 * names everything the list depends on; when it changes the list starts again from the top
 * and answers to the older query are dropped. `fetchPage` must change exactly when `query`
 * does (a useCallback over the same values).
 */
export function usePagedWindow<P extends Page>(options: {
  query: string;
  fetchPage: (after: P['next']) => Promise<P>;
  rowHeight: number;
  viewHeight: number;
}) {
  const { query, fetchPage, rowHeight, viewHeight } = options;
  const [data, setData] = useState<Loaded<P>>({
    query: '',
    items: [],
    next: null,
    error: null,
    head: null,
  });
  const [scroll, setScroll] = useState({ query, top: 0 });
  const fetching = useRef<P['next']>(null);

  useEffect(() => {
    let live = true;
    fetchPage(null).then(
      (page) =>
        live && setData({ query, items: page.items, next: page.next, error: null, head: page }),
      (e: unknown) =>
        live && setData({ query, items: [], next: null, error: errorMessage(e), head: null }),
    );
    return () => {
      live = false;
    };
  }, [fetchPage, query]);

  const current = data.query === query ? data : null;
  const items = current?.items ?? [];
  const next = current?.next ?? null;
  const scrollTop = scroll.query === query ? scroll.top : 0;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((scrollTop + viewHeight) / rowHeight) + OVERSCAN);

  /** Near the end of what is loaded: fetch the next page, once. */
  const onScroll = (top: number) => {
    setScroll({ query, top });
    const lastVisible = Math.ceil((top + viewHeight) / rowHeight);
    if (!next || lastVisible < items.length - OVERSCAN * 2 || fetching.current === next) return;
    fetching.current = next;
    fetchPage(next).then(
      (page) =>
        setData((old) =>
          old.query === query
            ? { ...old, items: [...old.items, ...page.items], next: page.next }
            : old,
        ),
      (e: unknown) => setData((old) => ({ ...old, error: errorMessage(e) })),
    );
  };

  return {
    /** Null until the first page of the current query has come back. */
    loaded: current !== null,
    error: current?.error ?? null,
    head: current?.head ?? null,
    items,
    next,
    /** The rows to draw: items[first..last). */
    first,
    last,
    onScroll,
    /** Height of the scrolling box: the view, or less when the list is short. */
    boxHeight: Math.min(viewHeight, items.length * rowHeight + 2),
  };
}
