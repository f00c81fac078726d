import { extname, join, normalize, sep } from 'node:path';

/**
 * Map a request path to a file under the built renderer, or null when it would leave that
 * folder. Paths without an extension are app routes and get index.html.
 */
export function resolveAsset(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const base = normalize(root + sep);
  const wanted = normalize(join(base, decoded));
  if (!wanted.startsWith(base)) return null;
  return extname(wanted) ? wanted : join(base, 'index.html');
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};
