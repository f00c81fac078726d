/**
 * The content security policy for every page Hearth shows, in Electron and in browser mode.
 * No inline script, no eval, nothing from outside the app's own origin. Inline style
 * attributes are not allowed either; React sets styles through the CSSOM, which CSP permits.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
