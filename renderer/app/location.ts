import { useCallback, useSyncExternalStore } from 'react';

/**
 * Where the window is, kept in the address's fragment (`#families?grade=2`), so the
 * browser's and Electron's Back and Forward return to a page with its filters as they were.
 * The fragment never reaches a server, and browser mode's launch secret has left it before
 * the app starts (api/client.ts).
 */
export const PAGES = [
  'front-desk',
  'visitor-log',
  'families',
  'home-visits',
  'follow-ups',
  'health',
  'strengths',
  'insights',
  'settings',
  'sync',
  'roll-call',
] as const;
export type Page = (typeof PAGES)[number];

function parse(hash: string): { page: Page | null; params: string } {
  const [path = '', params = ''] = hash.replace(/^#\/?/, '').split('?');
  return { page: (PAGES as readonly string[]).includes(path) ? (path as Page) : null, params };
}

export function currentPage(): Page | null {
  return parse(window.location.hash).page;
}

/** Go to a page (a new history entry), or change its parameters in place. */
export function goTo(page: Page, params = '', how: 'push' | 'replace' = 'push'): void {
  const hash = `#${page}${params ? `?${params}` : ''}`;
  if (hash === window.location.hash) return;
  if (how === 'push') history.pushState(null, '', hash);
  else history.replaceState(null, '', hash);
  window.dispatchEvent(new Event('hearth:location'));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('hearth:location', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hearth:location', onChange);
  };
}

/** Follow the page named by the address, as Back and Forward change it. */
export function useLocationPage(): Page | null {
  return useSyncExternalStore(subscribe, currentPage);
}

/** The whole address fragment: it changes with every page and filter change. */
export function useLocationKey(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/**
 * One page's parameters in the address. `push` makes a history entry (a filter chosen);
 * `replace` changes the current one (a search being typed).
 */
export function usePageParams(
  page: Page,
): [URLSearchParams, (next: URLSearchParams, how?: 'push' | 'replace') => void] {
  const raw = useSyncExternalStore(subscribe, () => {
    const at = parse(window.location.hash);
    return at.page === page ? at.params : '';
  });
  const set = useCallback(
    (next: URLSearchParams, how: 'push' | 'replace' = 'push') => goTo(page, next.toString(), how),
    [page],
  );
  return [new URLSearchParams(raw), set];
}
