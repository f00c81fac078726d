/** New windows are never opened by page content: links, window.open and target=_blank are denied. */
export function denyWindowOpen(): { action: 'deny' } {
  return { action: 'deny' };
}
