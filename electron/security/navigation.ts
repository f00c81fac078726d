/**
 * Navigation allowlist: a page may only ever show the app's own origin. URLs are parsed,
 * never matched as strings, so "hearth://app.evil.example" or "hearth://app@evil" fail.
 */
export function isAppUrl(candidate: string, appOrigin: string): boolean {
  try {
    return new URL(candidate).origin === new URL(appOrigin).origin;
  } catch {
    return false;
  }
}

interface NavigationEvent {
  preventDefault(): void;
}

interface NavigableContents {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: NavigationEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: NavigationEvent) => void): unknown;
}

export function guardNavigation(contents: NavigableContents, appOrigin: string): void {
  const block = (event: NavigationEvent, url: string) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault();
  };
  contents.on('will-navigate', block);
  contents.on('will-redirect', block);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
